package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;

/** bash brace expansion of unquoted text: {@code a{b,c}d}, {@code {1..5}}, {@code {01..10..2}}, {@code {a..e}}, nested. */
final class Braces {
    /** Expansions beyond this many words are left unexpanded (a typo should not eat the lab's memory). */
    static final int LIMIT = 10_000;

    private Braces() { }

    static boolean mayExpand(String s) {
        int open = s.indexOf('{');
        return open >= 0 && s.indexOf('}', open) > open;
    }

    /** The words {@code s} expands to; {@code [s]} when it holds no valid brace expression. */
    static List<String> expand(String s) {
        List<String> out = new ArrayList<>();
        expandInto(s, out, 0);
        return out.size() > LIMIT ? List.of(s) : out;
    }

    private static void expandInto(String s, List<String> out, int depth) {
        if (out.size() > LIMIT || depth > 50) {
            out.add(s);
            return;
        }
        int from = 0;
        while (true) {
            int open = s.indexOf('{', from);
            if (open < 0) {
                out.add(s);
                return;
            }
            int close = matching(s, open);
            if (close < 0) {
                out.add(s);
                return;
            }
            List<String> alternatives = alternatives(s.substring(open + 1, close));
            if (alternatives == null) {
                from = open + 1;
                continue;
            }
            String prefix = s.substring(0, open);
            String suffix = s.substring(close + 1);
            for (String alt : alternatives) {
                if (out.size() > LIMIT) return;
                expandInto(prefix + alt + suffix, out, depth + 1);
            }
            return;
        }
    }

    private static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated or range alternatives of a brace body, or null when it is not an expansion. */
    private static List<String> alternatives(String body) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') i++;
            else if (c == '{') depth++;
            else if (c == '}') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
        }
        if (!parts.isEmpty()) {
            parts.add(body.substring(start));
            return parts;
        }
        return range(body);
    }

    private static List<String> range(String body) {
        String[] r = body.split("\\.\\.", -1);
        if (r.length != 2 && r.length != 3) return null;
        long step = 1;
        if (r.length == 3) {
            try {
                step = Math.abs(Long.parseLong(r[2]));
            } catch (NumberFormatException e) {
                return null;
            }
            if (step == 0) step = 1;
        }
        List<String> out = new ArrayList<>();
        if (r[0].length() == 1 && r[1].length() == 1 && Character.isLetter(r[0].charAt(0)) && Character.isLetter(r[1].charAt(0))) {
            char a = r[0].charAt(0);
            char b = r[1].charAt(0);
            for (int c = a; a <= b ? c <= b : c >= b; c += a <= b ? step : -step) out.add(String.valueOf((char) c));
            return out;
        }
        long a;
        long b;
        try {
            a = Long.parseLong(r[0]);
            b = Long.parseLong(r[1]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Math.abs(b - a) / step > LIMIT) return null;
        int width = (r[0].startsWith("0") && r[0].length() > 1) || (r[1].startsWith("0") && r[1].length() > 1)
                ? Math.max(r[0].length(), r[1].length()) : 0;
        for (long v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
            String t = Long.toString(Math.abs(v));
            if (t.length() < width) t = "0".repeat(width - t.length() - (v < 0 ? 1 : 0)) + t;
            out.add(v < 0 ? "-" + t : t);
        }
        return out;
    }
}

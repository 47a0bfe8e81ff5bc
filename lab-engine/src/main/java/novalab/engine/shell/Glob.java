package novalab.engine.shell;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/** Pathname expansion ({@code *.pem}, {@code ?}, {@code [a-c]}) against a machine's files, and glob-to-regex translation. */
final class Glob {
    private Glob() { }

    static boolean isGlobChar(char c) { return c == '*' || c == '?' || c == '['; }

    /** True when the unquoted part of {@code text} holds a pattern that could match (a {@code [} needs its {@code ]}). */
    static boolean hasPattern(String text, BitSet active) {
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            char c = text.charAt(i);
            if (c == '*' || c == '?') return true;
            if (c == '[' && text.indexOf(']', i + 2) > 0) return true;
        }
        return false;
    }

    /** Files matching the pattern, sorted; the pattern itself when nothing matches (bash's default). */
    static List<String> expand(String text, BitSet active, VirtualFs fs, String cwd, String home) {
        if (!hasPattern(text, active)) return List.of(text);
        boolean absolute = text.startsWith("/");
        List<String[]> current = new ArrayList<>();
        current.add(new String[] {absolute ? "/" : cwd, absolute ? "/" : ""});
        int start = absolute ? 1 : 0;
        while (start <= text.length()) {
            int slash = text.indexOf('/', start);
            int end = slash < 0 ? text.length() : slash;
            boolean last = slash < 0;
            if (end == start) {
                if (last) break;
                start = end + 1;
                continue;
            }
            String comp = text.substring(start, end);
            BitSet compActive = active.get(start, end);
            List<String[]> next = new ArrayList<>();
            if (!hasPattern(comp, compActive)) {
                for (String[] d : current) {
                    String p = join(d[0], comp);
                    if (last ? fs.exists(p) : fs.isDirectory(p)) next.add(new String[] {p, d[1] + comp + (last ? "" : "/")});
                }
            } else {
                Pattern re = compile(comp, compActive);
                boolean dotOk = comp.startsWith(".");
                for (String[] d : current) {
                    if (!fs.isDirectory(d[0])) continue;
                    List<String> names = new ArrayList<>(fs.list(d[0]));
                    names.sort(Collation.LOCALE);
                    for (String name : names) {
                        if (name.startsWith(".") && !dotOk) continue;
                        if (!re.matcher(name).matches()) continue;
                        String p = join(d[0], name);
                        if (!last && !fs.isDirectory(p)) continue;
                        next.add(new String[] {p, d[1] + name + (last ? "" : "/")});
                    }
                }
            }
            current = next;
            if (current.isEmpty() || last) break;
            start = end + 1;
        }
        if (current.isEmpty()) return List.of(text);
        List<String> out = new ArrayList<>();
        for (String[] d : current) out.add(d[1]);
        return out;
    }

    private static String join(String dir, String name) { return dir.equals("/") ? "/" + name : dir + "/" + name; }

    /** The compiled pattern for a glob (DOTALL); a pattern Java rejects (such as {@code [z-a]}) matches only itself. */
    static Pattern compile(String text, BitSet active) {
        try {
            return Pattern.compile(toRegex(text, active, 0, text.length()), Pattern.DOTALL);
        } catch (java.util.regex.PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(text));
        }
    }

    /** A Java regex for text[from, to) where positions in {@code active} are glob syntax and the rest literal. */
    static String toRegex(String text, BitSet active, int from, int to) {
        StringBuilder re = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!active.get(i)) {
                appendLiteral(re, c);
                i++;
            } else if (c == '*') {
                re.append(".*");
                i++;
            } else if (c == '?') {
                re.append('.');
                i++;
            } else if (c == '[') {
                int close = bracketEnd(text, i, to);
                if (close < 0) {
                    re.append("\\[");
                    i++;
                } else {
                    re.append(bracket(text.substring(i + 1, close)));
                    i = close + 1;
                }
            } else {
                appendLiteral(re, c);
                i++;
            }
        }
        return re.toString();
    }

    private static int bracketEnd(String text, int open, int to) {
        int i = open + 1;
        if (i < to && (text.charAt(i) == '!' || text.charAt(i) == '^')) i++;
        if (i < to && text.charAt(i) == ']') i++;
        while (i < to) {
            if (text.startsWith("[:", i)) {
                int e = text.indexOf(":]", i + 2);
                if (e > 0 && e < to) {
                    i = e + 2;
                    continue;
                }
            }
            if (text.charAt(i) == ']') return i;
            i++;
        }
        return -1;
    }

    /** Translates the inside of a POSIX bracket expression into a Java character class. */
    static String bracket(String body) {
        StringBuilder re = new StringBuilder("[");
        int i = 0;
        if (i < body.length() && (body.charAt(i) == '!' || body.charAt(i) == '^')) {
            re.append('^');
            i++;
        }
        while (i < body.length()) {
            char c = body.charAt(i);
            if (body.startsWith("[:", i)) {
                int e = body.indexOf(":]", i + 2);
                if (e > 0) {
                    re.append(posixClass(body.substring(i + 2, e)));
                    i = e + 2;
                    continue;
                }
            }
            if (c == '-' && i > 0 && i + 1 < body.length()) re.append('-');
            else if (Character.isLetterOrDigit(c)) re.append(c);
            else re.append('\\').append(c);
            i++;
        }
        return re.append(']').toString();
    }

    static String posixClass(String name) {
        switch (name) {
            case "alpha": return "\\p{Alpha}";
            case "digit": return "0-9";
            case "alnum": return "\\p{Alnum}";
            case "upper": return "\\p{Upper}";
            case "lower": return "\\p{Lower}";
            case "space": return "\\s";
            case "blank": return " \\t";
            case "punct": return "\\p{Punct}";
            case "xdigit": return "0-9A-Fa-f";
            case "cntrl": return "\\p{Cntrl}";
            case "print": return "\\p{Print}";
            case "graph": return "\\p{Graph}";
            default: return "\\x00";
        }
    }

    private static void appendLiteral(StringBuilder re, char c) {
        if (Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c >= 0x80) re.append(c);
        else re.append('\\').append(c);
    }
}

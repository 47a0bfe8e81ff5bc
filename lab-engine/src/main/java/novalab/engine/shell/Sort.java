package novalab.engine.shell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import novalab.engine.shell.Text.Source;

/** GNU {@code sort}: -n -h -r -u -f -b -k F[.C][,F[.C]][nrfbh] -t X -c -o FILE; locale-style text order. */
final class Sort {
    /** One -k key: fields from..to (1-based, to 0 = end of line) and its own ordering flags. */
    private record Key(int from, int to, boolean numeric, boolean human, boolean reverse, boolean fold, boolean blanks) {}

    private Sort() { }

    static int run(Call c) {
        Opts o = Opts.parse(c, "nrufbdhVsMgcCR", "ktoST", Map.of("numeric-sort", 'n', "reverse", 'r', "unique", 'u',
                "ignore-case", 'f', "key", 'k', "field-separator", 't', "output", 'o', "check", 'c',
                "human-numeric-sort", 'h', "stable", 's'), 2, "");
        if (o.failed()) return o.status();
        String tab = o.has('t') ? o.value('t', "") : null;
        if (tab != null && tab.length() != 1) {
            if (tab.isEmpty()) return c.fail(2, "empty tab");
            return c.fail(2, "multi-character tab '" + tab + "'");
        }
        boolean numeric = o.has('n') || o.has('g');
        List<Key> keys = new ArrayList<>();
        for (String spec : o.values('k')) {
            Key k = parseKey(spec, numeric, o.has('h'), o.has('r'), o.has('f'), o.has('b'));
            if (k == null) return c.fail(2, "invalid number at field start: invalid count at start of '" + spec + "'");
            keys.add(k);
        }
        boolean[] failed = {false};
        List<Source> sources = Text.inputs(c, o.operands, (f, r) -> "cannot read: " + f + ": " + r, failed);
        if (failed[0]) return 2;
        List<String> lines = new ArrayList<>();
        for (Source s : sources) lines.addAll(Text.lines(s.text()));
        Comparator<String> cmp = comparator(keys, tab, numeric, o.has('h'), o.has('f'), o.has('b'));
        Comparator<String> full = o.has('r') && keys.isEmpty() ? cmp.reversed() : cmp;
        if (!o.has('s') && !o.has('u')) {
            Comparator<String> last = Collation::compare;
            full = full.thenComparing(o.has('r') ? last.reversed() : last);
        }
        if (o.has('c') || o.has('C')) {
            for (int i = 1; i < lines.size(); i++) {
                if (full.compare(lines.get(i - 1), lines.get(i)) > 0) {
                    if (o.has('c')) c.errln("sort: " + (o.operands.isEmpty() ? "-" : o.operands.get(0)) + ":" + (i + 1) + ": disorder: " + lines.get(i));
                    return 1;
                }
            }
            return 0;
        }
        lines.sort(full);
        if (o.has('u')) {
            List<String> unique = new ArrayList<>();
            for (String l : lines) if (unique.isEmpty() || cmp.compare(unique.get(unique.size() - 1), l) != 0) unique.add(l);
            lines = unique;
        }
        String text = Text.join(lines);
        if (o.has('o')) {
            String target = o.value('o', "");
            String path = c.path(target);
            String problem = Redirections.writeProblem(c.fs(), path, c.user());
            if (problem != null) return c.fail(2, "open failed: " + target + ": " + problem);
            c.fs().write(path, text, 0644, c.user());
            return 0;
        }
        c.out(text);
        return 0;
    }

    private static Key parseKey(String spec, boolean n, boolean h, boolean r, boolean f, boolean b) {
        String s = spec;
        String flags = "";
        int comma = s.indexOf(',');
        String startPart = comma < 0 ? s : s.substring(0, comma);
        String endPart = comma < 0 ? "" : s.substring(comma + 1);
        int from = field(startPart);
        if (from < 1) return null;
        flags += letters(startPart) + letters(endPart);
        int to = endPart.isEmpty() ? 0 : field(endPart);
        if (!endPart.isEmpty() && to < 1) return null;
        boolean own = !flags.isEmpty();
        return new Key(from, to, own ? flags.contains("n") || flags.contains("g") : n, own ? flags.contains("h") : h,
                own ? flags.contains("r") : r, own ? flags.contains("f") : f, own ? flags.contains("b") : b);
    }

    private static int field(String part) {
        int i = 0;
        while (i < part.length() && Character.isDigit(part.charAt(i))) i++;
        if (i == 0) return -1;
        try {
            return Integer.parseInt(part.substring(0, i));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String letters(String part) {
        StringBuilder sb = new StringBuilder();
        for (char ch : part.toCharArray()) if (Character.isLetter(ch)) sb.append(ch);
        return sb.toString();
    }

    private static Comparator<String> comparator(List<Key> keys, String tab, boolean n, boolean h, boolean f, boolean b) {
        if (keys.isEmpty()) return (x, y) -> compareText(x, y, n, h, f, b);
        return (x, y) -> {
            for (Key k : keys) {
                int r = compareText(extract(x, k, tab), extract(y, k, tab), k.numeric(), k.human(), k.fold(), k.blanks());
                if (r != 0) return k.reverse() ? -r : r;
            }
            return 0;
        };
    }

    private static int compareText(String x, String y, boolean numeric, boolean human, boolean fold, boolean blanks) {
        if (numeric || human) return Double.compare(number(x, human), number(y, human));
        String a = blanks ? x.strip() : x;
        String b = blanks ? y.strip() : y;
        if (fold) return Collation.compare(a.toUpperCase(java.util.Locale.ROOT), b.toUpperCase(java.util.Locale.ROOT));
        return Collation.compare(a, b);
    }

    private static double number(String s, boolean human) {
        String t = s.strip();
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) i++;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
        double v;
        try {
            v = i == 0 ? 0 : Double.parseDouble(t.substring(0, i));
        } catch (NumberFormatException e) {
            v = 0;
        }
        if (human && i < t.length()) {
            int p = "KMGTPE".indexOf(Character.toUpperCase(t.charAt(i)));
            if (p >= 0) v *= Math.pow(1024, p + 1);
        }
        return v;
    }

    /** The key's text: fields split on the tab character, or on blank-to-nonblank transitions (leading blanks kept). */
    private static String extract(String line, Key k, String tab) {
        List<int[]> spans = new ArrayList<>();
        if (tab != null) {
            int start = 0;
            while (true) {
                int i = line.indexOf(tab.charAt(0), start);
                spans.add(new int[] {start, i < 0 ? line.length() : i});
                if (i < 0) break;
                start = i + 1;
            }
        } else {
            int i = 0;
            while (i < line.length()) {
                int start = i;
                while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
                while (i < line.length() && !Character.isWhitespace(line.charAt(i))) i++;
                spans.add(new int[] {start, i});
            }
        }
        if (k.from() > spans.size()) return "";
        int start = spans.get(k.from() - 1)[0];
        int end = k.to() == 0 || k.to() > spans.size() ? line.length() : spans.get(k.to() - 1)[1];
        return end <= start ? "" : line.substring(start, end);
    }
}

package novalab.engine.shell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import novalab.engine.shell.Text.Source;

/** The GNU text filters students pipe into: grep, head, tail, wc, cut, uniq, tr, seq, xargs. */
final class TextCommands {
    private static final String GREP_USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...";

    private TextCommands() { }

    static int grep(Call c) {
        Map<String, Character> longs = Map.ofEntries(Map.entry("ignore-case", 'i'), Map.entry("invert-match", 'v'),
                Map.entry("count", 'c'), Map.entry("line-number", 'n'), Map.entry("extended-regexp", 'E'),
                Map.entry("fixed-strings", 'F'), Map.entry("word-regexp", 'w'), Map.entry("line-regexp", 'x'),
                Map.entry("only-matching", 'o'), Map.entry("quiet", 'q'), Map.entry("silent", 'q'),
                Map.entry("no-messages", 's'), Map.entry("files-with-matches", 'l'), Map.entry("files-without-match", 'L'),
                Map.entry("no-filename", 'h'), Map.entry("with-filename", 'H'), Map.entry("recursive", 'r'),
                Map.entry("regexp", 'e'), Map.entry("max-count", 'm'), Map.entry("after-context", 'A'),
                Map.entry("before-context", 'B'), Map.entry("context", 'C'), Map.entry("color", '\u0001'),
                Map.entry("colour", '\u0001'));
        Opts o = Opts.parse(c, "ivcnEFGwxoqslLhHrRPIa\u0001", "efmABC", longs, 2, GREP_USAGE);
        if (o.failed()) return o.status();
        List<String> operands = new ArrayList<>(o.operands);
        List<String> patterns = new ArrayList<>();
        if (o.has('e')) {
            for (String e : o.values('e')) patterns.addAll(List.of(e.split("\n", -1)));
        } else {
            if (operands.isEmpty()) {
                c.errln(GREP_USAGE);
                c.errln("Try 'grep --help' for more information.");
                return 2;
            }
            patterns.addAll(List.of(operands.remove(0).split("\n", -1)));
        }
        Pattern re;
        try {
            re = grepPattern(patterns, o);
        } catch (PatternSyntaxException e) {
            return c.fail(2, Regex.message(e));
        }
        long max = Long.MAX_VALUE;
        if (o.has('m')) {
            Optional<Long> m = Text.count(o.value('m', ""));
            if (m.isEmpty()) return c.fail(2, "invalid max count");
            max = m.get();
        }
        int after = context(c, o, 'A');
        int before = context(c, o, 'B');
        int both = context(c, o, 'C');
        if (after < 0 || before < 0 || both < 0) return 2;
        if (!o.has('A')) after = both;
        if (!o.has('B')) before = both;
        boolean recursive = o.has('r') || o.has('R');
        boolean failed = false;
        List<Source> sources = new ArrayList<>();
        if (operands.isEmpty()) operands.add(recursive ? "." : "-");
        for (String op : operands) {
            String path = c.path(op);
            if (recursive && c.fs().isDirectory(path)) {
                for (String f : c.fs().filesUnder(path)) {
                    String shown = op.equals(".") ? f.substring(path.length() + (path.equals("/") ? 0 : 1)) : (op.endsWith("/") ? op : op + "/") + f.substring(path.length() + (path.equals("/") ? 0 : 1));
                    sources.add(new Source(shown, c.fs().file(f).map(VirtualFs.FileEntry::content).orElse("")));
                }
                continue;
            }
            if (op.equals("-")) {
                sources.add(new Source("(standard input)", c.in().readAll()));
                continue;
            }
            Optional<String> text = o.has('s') ? quietRead(c, path) : FileCommands.read(c, op);
            if (text.isPresent()) sources.add(new Source(op, text.get()));
            else failed = true;
        }
        boolean names = !o.has('h') && (o.has('H') || operands.size() > 1 || recursive);
        boolean any = false;
        StringBuilder out = new StringBuilder();
        for (Source src : sources) {
            boolean found = grepOne(src, re, o, names, max, before, after, out);
            any |= found;
            if (found && o.has('q')) return 0;
        }
        if (!o.has('q')) c.out(out.toString());
        if (failed) return 2;
        return any ? 0 : 1;
    }

    private static Optional<String> quietRead(Call c, String path) {
        return c.fs().file(path).map(VirtualFs.FileEntry::content);
    }

    private static int context(Call c, Opts o, char ch) {
        if (!o.has(ch)) return 0;
        Optional<Long> n = Text.count(o.value(ch, ""));
        if (n.isEmpty() || n.get() < 0) {
            c.errln("grep: " + o.value(ch, "") + ": invalid context length argument");
            return -1;
        }
        return (int) Math.min(n.get(), 1000);
    }

    private static Pattern grepPattern(List<String> patterns, Opts o) {
        StringBuilder re = new StringBuilder();
        for (String p : patterns) {
            if (re.length() > 0) re.append('|');
            String body = o.has('F') ? Pattern.quote(p) : Regex.translate(p, o.has('E'));
            re.append("(?:").append(body).append(')');
        }
        String r = re.toString();
        if (o.has('x')) r = "^(?:" + r + ")$";
        else if (o.has('w')) r = "(?<![\\p{L}\\p{N}_])(?:" + r + ")(?![\\p{L}\\p{N}_])";
        int flags = o.has('i') ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return Pattern.compile(r, flags);
    }

    private static boolean grepOne(Source src, Pattern re, Opts o, boolean names, long max, int before, int after, StringBuilder out) {
        List<String> lines = Text.lines(src.text());
        String prefix = names ? src.name() : "";
        long count = 0;
        int lastPrinted = -1;
        int afterLeft = 0;
        boolean context = (before > 0 || after > 0) && !o.has('c') && !o.has('l') && !o.has('L') && !o.has('o');
        for (int i = 0; i < lines.size() && count < max; i++) {
            String line = lines.get(i);
            Matcher m = re.matcher(line);
            boolean hit = m.find() != o.has('v');
            if (!hit) {
                if (context && afterLeft > 0) {
                    emit(out, prefix, '-', i, line, o);
                    lastPrinted = i;
                    afterLeft--;
                }
                continue;
            }
            count++;
            if (o.has('q') || o.has('l') || o.has('L') || o.has('c')) continue;
            if (context) {
                int from = Math.max(lastPrinted + 1, i - before);
                if (lastPrinted >= 0 && from > lastPrinted + 1) out.append("--\n");
                for (int k = from; k < i; k++) emit(out, prefix, '-', k, lines.get(k), o);
                afterLeft = after;
            }
            if (o.has('o') && !o.has('v')) {
                m.reset();
                while (m.find()) {
                    if (m.end() == m.start()) continue;
                    emit(out, prefix, ':', i, m.group(), o);
                }
            } else {
                emit(out, prefix, ':', i, line, o);
            }
            lastPrinted = i;
        }
        if (o.has('c')) out.append(names ? prefix + ":" : "").append(count).append('\n');
        if (o.has('l') && count > 0) out.append(src.name()).append('\n');
        if (o.has('L') && count == 0) out.append(src.name()).append('\n');
        return count > 0;
    }

    private static void emit(StringBuilder out, String prefix, char sep, int index, String text, Opts o) {
        if (!prefix.isEmpty()) out.append(prefix).append(sep);
        if (o.has('n')) out.append(index + 1).append(sep);
        out.append(text).append('\n');
    }

    // ---- head / tail --------------------------------------------------------------------------------

    /** Turns the obsolete {@code -5} into {@code -n 5} before option parsing. */
    private static Call numericShorthand(Call c) {
        List<String> args = new ArrayList<>();
        String prev = "";
        for (String a : c.args) {
            boolean valueOfPrevious = prev.equals("-n") || prev.equals("-c") || prev.equals("--lines") || prev.equals("--bytes");
            prev = a;
            if (!valueOfPrevious && a.length() > 1 && a.charAt(0) == '-' && Character.isDigit(a.charAt(1)) && a.substring(1).chars().allMatch(Character::isDigit)) {
                args.add("-n");
                args.add(a.substring(1));
            } else {
                args.add(a);
            }
        }
        return new Call(c.name, args, c.frame, c.sh, c.env);
    }

    static int head(Call c0) {
        Call c = numericShorthand(c0);
        Opts o = Opts.parse(c, "qvz", "nc", Map.of("lines", 'n', "bytes", 'c', "quiet", 'q', "silent", 'q', "verbose", 'v'), 1, "");
        if (o.failed()) return o.status();
        boolean bytes = o.has('c');
        String spec = bytes ? o.value('c', "10") : o.value('n', "10");
        Optional<Long> n = Text.count(spec);
        if (n.isEmpty()) return c.fail(1, "invalid number of " + (bytes ? "bytes" : "lines") + ": '" + spec + "'");
        boolean[] failed = {false};
        List<Source> sources = Text.inputs(c, o.operands, (f, r) -> "cannot open '" + f + "' for reading: " + r, failed);
        boolean headers = (o.operands.size() > 1 || o.has('v')) && !o.has('q');
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            if (headers) out.append(i > 0 ? "\n" : "").append("==> ").append(s.name().equals("-") ? "standard input" : s.name()).append(" <==\n");
            long k = n.get();
            boolean allBut = spec.startsWith("-");
            if (bytes) out.append(allBut ? s.text().substring(0, (int) Math.max(0, s.text().length() + k)) : s.text().substring(0, (int) Math.min(k, s.text().length())));
            else out.append(allBut ? dropLastLines(s.text(), -k) : firstLines(s.text(), k));
        }
        c.out(out.toString());
        return failed[0] ? 1 : 0;
    }

    private static String firstLines(String text, long n) {
        int pos = 0;
        for (long i = 0; i < n; i++) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) return text;
            pos = nl + 1;
        }
        return text.substring(0, pos);
    }

    private static String dropLastLines(String text, long n) {
        List<String> lines = Text.lines(text);
        int keep = (int) Math.max(0, lines.size() - n);
        return Text.join(lines.subList(0, keep));
    }

    static int tail(Call c0) {
        Call c = numericShorthand(c0);
        Opts o = Opts.parse(c, "qvfFz", "ncs", Map.of("lines", 'n', "bytes", 'c', "quiet", 'q', "silent", 'q',
                "verbose", 'v', "follow", 'f'), 1, "");
        if (o.failed()) return o.status();
        boolean bytes = o.has('c');
        String spec = bytes ? o.value('c', "10") : o.value('n', "10");
        Optional<Long> n = Text.count(spec);
        if (n.isEmpty()) return c.fail(1, "invalid number of " + (bytes ? "bytes" : "lines") + ": '" + spec + "'");
        boolean fromStart = spec.startsWith("+");
        long k = Math.abs(n.get());
        boolean[] failed = {false};
        List<Source> sources = Text.inputs(c, o.operands, (f, r) -> "cannot open '" + f + "' for reading: " + r, failed);
        boolean headers = (o.operands.size() > 1 || o.has('v')) && !o.has('q');
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            if (headers) out.append(i > 0 ? "\n" : "").append("==> ").append(s.name().equals("-") ? "standard input" : s.name()).append(" <==\n");
            String t = s.text();
            if (bytes) {
                int len = t.length();
                out.append(fromStart ? t.substring((int) Math.min(len, Math.max(0, k - 1))) : t.substring((int) Math.max(0, len - k)));
                continue;
            }
            List<String> lines = Text.lines(t);
            int from = fromStart ? (int) Math.min(lines.size(), Math.max(0, k - 1)) : (int) Math.max(0, lines.size() - k);
            String part = Text.join(lines.subList(from, lines.size()));
            if (!t.endsWith("\n") && !part.isEmpty()) part = part.substring(0, part.length() - 1);
            out.append(part);
        }
        c.out(out.toString());
        return failed[0] ? 1 : 0;
    }

    // ---- wc -----------------------------------------------------------------------------------------

    static int wc(Call c) {
        Opts o = Opts.parse(c, "lwcmL", "", Map.of("lines", 'l', "words", 'w', "bytes", 'c', "chars", 'm', "max-line-length", 'L'), 1, "");
        if (o.failed()) return o.status();
        boolean def = !o.has('l') && !o.has('w') && !o.has('c') && !o.has('m') && !o.has('L');
        boolean[] show = {def || o.has('l'), def || o.has('w'), o.has('m'), def || o.has('c'), o.has('L')};
        int shown = 0;
        for (boolean b : show) if (b) shown++;
        boolean[] failed = {false};
        List<Source> sources = Text.inputs(c, o.operands, (f, r) -> f + ": " + r, failed);
        List<long[]> counts = new ArrayList<>();
        long[] total = new long[5];
        long sizeSum = 0;
        for (Source s : sources) {
            long[] k = counts(s.text());
            counts.add(k);
            for (int i = 0; i < 5; i++) total[i] = i == 4 ? Math.max(total[i], k[i]) : total[i] + k[i];
            sizeSum += k[3];
        }
        boolean stdin = o.operands.isEmpty() || o.operands.contains("-");
        int width;
        if (shown == 1 && sources.size() == 1 && o.operands.size() <= 1) width = 1;
        else if (stdin) width = 7;
        else width = Math.max(1, Long.toString(sizeSum).length());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sources.size(); i++) {
            line(out, counts.get(i), show, width, sources.get(i).name().equals("-") ? "" : sources.get(i).name());
        }
        if (o.operands.size() > 1) line(out, total, show, width, "total");
        c.out(out.toString());
        return failed[0] ? 1 : 0;
    }

    private static long[] counts(String t) {
        long lines = 0;
        long words = 0;
        long max = 0;
        long cur = 0;
        boolean inWord = false;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == '\n') {
                lines++;
                max = Math.max(max, cur);
                cur = 0;
            } else {
                cur += ch == '\t' ? 8 - cur % 8 : 1;
            }
            boolean space = Character.isWhitespace(ch);
            if (!space && !inWord) words++;
            inWord = !space;
        }
        max = Math.max(max, cur);
        return new long[] {lines, words, t.codePointCount(0, t.length()), t.getBytes(StandardCharsets.UTF_8).length, max};
    }

    private static void line(StringBuilder out, long[] k, boolean[] show, int width, String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            if (!show[i]) continue;
            if (sb.length() > 0) sb.append(' ');
            String v = Long.toString(k[i]);
            sb.append(" ".repeat(Math.max(0, width - v.length()))).append(v);
        }
        if (!name.isEmpty()) sb.append(' ').append(name);
        out.append(sb).append('\n');
    }

    // ---- cut ----------------------------------------------------------------------------------------

    static int cut(Call c) {
        Opts o = Opts.parse(c, "sn\u0003z", "dfcb\u0002", Map.of("delimiter", 'd', "fields", 'f', "characters", 'c',
                "bytes", 'b', "only-delimited", 's', "output-delimiter", '\u0002', "complement", '\u0003'), 1, "");
        if (o.failed()) return o.status();
        int kinds = (o.has('f') ? 1 : 0) + (o.has('c') ? 1 : 0) + (o.has('b') ? 1 : 0);
        if (kinds == 0) return c.usage(1, "you must specify a list of bytes, characters, or fields");
        if (kinds > 1) return c.usage(1, "only one type of list may be specified");
        boolean fields = o.has('f');
        if (o.has('d') && !fields) return c.usage(1, "an input delimiter may be specified only when operating on fields");
        String delim = o.value('d', "\t");
        if (delim.length() != 1) return c.usage(1, "the delimiter must be a single character");
        String spec = o.value(fields ? 'f' : o.has('c') ? 'c' : 'b', "");
        List<int[]> ranges = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            int dash = part.indexOf('-');
            try {
                int lo;
                int hi;
                if (dash < 0) {
                    lo = Integer.parseInt(part);
                    hi = lo;
                } else {
                    lo = dash == 0 ? 1 : Integer.parseInt(part.substring(0, dash));
                    hi = dash == part.length() - 1 ? Integer.MAX_VALUE : Integer.parseInt(part.substring(dash + 1));
                    if (dash == 0 && part.length() == 1) throw new NumberFormatException();
                }
                if (lo < 1 || hi < 1) return c.usage(1, (fields ? "fields" : "byte/character positions") + " are numbered from 1");
                if (hi < lo) return c.usage(1, "invalid decreasing range");
                ranges.add(new int[] {lo, hi});
            } catch (NumberFormatException e) {
                return c.usage(1, fields ? "invalid field value '" + part + "'" : "invalid byte or character position '" + part + "'");
            }
        }
        String outDelim = o.value('\u0002', delim);
        boolean complement = o.has('\u0003');
        boolean[] failed = {false};
        StringBuilder out = new StringBuilder();
        for (Source s : Text.inputs(c, o.operands, (f, r) -> f + ": " + r, failed)) {
            for (String line : Text.lines(s.text())) {
                if (fields) {
                    if (line.indexOf(delim.charAt(0)) < 0) {
                        if (!o.has('s')) out.append(line).append('\n');
                        continue;
                    }
                    String[] parts = line.split(Pattern.quote(delim), -1);
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < parts.length; i++) {
                        if (selected(ranges, i + 1) != complement) {
                            if (sb.length() > 0 || hasSelectedBefore(ranges, i + 1, complement)) sb.append(outDelim);
                            sb.append(parts[i]);
                        }
                    }
                    out.append(sb).append('\n');
                } else {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < line.length(); i++) if (selected(ranges, i + 1) != complement) sb.append(line.charAt(i));
                    out.append(sb).append('\n');
                }
            }
        }
        c.out(out.toString());
        return failed[0] ? 1 : 0;
    }

    private static boolean selected(List<int[]> ranges, int i) {
        for (int[] r : ranges) if (i >= r[0] && i <= r[1]) return true;
        return false;
    }

    private static boolean hasSelectedBefore(List<int[]> ranges, int i, boolean complement) {
        for (int k = 1; k < i; k++) if (selected(ranges, k) != complement) return true;
        return false;
    }

    // ---- uniq ---------------------------------------------------------------------------------------

    static int uniq(Call c) {
        Opts o = Opts.parse(c, "cdui", "fsw", Map.of("count", 'c', "repeated", 'd', "unique", 'u', "ignore-case", 'i'), 1, "");
        if (o.failed()) return o.status();
        if (o.operands.size() > 2) return c.usage(1, "extra operand '" + o.operands.get(2) + "'");
        boolean[] failed = {false};
        List<Source> in = Text.inputs(c, o.operands.isEmpty() ? List.of() : List.of(o.operands.get(0)), (f, r) -> f + ": " + r, failed);
        if (failed[0]) return 1;
        StringBuilder out = new StringBuilder();
        List<String> lines = Text.lines(in.get(0).text());
        int i = 0;
        while (i < lines.size()) {
            int j = i + 1;
            while (j < lines.size() && (o.has('i') ? lines.get(j).equalsIgnoreCase(lines.get(i)) : lines.get(j).equals(lines.get(i)))) j++;
            int n = j - i;
            if ((!o.has('d') || n > 1) && (!o.has('u') || n == 1)) {
                if (o.has('c')) out.append(String.format(Locale.ROOT, "%7d ", n));
                out.append(lines.get(i)).append('\n');
            }
            i = j;
        }
        if (o.operands.size() == 2) {
            String path = c.path(o.operands.get(1));
            String problem = Redirections.writeProblem(c.fs(), path, c.user());
            if (problem != null) return c.fail(1, o.operands.get(1) + ": " + problem);
            c.fs().write(path, out.toString(), 0644, c.user());
        } else {
            c.out(out.toString());
        }
        return 0;
    }

    // ---- tr -----------------------------------------------------------------------------------------

    static int tr(Call c) {
        Opts o = Opts.parse(c, "dscCt", "", Map.of("delete", 'd', "squeeze-repeats", 's', "complement", 'c'), 1, "");
        if (o.failed()) return o.status();
        List<String> sets = o.operands;
        boolean delete = o.has('d');
        boolean squeeze = o.has('s');
        boolean complement = o.has('c') || o.has('C');
        if (sets.isEmpty()) return c.usage(1, "missing operand");
        if (!delete && !squeeze && sets.size() < 2) {
            c.errln("tr: missing operand after '" + sets.get(0) + "'");
            c.errln("Two strings must be given when translating.");
            c.errln("Try 'tr --help' for more information.");
            return 1;
        }
        int max = delete && squeeze || !delete && !squeeze ? 2 : (delete ? 1 : 2);
        if (sets.size() > max) {
            c.errln("tr: extra operand '" + sets.get(max) + "'");
            if (delete && sets.size() == 2) c.errln("Only one string may be given when deleting without squeezing repeats.");
            c.errln("Try 'tr --help' for more information.");
            return 1;
        }
        String set1 = expandSet(sets.get(0));
        String set2 = sets.size() > 1 ? expandSet(sets.get(1)) : "";
        String input = c.in().readAll();
        StringBuilder out = new StringBuilder();
        char last = 0;
        boolean haveLast = false;
        String squeezeSet = delete || sets.size() < 2 ? (delete ? set2 : set1) : set2;
        boolean squeezeComplement = complement && !delete && sets.size() < 2;
        for (int i = 0; i < input.length(); i++) {
            char ch = input.charAt(i);
            boolean in1 = (set1.indexOf(ch) >= 0) != complement;
            if (delete && in1) continue;
            char mapped = ch;
            if (!delete && sets.size() > 1 && in1) {
                if (set2.isEmpty()) {
                    mapped = ch;
                } else if (complement) {
                    mapped = set2.charAt(set2.length() - 1);
                } else {
                    int idx = set1.lastIndexOf(ch);
                    mapped = set2.charAt(Math.min(idx, set2.length() - 1));
                }
            }
            if (squeeze && haveLast && mapped == last && ((squeezeSet.indexOf(mapped) >= 0) != squeezeComplement)) continue;
            out.append(mapped);
            last = mapped;
            haveLast = true;
        }
        c.out(out.toString());
        return 0;
    }

    static String expandSet(String spec) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        int n = spec.length();
        while (i < n) {
            if (spec.startsWith("[:", i)) {
                int e = spec.indexOf(":]", i + 2);
                if (e > 0) {
                    sb.append(classChars(spec.substring(i + 2, e)));
                    i = e + 2;
                    continue;
                }
            }
            char ch = spec.charAt(i);
            int width = 1;
            if (ch == '\\' && i + 1 < n) {
                StringBuilder tmp = new StringBuilder();
                int end = i + 2;
                if (Character.isDigit(spec.charAt(i + 1))) {
                    while (end < n && end - i < 4 && spec.charAt(end) >= '0' && spec.charAt(end) <= '7') end++;
                }
                Escapes.apply(spec.substring(i, end), tmp, true);
                ch = tmp.length() > 0 ? tmp.charAt(0) : spec.charAt(i + 1);
                if (tmp.length() == 2 && tmp.charAt(0) == '\\') ch = tmp.charAt(1);
                width = end - i;
            }
            if (i + width + 1 < n && spec.charAt(i + width) == '-') {
                char hi = spec.charAt(i + width + 1);
                if (hi >= ch) {
                    for (char k = ch; k <= hi && k >= ch; k++) {
                        sb.append(k);
                        if (k == Character.MAX_VALUE) break;
                    }
                    i += width + 2;
                    continue;
                }
            }
            sb.append(ch);
            i += width;
        }
        return sb.toString();
    }

    private static String classChars(String name) {
        StringBuilder sb = new StringBuilder();
        for (char ch = 0; ch < 128; ch++) {
            boolean in;
            switch (name) {
                case "alpha": in = Character.isLetter(ch); break;
                case "digit": in = Character.isDigit(ch); break;
                case "alnum": in = Character.isLetterOrDigit(ch); break;
                case "upper": in = Character.isUpperCase(ch); break;
                case "lower": in = Character.isLowerCase(ch); break;
                case "space": in = " \t\n\r\f\u000b".indexOf(ch) >= 0; break;
                case "blank": in = ch == ' ' || ch == '\t'; break;
                case "punct": in = ch > 32 && ch < 127 && !Character.isLetterOrDigit(ch); break;
                case "xdigit": in = Character.digit(ch, 16) >= 0; break;
                case "cntrl": in = ch < 32 || ch == 127; break;
                case "print": in = ch >= 32 && ch < 127; break;
                case "graph": in = ch > 32 && ch < 127; break;
                default: in = false;
            }
            if (in) sb.append(ch);
        }
        return sb.toString();
    }

    // ---- seq ----------------------------------------------------------------------------------------

    static int seq(Call c) {
        String sep = "\n";
        boolean equalWidth = false;
        List<String> nums = new ArrayList<>();
        List<String> a = c.args;
        for (int i = 0; i < a.size(); i++) {
            String s = a.get(i);
            if (s.equals("-s") || s.equals("--separator")) {
                if (i + 1 >= a.size()) return c.usage(1, "option requires an argument -- 's'");
                sep = a.get(++i);
            } else if (s.startsWith("-s") && s.length() > 2 && !isNumber(s)) {
                sep = s.substring(2);
            } else if (s.equals("-w") || s.equals("--equal-width")) {
                equalWidth = true;
            } else if (s.startsWith("-") && s.length() > 1 && !isNumber(s)) {
                return c.usage(1, "invalid option -- '" + s.charAt(1) + "'");
            } else {
                nums.add(s);
            }
        }
        if (nums.isEmpty()) return c.usage(1, "missing operand");
        if (nums.size() > 3) return c.usage(1, "extra operand '" + nums.get(3) + "'");
        for (String s : nums) if (!isNumber(s)) return c.usage(1, "invalid floating point argument: '" + s + "'");
        java.math.BigDecimal first = nums.size() > 1 ? new java.math.BigDecimal(nums.get(0)) : java.math.BigDecimal.ONE;
        java.math.BigDecimal step = nums.size() == 3 ? new java.math.BigDecimal(nums.get(1)) : java.math.BigDecimal.ONE;
        java.math.BigDecimal last = new java.math.BigDecimal(nums.get(nums.size() - 1));
        if (step.signum() == 0) return c.usage(1, "invalid Zero increment value: '" + nums.get(1) + "'");
        int scale = Math.max(0, Math.max(first.scale(), step.scale()));
        int width = 0;
        if (equalWidth) width = Math.max(first.setScale(scale, java.math.RoundingMode.DOWN).toPlainString().length(), last.setScale(scale, java.math.RoundingMode.DOWN).toPlainString().length());
        StringBuilder out = new StringBuilder();
        boolean firstItem = true;
        for (java.math.BigDecimal v = first; step.signum() > 0 ? v.compareTo(last) <= 0 : v.compareTo(last) >= 0; v = v.add(step)) {
            if (!firstItem) out.append(sep);
            String t = v.setScale(scale, java.math.RoundingMode.HALF_EVEN).toPlainString();
            if (equalWidth && t.length() < width) t = (t.startsWith("-") ? "-" + "0".repeat(width - t.length()) + t.substring(1) : "0".repeat(width - t.length()) + t);
            out.append(t);
            firstItem = false;
            if (out.length() > 8192) {
                c.out(out.toString());
                out.setLength(0);
            }
        }
        if (!firstItem) out.append('\n');
        c.out(out.toString());
        return 0;
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        int i = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        boolean digits = false;
        boolean dot = false;
        for (; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isDigit(ch) && ch < 128) digits = true;
            else if (ch == '.' && !dot) dot = true;
            else return false;
        }
        return digits && s.length() < 40;
    }

    // ---- xargs --------------------------------------------------------------------------------------

    static int xargs(Call c) {
        List<String> a = c.args;
        int perCall = 0;
        String replace = null;
        boolean noRunIfEmpty = false;
        boolean trace = false;
        int i = 0;
        for (; i < a.size(); i++) {
            String s = a.get(i);
            if (!s.startsWith("-") || s.equals("-")) break;
            if (s.equals("--")) {
                i++;
                break;
            }
            if (s.equals("-r") || s.equals("--no-run-if-empty")) {
                noRunIfEmpty = true;
            } else if (s.equals("-t") || s.equals("--verbose")) {
                trace = true;
            } else if (s.equals("-0") || s.equals("--null")) {
                continue;
            } else if (s.startsWith("-n") || s.startsWith("-L")) {
                String v = s.length() > 2 ? s.substring(2) : (i + 1 < a.size() ? a.get(++i) : "");
                Optional<Long> n = Text.count(v);
                if (n.isEmpty() || n.get() < 1) return c.fail(1, "invalid number \"" + v + "\" for -" + s.charAt(1) + " option");
                perCall = (int) Math.min(n.get(), 10_000);
            } else if (s.startsWith("-I") || s.startsWith("-i")) {
                replace = s.length() > 2 ? s.substring(2) : (s.equals("-i") ? "{}" : (i + 1 < a.size() ? a.get(++i) : "{}"));
            } else {
                return c.usage(1, "invalid option -- '" + s.charAt(1) + "'");
            }
        }
        List<String> cmd = i < a.size() ? new ArrayList<>(a.subList(i, a.size())) : new ArrayList<>(List.of("echo"));
        String input = c.in().readAll();
        List<String> items = replace != null ? nonBlankLines(input) : splitItems(input);
        if (items == null) return c.fail(1, "unmatched quote; by default quotes are special to xargs unless you use the -0 option");
        if (!c.sh.isCommand(cmd.get(0), c.session()) && cmd.get(0).indexOf('/') < 0) {
            return c.fail(127, cmd.get(0) + ": No such file or directory");
        }
        List<List<String>> runs = new ArrayList<>();
        if (replace != null) {
            for (String item : items) {
                List<String> argv = new ArrayList<>();
                for (String part : cmd) argv.add(part.replace(replace, item));
                runs.add(argv);
            }
        } else if (items.isEmpty()) {
            if (!noRunIfEmpty) runs.add(cmd);
        } else {
            int chunk = perCall > 0 ? perCall : items.size();
            for (int k = 0; k < items.size(); k += chunk) {
                List<String> argv = new ArrayList<>(cmd);
                argv.addAll(items.subList(k, Math.min(items.size(), k + chunk)));
                runs.add(argv);
            }
        }
        int status = 0;
        Frame f = c.frame.withIo(new Input(""), c.frame.out(), c.frame.err());
        for (List<String> argv : runs) {
            if (trace) c.errln(String.join(" ", argv));
            int st = c.sh.runArgv(argv, Map.of(), f);
            if (st == 255) return c.fail(124, argv.get(0) + ": exited with status 255; aborting");
            if (st != 0) status = 123;
        }
        return status;
    }

    private static List<String> nonBlankLines(String input) {
        List<String> out = new ArrayList<>();
        for (String l : Text.lines(input)) {
            String t = l.stripLeading();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** xargs' default splitting: blanks and newlines separate, quotes and backslashes group. Null on an unmatched quote. */
    private static List<String> splitItems(String input) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean have = false;
        for (int i = 0; i < input.length(); i++) {
            char ch = input.charAt(i);
            if (ch == '\'' || ch == '"') {
                int end = input.indexOf(ch, i + 1);
                int nl = input.indexOf('\n', i + 1);
                if (end < 0 || (nl >= 0 && nl < end)) return null;
                cur.append(input, i + 1, end);
                have = true;
                i = end;
            } else if (ch == '\\' && i + 1 < input.length()) {
                cur.append(input.charAt(++i));
                have = true;
            } else if (Character.isWhitespace(ch)) {
                if (have) out.add(cur.toString());
                cur.setLength(0);
                have = false;
            } else {
                cur.append(ch);
                have = true;
            }
        }
        if (have) out.add(cur.toString());
        return out;
    }
}

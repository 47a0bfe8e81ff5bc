package novalab.engine.shell;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code awk} as Ubuntu's mawk behaves for everyday use: -F, -v, BEGIN/END, pattern and range rules,
 * fields ($0, $N, NF, NR), print/printf (with {@code >} / {@code >>} to files), if/while/for/for-in,
 * associative arrays, next/exit, and length, substr, index, split, sub, gsub, match, sprintf, tolower,
 * toupper, int. Not supported: getline, user functions, system().
 */
final class Awk {
    // ---- values -------------------------------------------------------------------------------------

    /** An awk value: a number, a string, a "strnum" (input that looks numeric) or uninitialised. */
    static final class V {
        static final int NUM = 1;
        static final int STR = 2;
        static final int STRNUM = 3;
        static final int UNINIT = 4;
        static final V EMPTY = new V(UNINIT, 0, "");

        final int type;
        final double num;
        final String str;

        V(int type, double num, String str) {
            this.type = type;
            this.num = num;
            this.str = str;
        }

        static V num(double d) { return new V(NUM, d, null); }

        static V str(String s) { return new V(STR, 0, s); }

        /** A field or variable from input: numeric-looking text compares as a number. */
        static V input(String s) {
            Double d = looksNumeric(s);
            return d == null ? str(s) : new V(STRNUM, d, s);
        }

        double toNum() { return type == STR ? leadingNumber(str) : num; }

        String toStr() { return str != null ? str : format(num); }

        boolean numeric() { return type != STR; }

        boolean truthy() {
            if (type == NUM) return num != 0;
            if (type == STRNUM) return num != 0;
            return str != null && !str.isEmpty();
        }
    }

    static Double looksNumeric(String s) {
        String t = s.strip();
        if (t.isEmpty()) return null;
        char ch = t.charAt(t.length() - 1);
        if (!Character.isDigit(ch) && ch != '.') return null;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static double leadingNumber(String s) {
        String t = s.stripLeading();
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) i++;
        while (i < t.length() && (Character.isDigit(t.charAt(i)) || t.charAt(i) == '.')) i++;
        if (i < t.length() && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < t.length() && (t.charAt(j) == '-' || t.charAt(j) == '+')) j++;
            if (j < t.length() && Character.isDigit(t.charAt(j))) {
                while (j < t.length() && Character.isDigit(t.charAt(j))) j++;
                i = j;
            }
        }
        try {
            return Double.parseDouble(t.substring(0, i));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Number to string as awk's CONVFMT/OFMT "%.6g" does; integers print plainly. */
    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e16) return Long.toString((long) d);
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        BigDecimal b = new BigDecimal(d).round(new MathContext(6));
        int exp = b.precision() - b.scale() - 1;
        if (exp < -4 || exp >= 6) {
            String m = b.movePointLeft(exp).stripTrailingZeros().toPlainString();
            return m + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        return b.stripTrailingZeros().toPlainString();
    }

    // ---- syntax tree --------------------------------------------------------------------------------

    interface Expr {
        V eval(Awk a);
    }

    interface LValue extends Expr {
        void set(Awk a, V v);
    }

    interface Stmt {
        void exec(Awk a);
    }

    record Rule(Expr pattern, Expr rangeEnd, Stmt action, boolean[] inRange) {}

    /** A /regex/ literal: as a value it matches $0; as an operand of ~ it is the pattern itself. */
    record ReLit(String re) implements Expr {
        public V eval(Awk a) { return V.num(a.regex(re).matcher(a.record).find() ? 1 : 0); }
    }

    /** A scalar variable (or an array's name, when passed to split/length). */
    record VarRef(String name) implements LValue {
        public V eval(Awk a) { return a.getVar(name); }

        public void set(Awk a, V v) { a.setVar(name, v); }
    }

    static final class Next extends RuntimeException {
        Next() { super(null, null, false, false); }
    }

    static final class Exit extends RuntimeException {
        final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }

    static final class LoopJump extends RuntimeException {
        final boolean isBreak;

        LoopJump(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    /** A syntax or run-time error in mawk's words. */
    static final class AwkError extends RuntimeException {
        AwkError(String message) { super(message, null, false, false); }
    }

    // ---- state --------------------------------------------------------------------------------------

    final Call call;
    final Map<String, V> vars = new HashMap<>();
    final Map<String, LinkedHashMap<String, V>> arrays = new HashMap<>();
    final Map<String, StringBuilder> files = new LinkedHashMap<>();
    final Map<String, Pattern> regexCache = new HashMap<>();
    final StringBuilder out = new StringBuilder();
    final List<String> fields = new ArrayList<>();
    String record = "";
    long nr;
    long fnr;
    long steps;

    private Awk(Call call) {
        this.call = call;
        vars.put("FS", V.str(" "));
        vars.put("OFS", V.str(" "));
        vars.put("ORS", V.str("\n"));
        vars.put("SUBSEP", V.str("\034"));
        vars.put("FILENAME", V.str(""));
    }

    static int run(Call c) {
        Awk awk = new Awk(c);
        List<String> a = c.args;
        String program = null;
        int i = 0;
        for (; i < a.size(); i++) {
            String s = a.get(i);
            if (s.equals("--")) {
                i++;
                break;
            }
            if (s.equals("-F") || s.equals("-v") || s.equals("-f")) {
                if (i + 1 >= a.size()) {
                    c.errln("awk: option requires an argument -- " + s.charAt(1));
                    return 2;
                }
                String v = a.get(++i);
                if (s.equals("-F")) awk.vars.put("FS", V.str(fsValue(v)));
                else if (s.equals("-v") && !awk.assignArg(v)) return c.fail(2, "improper assignment: -v " + v);
                else if (s.equals("-f")) {
                    Optional<String> text = FileCommands.read(c, v, (n, r) -> "couldn't open file " + n + ": " + r);
                    if (text.isEmpty()) return 2;
                    program = text.get();
                }
            } else if (s.startsWith("-F")) {
                awk.vars.put("FS", V.str(fsValue(s.substring(2))));
            } else if (s.startsWith("-v")) {
                if (!awk.assignArg(s.substring(2))) return c.fail(2, "improper assignment: -v " + s.substring(2));
            } else if (s.startsWith("-") && s.length() > 1 && program == null) {
                c.errln("awk: not an option: " + s);
                return 2;
            } else {
                break;
            }
        }
        if (program == null) {
            if (i >= a.size()) {
                c.errln("usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]");
                c.errln("usage: awk [-F value] [-v var=value] [-f program-file] [--] [file ...]");
                return 2;
            }
            program = a.get(i++);
        }
        List<Rule> begin = new ArrayList<>();
        List<Rule> main = new ArrayList<>();
        List<Rule> end = new ArrayList<>();
        try {
            new AwkParser(program).parse(begin, main, end);
        } catch (AwkError e) {
            c.errln("awk: " + e.getMessage());
            return 2;
        }
        return awk.execute(begin, main, end, a.subList(i, a.size()));
    }

    static String fsValue(String v) { return v.equals("t") ? "\t" : unescape(v); }

    boolean assignArg(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0 || !Parser.isName(s.substring(0, eq))) return false;
        vars.put(s.substring(0, eq), V.input(unescape(s.substring(eq + 1))));
        return true;
    }

    int execute(List<Rule> begin, List<Rule> main, List<Rule> end, List<String> operands) {
        int status = 0;
        try {
            try {
                for (Rule r : begin) r.action().exec(this);
                if (!main.isEmpty() || !end.isEmpty()) {
                    boolean anyFile = false;
                    for (String op : operands) {
                        if (op.indexOf('=') > 0 && Parser.isName(op.substring(0, op.indexOf('=')))) {
                            assignArg(op);
                            continue;
                        }
                        anyFile = true;
                        Optional<String> text = op.equals("-") ? Optional.of(call.in().readAll()) : readOperand(op);
                        if (text.isEmpty()) {
                            status = 2;
                            continue;
                        }
                        vars.put("FILENAME", V.str(op));
                        records(text.get(), main);
                    }
                    if (!anyFile) records(call.in().readAll(), main);
                }
            } catch (Exit e) {
                status = e.code;
            }
            try {
                for (Rule r : end) r.action().exec(this);
            } catch (Exit e) {
                status = e.code;
            }
        } catch (AwkError e) {
            flush();
            call.errln("awk: run time error: " + e.getMessage());
            call.errln("\tFILENAME=\"" + vars.get("FILENAME").toStr() + "\" FNR=" + fnr + " NR=" + nr);
            return 2;
        } catch (Next e) {
            status = 0;
        }
        flush();
        return status;
    }

    Optional<String> readOperand(String op) {
        String path = call.path(op);
        Optional<VirtualFs.FileEntry> f = call.fs().file(path);
        if (f.isEmpty() || call.fs().isDirectory(path) || !Perms.canRead(f.get(), call.user())) {
            call.errln("awk: cannot open " + op + " (" + (call.fs().isDirectory(path) ? "Is a directory"
                    : f.isEmpty() ? "No such file or directory" : "Permission denied") + ")");
            return Optional.empty();
        }
        return Optional.of(f.get().content());
    }

    void flush() {
        call.out(out.toString());
        out.setLength(0);
        for (Map.Entry<String, StringBuilder> e : files.entrySet()) {
            String path = call.path(e.getKey());
            if (Redirections.writeProblem(call.fs(), path, call.user()) == null) {
                call.fs().append(path, e.getValue().toString(), 0644, call.user());
            }
            e.getValue().setLength(0);
        }
    }

    void records(String text, List<Rule> main) {
        fnr = 0;
        for (String line : Text.lines(text)) {
            nr++;
            fnr++;
            setRecord(line);
            try {
                for (Rule r : main) {
                    if (matches(r)) r.action().exec(this);
                }
            } catch (Next e) {
                // next record
            }
            if (out.length() > 65536) {
                call.out(out.toString());
                out.setLength(0);
            }
        }
    }

    boolean matches(Rule r) {
        if (r.pattern() == null) return true;
        if (r.rangeEnd() == null) return r.pattern().eval(this).truthy();
        if (!r.inRange()[0]) {
            if (!r.pattern().eval(this).truthy()) return false;
            r.inRange()[0] = !r.rangeEnd().eval(this).truthy();
            return true;
        }
        if (r.rangeEnd().eval(this).truthy()) r.inRange()[0] = false;
        return true;
    }

    void step() {
        if (++steps > 2_000_000) throw new AwkError("too many steps (endless loop?)");
        call.sh.budget.wrote(0);
    }

    // ---- fields -------------------------------------------------------------------------------------

    void setRecord(String line) {
        record = line;
        fields.clear();
        String fs = vars.get("FS").toStr();
        if (fs.equals(" ")) {
            int i = 0;
            int n = line.length();
            while (i < n) {
                while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\n')) i++;
                if (i >= n) break;
                int s = i;
                while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t' && line.charAt(i) != '\n') i++;
                fields.add(line.substring(s, i));
            }
        } else if (!line.isEmpty()) {
            if (fs.length() == 1 && fs.charAt(0) != '\\') {
                int start = 0;
                char d = fs.charAt(0);
                while (true) {
                    int k = line.indexOf(d, start);
                    if (k < 0) {
                        fields.add(line.substring(start));
                        break;
                    }
                    fields.add(line.substring(start, k));
                    start = k + 1;
                }
            } else {
                fields.addAll(List.of(regex(fs).split(line, -1)));
            }
        }
    }

    V field(int i) {
        if (i < 0) throw new AwkError("negative field index $" + i);
        if (i == 0) return V.input(record);
        return i <= fields.size() ? V.input(fields.get(i - 1)) : V.EMPTY;
    }

    void setField(int i, String v) {
        if (i < 0) throw new AwkError("negative field index $" + i);
        if (i == 0) {
            setRecord(v);
            return;
        }
        if (i > 100_000) throw new AwkError("field index too large");
        while (fields.size() < i) fields.add("");
        fields.set(i - 1, v);
        record = String.join(vars.get("OFS").toStr(), fields);
    }

    V getVar(String name) {
        switch (name) {
            case "NR": return V.num(nr);
            case "FNR": return V.num(fnr);
            case "NF": return V.num(fields.size());
            default: return vars.getOrDefault(name, V.EMPTY);
        }
    }

    void setVar(String name, V v) {
        if (arrays.containsKey(name)) throw new AwkError("can't assign to " + name + "; it's an array name.");
        if (name.equals("NF")) {
            int n = (int) Math.max(0, Math.min(100_000, v.toNum()));
            while (fields.size() > n) fields.remove(fields.size() - 1);
            while (fields.size() < n) fields.add("");
            record = String.join(vars.get("OFS").toStr(), fields);
            return;
        }
        if (name.equals("NR")) {
            nr = (long) v.toNum();
            return;
        }
        vars.put(name, v);
    }

    LinkedHashMap<String, V> array(String name) {
        if (vars.containsKey(name)) throw new AwkError("can't use scalar " + name + " as array");
        return arrays.computeIfAbsent(name, k -> new LinkedHashMap<>());
    }

    Pattern regex(String re) {
        Pattern p = regexCache.get(re);
        if (p == null) {
            try {
                p = Regex.compile(re, true, false);
            } catch (PatternSyntaxException e) {
                throw new AwkError("regular expression compile failed (" + Regex.message(e) + ")\n" + re);
            }
            if (regexCache.size() < 256) regexCache.put(re, p);
        }
        return p;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        Escapes.apply(s.replace("\\/", "/").replace("\\\"", "\""), sb, true);
        return sb.toString();
    }

    // ---- output and formatting ----------------------------------------------------------------------

    java.util.function.Consumer<String> target(int mode, Expr file) {
        if (mode == 0) return out::append;
        String name = file.eval(this).toStr();
        if (name.equals("/dev/stdout") || name.equals("-")) return out::append;
        if (name.equals("/dev/stderr")) return call::err;
        StringBuilder sb = files.get(name);
        if (sb == null) {
            String path = call.path(name);
            String problem = Redirections.writeProblem(call.fs(), path, call.user());
            if (problem != null) throw new AwkError("cannot open \"" + name + "\" for output (" + problem + ")");
            if (mode == 1 || !call.fs().isFile(path)) call.fs().write(path, "", 0644, call.user());
            sb = new StringBuilder();
            files.put(name, sb);
        }
        return sb::append;
    }

    String sprintf(List<Expr> args) {
        if (args.isEmpty()) return "";
        String fmt = args.get(0).eval(this).toStr();
        StringBuilder sb = new StringBuilder();
        int next = 1;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char ch = fmt.charAt(i);
            if (ch != '%') {
                sb.append(ch);
                continue;
            }
            int start = i++;
            while (i < n && "-+ #0".indexOf(fmt.charAt(i)) >= 0) i++;
            while (i < n && (Character.isDigit(fmt.charAt(i)) || fmt.charAt(i) == '.' || fmt.charAt(i) == '*')) i++;
            if (i >= n) {
                sb.append(fmt, start, n);
                break;
            }
            char conv = fmt.charAt(i);
            String spec = fmt.substring(start, i);
            if (spec.contains("*")) {
                StringBuilder s2 = new StringBuilder();
                for (char k : spec.toCharArray()) {
                    if (k == '*') s2.append(next < args.size() ? (long) args.get(next++).eval(this).toNum() : 0);
                    else s2.append(k);
                }
                spec = s2.toString();
            }
            if (conv == '%') {
                sb.append('%');
                continue;
            }
            V v = next < args.size() ? args.get(next++).eval(this) : V.EMPTY;
            try {
                switch (conv) {
                    case 'd': case 'i': sb.append(String.format(Locale.ROOT, spec.replace("#", "") + "d", (long) v.toNum())); break;
                    case 'o': case 'x': case 'X': sb.append(String.format(Locale.ROOT, spec.replace("+", "").replace(" ", "") + conv, (long) v.toNum())); break;
                    case 'u': sb.append(String.format(Locale.ROOT, spec + "d", (long) v.toNum())); break;
                    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                        sb.append(String.format(Locale.ROOT, spec + (conv == 'F' ? 'f' : conv), v.toNum()));
                        break;
                    case 'c': {
                        String s = v.numeric() && v.type == V.NUM ? String.valueOf((char) v.toNum()) : v.toStr();
                        sb.append(String.format(Locale.ROOT, spec + "s", s.isEmpty() ? "" : s.substring(0, 1)));
                        break;
                    }
                    case 's': sb.append(String.format(Locale.ROOT, spec + "s", v.toStr())); break;
                    default: sb.append(fmt, start, i + 1);
                }
            } catch (java.util.IllegalFormatException e) {
                sb.append(v.toStr());
            }
        }
        return sb.toString();
    }

    String key(List<Expr> subs) {
        if (subs.size() == 1) {
            V v = subs.get(0).eval(this);
            return v.type == V.NUM ? format(v.num) : v.toStr();
        }
        StringBuilder sb = new StringBuilder();
        String sep = vars.get("SUBSEP").toStr();
        for (int i = 0; i < subs.size(); i++) {
            if (i > 0) sb.append(sep);
            sb.append(subs.get(i).eval(this).toStr());
        }
        return sb.toString();
    }

    /** A regex operand: a /literal/ as itself, any other expression's string value as a dynamic regex. */
    Pattern regexOf(Expr e) {
        return e instanceof ReLit r ? regex(r.re()) : regex(e.eval(this).toStr());
    }
}

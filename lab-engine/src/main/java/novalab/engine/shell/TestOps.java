package novalab.engine.shell;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The primaries of {@code test}, {@code [ ]} and {@code [[ ]]}: file tests, string and integer comparisons. */
final class TestOps {
    static final Set<String> UNARY = Set.of("-e", "-a", "-f", "-d", "-s", "-r", "-w", "-x", "-z", "-n", "-h", "-L",
            "-b", "-c", "-p", "-S", "-t", "-O", "-G", "-g", "-u", "-k", "-N");
    static final Set<String> BINARY = Set.of("=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
            "-nt", "-ot", "-ef");

    /** A test usage error; the message follows "bash: test: ". */
    static final class Error extends RuntimeException {
        Error(String message) {
            super(message, null, false, false);
        }
    }

    private TestOps() { }

    static boolean unary(String op, String arg, Session s) {
        if (op.equals("-z")) return arg.isEmpty();
        if (op.equals("-n")) return !arg.isEmpty();
        if (op.equals("-t")) return false;
        VirtualFs fs = s.node.fs();
        String path = s.path(arg);
        if (arg.isEmpty()) return false;
        Optional<VirtualFs.FileEntry> file = fs.file(path);
        boolean dir = fs.isDirectory(path);
        switch (op) {
            case "-e": case "-a": return file.isPresent() || dir;
            case "-f": return file.isPresent();
            case "-d": return dir;
            case "-s": return dir || file.map(e -> !e.content().isEmpty()).orElse(false);
            case "-r": return dir || file.map(e -> Perms.canRead(e, s.user())).orElse(false);
            case "-w": return dir || file.map(e -> Perms.canWrite(e, s.user())).orElse(false);
            case "-x": return dir || file.map(e -> Perms.canExecute(e, s.user())).orElse(false);
            case "-O": case "-G": return dir || file.map(e -> e.owner().equals(s.user())).orElse(false);
            default: return false;
        }
    }

    static boolean binary(String left, String op, String right, Session s) {
        switch (op) {
            case "=": case "==": return left.equals(right);
            case "!=": return !left.equals(right);
            case "<": return left.compareTo(right) < 0;
            case ">": return left.compareTo(right) > 0;
            case "-nt": case "-ot": return false;
            case "-ef": return s.path(left).equals(s.path(right)) && s.node.fs().exists(s.path(left));
            default:
        }
        long a = integer(left);
        long b = integer(right);
        switch (op) {
            case "-eq": return a == b;
            case "-ne": return a != b;
            case "-lt": return a < b;
            case "-le": return a <= b;
            case "-gt": return a > b;
            default: return a >= b;
        }
    }

    static long integer(String s) {
        String t = s.strip();
        try {
            return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new Error(s + ": integer expression expected");
        }
    }

    /** POSIX {@code test} over its arguments (without the closing {@code ]}). */
    static boolean test(List<String> a, Session s) {
        switch (a.size()) {
            case 0: return false;
            case 1: return !a.get(0).isEmpty();
            case 2:
                if (a.get(0).equals("!")) return a.get(1).isEmpty();
                if (UNARY.contains(a.get(0))) return unary(a.get(0), a.get(1), s);
                throw new Error(a.get(0) + ": unary operator expected");
            case 3:
                if (BINARY.contains(a.get(1))) return binary(a.get(0), a.get(1), a.get(2), s);
                if (a.get(1).equals("-a")) return !a.get(0).isEmpty() && !a.get(2).isEmpty();
                if (a.get(1).equals("-o")) return !a.get(0).isEmpty() || !a.get(2).isEmpty();
                if (a.get(0).equals("!")) return !test(a.subList(1, 3), s);
                if (a.get(0).equals("(") && a.get(2).equals(")")) return !a.get(1).isEmpty();
                throw new Error(a.get(1) + ": binary operator expected");
            case 4:
                if (a.get(0).equals("!")) return !test(a.subList(1, 4), s);
                if (a.get(0).equals("(") && a.get(3).equals(")")) return test(a.subList(1, 3), s);
                return new General(a, s).parse();
            default:
                return new General(a, s).parse();
        }
    }

    /** The general case: {@code -o}, {@code -a}, {@code !} and parentheses. */
    private static final class General {
        private final List<String> a;
        private final Session s;
        private int i;

        General(List<String> a, Session s) {
            this.a = a;
            this.s = s;
        }

        boolean parse() {
            boolean v = or();
            if (i < a.size()) throw new Error(a.get(i) + ": " + (i + 1 < a.size() ? "binary operator expected" : "too many arguments"));
            return v;
        }

        private boolean or() {
            boolean v = and();
            while (i < a.size() && a.get(i).equals("-o")) {
                i++;
                v = and() | v;
            }
            return v;
        }

        private boolean and() {
            boolean v = not();
            while (i < a.size() && a.get(i).equals("-a")) {
                i++;
                v = not() & v;
            }
            return v;
        }

        private boolean not() {
            if (i < a.size() && a.get(i).equals("!")) {
                i++;
                return !not();
            }
            return primary();
        }

        private boolean primary() {
            if (i >= a.size()) throw new Error("argument expected");
            String t = a.get(i);
            if (t.equals("(")) {
                i++;
                boolean v = or();
                if (i >= a.size() || !a.get(i).equals(")")) throw new Error("`)' expected");
                i++;
                return v;
            }
            if (i + 2 < a.size() && BINARY.contains(a.get(i + 1))) {
                boolean v = binary(t, a.get(i + 1), a.get(i + 2), s);
                i += 3;
                return v;
            }
            if (UNARY.contains(t) && i + 1 < a.size()) {
                boolean v = unary(t, a.get(i + 1), s);
                i += 2;
                return v;
            }
            i++;
            return !t.isEmpty();
        }
    }
}

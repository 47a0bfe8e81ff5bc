package novalab.engine.shell;

/**
 * Shell arithmetic for {@code $(( ))} and {@code (( ))}: 64-bit integers, variables by name, the C operators
 * bash supports (without the bitwise shifts), assignments and {@code ++}/{@code --}. Errors use bash's words.
 */
final class Arith {
    /** Variable access for the evaluator. */
    interface Vars {
        String get(String name);

        void set(String name, String value);
    }

    /** An arithmetic error; the message is what bash prints after "bash: EXPR: ". */
    static final class Error extends RuntimeException {
        Error(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_DEPTH = 200;

    private final String s;
    private final Vars vars;
    private int pos;
    private int depth;
    private boolean skip;

    private Arith(String s, Vars vars) {
        this.s = s;
        this.vars = vars;
    }

    static long eval(String expr, Vars vars) {
        Arith a = new Arith(expr, vars);
        a.ws();
        if (a.pos >= a.s.length()) return 0;
        long v = a.comma();
        a.ws();
        if (a.pos < a.s.length()) throw a.error("syntax error in expression");
        return v;
    }

    private Error error(String what) {
        String tok = s.substring(Math.min(pos, s.length())).trim();
        return new Error(what + " (error token is \"" + tok + "\")");
    }

    private void ws() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }

    private boolean eat(String op) {
        ws();
        if (s.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    private boolean peekOp(String op, String notFollowedBy) {
        ws();
        if (!s.startsWith(op, pos)) return false;
        int after = pos + op.length();
        return after >= s.length() || notFollowedBy.indexOf(s.charAt(after)) < 0;
    }

    private long comma() {
        long v = assign();
        while (eat(",")) v = assign();
        return v;
    }

    private long assign() {
        if (++depth > MAX_DEPTH) throw error("expression recursion level exceeded");
        try {
            ws();
            int save = pos;
            String name = name();
            if (name != null) {
                ws();
                for (String op : new String[] {"=", "+=", "-=", "*=", "/=", "%="}) {
                    if (s.startsWith(op, pos) && !(op.equals("=") && s.startsWith("==", pos))) {
                        pos += op.length();
                        long rhs = assign();
                        long v = op.equals("=") ? rhs : binary(op.substring(0, 1), var(name), rhs);
                        if (!skip) vars.set(name, Long.toString(v));
                        return v;
                    }
                }
            }
            pos = save;
            return ternary();
        } finally {
            depth--;
        }
    }

    private long ternary() {
        long c = or();
        if (!eat("?")) return c;
        boolean was = skip;
        skip = was || c == 0;
        long a = assign();
        if (!eat(":")) throw error("`:' expected for conditional expression");
        skip = was || c != 0;
        long b = assign();
        skip = was;
        return c != 0 ? a : b;
    }

    private long or() {
        long v = and();
        while (eat("||")) {
            boolean was = skip;
            skip = was || v != 0;
            long r = and();
            skip = was;
            v = (v != 0 || r != 0) ? 1 : 0;
        }
        return v;
    }

    private long and() {
        long v = bitOr();
        while (eat("&&")) {
            boolean was = skip;
            skip = was || v == 0;
            long r = bitOr();
            skip = was;
            v = (v != 0 && r != 0) ? 1 : 0;
        }
        return v;
    }

    private long bitOr() {
        long v = bitXor();
        while (peekOp("|", "|=")) {
            pos++;
            v |= bitXor();
        }
        return v;
    }

    private long bitXor() {
        long v = bitAnd();
        while (peekOp("^", "=")) {
            pos++;
            v ^= bitAnd();
        }
        return v;
    }

    private long bitAnd() {
        long v = equality();
        while (peekOp("&", "&=")) {
            pos++;
            v &= equality();
        }
        return v;
    }

    private long equality() {
        long v = relational();
        while (true) {
            if (eat("==")) v = v == relational() ? 1 : 0;
            else if (eat("!=")) v = v != relational() ? 1 : 0;
            else return v;
        }
    }

    private long relational() {
        long v = additive();
        while (true) {
            if (eat("<=")) v = v <= additive() ? 1 : 0;
            else if (eat(">=")) v = v >= additive() ? 1 : 0;
            else if (peekOp("<", "<")) {
                pos++;
                v = v < additive() ? 1 : 0;
            } else if (peekOp(">", ">")) {
                pos++;
                v = v > additive() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long additive() {
        long v = multiplicative();
        while (true) {
            if (peekOp("+", "+=")) {
                pos++;
                v += multiplicative();
            } else if (peekOp("-", "-=")) {
                pos++;
                v -= multiplicative();
            } else {
                return v;
            }
        }
    }

    private long multiplicative() {
        long v = power();
        while (true) {
            if (peekOp("*", "*=")) {
                pos++;
                v = binary("*", v, power());
            } else if (peekOp("/", "=")) {
                pos++;
                v = binary("/", v, power());
            } else if (peekOp("%", "=")) {
                pos++;
                v = binary("%", v, power());
            } else {
                return v;
            }
        }
    }

    private long power() {
        long base = unary();
        if (eat("**")) {
            long exp = power();
            if (exp < 0) throw error("exponent less than 0");
            long r = 1;
            for (long i = 0; i < exp && i < 64; i++) r *= base;
            return r;
        }
        return base;
    }

    private long unary() {
        if (++depth > MAX_DEPTH) throw error("expression recursion level exceeded");
        try {
            ws();
            if (eat("++") || eat("--")) {
                boolean inc = s.charAt(pos - 1) == '+';
                ws();
                String name = name();
                if (name == null) throw error("syntax error: operand expected");
                long v = var(name) + (inc ? 1 : -1);
                if (!skip) vars.set(name, Long.toString(v));
                return v;
            }
            if (eat("!")) return unary() == 0 ? 1 : 0;
            if (eat("~")) return ~unary();
            if (eat("-")) return -unary();
            if (eat("+")) return unary();
            return postfix();
        } finally {
            depth--;
        }
    }

    private long postfix() {
        ws();
        if (pos >= s.length()) throw error("syntax error: operand expected");
        char c = s.charAt(pos);
        if (c == '(') {
            pos++;
            long v = comma();
            if (!eat(")")) throw error("missing `)'");
            return v;
        }
        if (Character.isDigit(c)) return number();
        String name = name();
        if (name == null) throw error("syntax error: operand expected");
        ws();
        if (s.startsWith("++", pos) || s.startsWith("--", pos)) {
            boolean inc = s.charAt(pos) == '+';
            pos += 2;
            long v = var(name);
            if (!skip) vars.set(name, Long.toString(v + (inc ? 1 : -1)));
            return v;
        }
        return var(name);
    }

    private long number() {
        int start = pos;
        while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '#')) pos++;
        String t = s.substring(start, pos);
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
            if (t.length() > 1 && t.startsWith("0")) return Long.parseLong(t.substring(1), 8);
            int hash = t.indexOf('#');
            if (hash > 0) return Long.parseLong(t.substring(hash + 1), Integer.parseInt(t.substring(0, hash)));
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            pos = start;
            throw error("value too great for base");
        }
    }

    private String name() {
        int start = pos;
        if (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            return s.substring(start, pos);
        }
        return null;
    }

    private long var(String name) {
        String v = vars.get(name);
        if (v == null || v.isBlank()) return 0;
        String t = v.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            if (depth > 20) throw error("expression recursion level exceeded");
            Arith inner = new Arith(t, vars);
            inner.depth = depth + 10;
            long r = inner.comma();
            inner.ws();
            if (inner.pos < t.length()) throw inner.error("syntax error in expression");
            return r;
        }
    }

    private long binary(String op, long a, long b) {
        switch (op) {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            default:
                if (b == 0) {
                    if (skip) return 0;
                    throw error("division by 0");
                }
                if (a == Long.MIN_VALUE && b == -1) return op.equals("/") ? a : 0;
                return op.equals("/") ? a / b : a % b;
        }
    }
}

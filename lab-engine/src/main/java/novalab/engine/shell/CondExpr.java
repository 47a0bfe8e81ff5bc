package novalab.engine.shell;

import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates {@code [[ ... ]]}: words are expanded without splitting or globbing, {@code ==}/{@code !=}
 * match glob patterns (quoted parts literally), {@code =~} matches an extended regular expression,
 * {@code &&}, {@code ||}, {@code !} and parentheses combine. Integer operators accept arithmetic.
 */
final class CondExpr {
    private final Interpreter in;
    private final List<Word> words;
    private final Frame f;
    private int i;

    CondExpr(Interpreter in, List<Word> words, Frame f) {
        this.in = in;
        this.words = words;
        this.f = f;
    }

    /** 0 true, 1 false, 2 on a usage error (printed). */
    int evaluate() {
        try {
            boolean v = or();
            if (i < words.size()) throw new TestOps.Error("syntax error in conditional expression");
            return v ? 0 : 1;
        } catch (TestOps.Error e) {
            f.err().write("bash: " + e.getMessage() + "\n");
            return 2;
        }
    }

    private String text(int k) { return words.get(k).plainText() == null ? "" : words.get(k).plainText(); }

    private boolean or() {
        boolean v = and();
        while (i < words.size() && text(i).equals("||")) {
            i++;
            boolean r = and();
            v = v || r;
        }
        return v;
    }

    private boolean and() {
        boolean v = not();
        while (i < words.size() && text(i).equals("&&")) {
            i++;
            boolean r = not();
            v = v && r;
        }
        return v;
    }

    private boolean not() {
        if (i < words.size() && text(i).equals("!")) {
            i++;
            return !not();
        }
        return primary();
    }

    private boolean primary() {
        if (i >= words.size()) throw new TestOps.Error("unexpected argument to conditional expression");
        String t = text(i);
        if (t.equals("(")) {
            i++;
            boolean v = or();
            if (i >= words.size() || !text(i).equals(")")) throw new TestOps.Error("syntax error in conditional expression");
            i++;
            return v;
        }
        if (i + 2 < words.size() && isBinary(text(i + 1))) {
            String op = text(i + 1);
            String left = in.expand.string(words.get(i), f);
            Word rightWord = words.get(i + 2);
            i += 3;
            switch (op) {
                case "==": case "=": case "!=": {
                    Expander.Field pat = in.expand.pattern(rightWord, f);
                    boolean m = Glob.compile(pat.text(), pat.active()).matcher(left).matches();
                    return op.equals("!=") != m;
                }
                case "=~": {
                    String re = in.expand.regexSource(rightWord, f);
                    try {
                        return Regex.compile(re, true, false).matcher(left).find();
                    } catch (PatternSyntaxException e) {
                        return false;
                    }
                }
                default:
                    String right = in.expand.string(rightWord, f);
                    if (op.startsWith("-") && !op.equals("-nt") && !op.equals("-ot") && !op.equals("-ef")) {
                        return TestOps.binary(Long.toString(in.arith(left, f)), op, Long.toString(in.arith(right, f)), f.session());
                    }
                    return TestOps.binary(left, op, right, f.session());
            }
        }
        if (TestOps.UNARY.contains(t) && i + 1 < words.size()) {
            String arg = in.expand.string(words.get(i + 1), f);
            i += 2;
            return TestOps.unary(t, arg, f.session());
        }
        String v = in.expand.string(words.get(i), f);
        i++;
        return !v.isEmpty();
    }

    private static boolean isBinary(String op) { return TestOps.BINARY.contains(op) || op.equals("=~"); }

}

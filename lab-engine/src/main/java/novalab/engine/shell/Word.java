package novalab.engine.shell;

import java.util.List;

/**
 * One shell word as parsed, before expansion: literal text (quoted or not), parameter and command
 * substitutions, arithmetic, and a leading tilde. {@code raw} is the word as typed, for error messages.
 */
record Word(List<Part> parts, String raw) {
    static final Word EMPTY = new Word(List.of(), "");

    /** The word's text when it is plain unquoted literal text (a keyword candidate), else null. */
    String plainText() {
        if (parts.size() == 1 && parts.get(0) instanceof Lit lit && !lit.quoted()) return lit.text();
        return null;
    }

    static Word literal(String text) { return new Word(List.of(new Lit(text, false)), text); }

    /** One piece of a word. */
    sealed interface Part permits Lit, Param, CmdSub, Arith, Tilde, Bad {}

    /** Literal text; {@code quoted} text is neither split nor globbed. */
    record Lit(String text, boolean quoted) implements Part {}

    /**
     * {@code $name} or {@code ${name<op>arg}}; op is "" (plain), "len" ({@code ${#x}}), or one of
     * {@code :- - := = :+ + :? ? # ## % %%}.
     */
    record Param(String name, boolean quoted, String op, Word arg) implements Part {}

    /** {@code $(...)} or backquotes. */
    record CmdSub(Cmd body, boolean quoted) implements Part {}

    /** {@code $((...))}: the expression is expanded like a double-quoted string, then evaluated. */
    record Arith(Word expr, boolean quoted) implements Part {}

    /** A {@code ~} at the start of a word: the home directory. */
    record Tilde() implements Part {}

    /** {@code ${...}} that bash rejects with "bad substitution" when expanded. */
    record Bad(String text) implements Part {}
}

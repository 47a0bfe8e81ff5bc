package novalab.jshell;

import java.util.Optional;

/**
 * Checks made on a student's source before the lab's compiler sees it: javac runs in the lab's JVM, so input that
 * would make it recurse out of stack (thousands of nested brackets) or take long (huge sources) never reaches it.
 */
final class Sources {
    static final int MAX_CHARS = 50_000;
    static final int MAX_DEPTH = 120;
    static final int MAX_OPERATORS = 400;

    private Sources() {}

    /** Why the source is refused before compiling, if it is. */
    static Optional<String> refuse(String src) {
        if (src.length() > MAX_CHARS) {
            return Optional.of("This source is longer than " + MAX_CHARS + " characters; run it in smaller pieces.");
        }
        int[] shape = shape(src);
        if (shape[0] > MAX_DEPTH) {
            return Optional.of("This source nests brackets more than " + MAX_DEPTH + " deep, more than the playground compiles.");
        }
        if (shape[1] > MAX_OPERATORS) {
            return Optional.of("One statement of this source chains more than " + MAX_OPERATORS + " operators, more than the playground compiles.");
        }
        return Optional.empty();
    }

    /**
     * {@code [deepest nesting of (), [] and {}, most operators in one statement]}, both outside string, char and text-block
     * literals and comments (a statement ends at {@code ;}, <code>{</code> or <code>}</code>).
     */
    static int[] shape(CharSequence src) {
        int depth = 0;
        int max = 0;
        int ops = 0;
        int maxOps = 0;
        boolean str = false;
        boolean text = false;
        boolean chr = false;
        boolean block = false;
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            char next = i + 1 < src.length() ? src.charAt(i + 1) : '\0';
            if (block) {
                if (c == '*' && next == '/') {
                    block = false;
                    i++;
                }
            } else if (text) {
                if (c == '\\') i++;
                else if (c == '"' && next == '"' && i + 2 < src.length() && src.charAt(i + 2) == '"') {
                    text = false;
                    i += 2;
                }
            } else if (str || chr) {
                if (c == '\\') i++;
                else if ((str && c == '"') || (chr && c == '\'')) {
                    str = false;
                    chr = false;
                }
            } else if (c == '/' && next == '/') {
                while (i < src.length() && src.charAt(i) != '\n') i++;
            } else if (c == '/' && next == '*') {
                block = true;
                i++;
            } else if (c == '"') {
                if (next == '"' && i + 2 < src.length() && src.charAt(i + 2) == '"') {
                    text = true;
                    i += 2;
                } else {
                    str = true;
                }
            } else if (c == '\'') {
                chr = true;
            } else if (c == '{' || c == '(' || c == '[') {
                max = Math.max(max, ++depth);
                if (c == '{') ops = 0;
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
                if (c == '}') ops = 0;
            } else if (c == ';') {
                ops = 0;
            } else if ("+-*/%?&|^.".indexOf(c) >= 0) {
                maxOps = Math.max(maxOps, ++ops);
            }
        }
        return new int[] {max, maxOps};
    }
}

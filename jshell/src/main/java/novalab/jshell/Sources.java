package novalab.jshell;

import java.util.Optional;

/**
 * Checks made on a student's source before the lab's compiler sees it: javac runs in the lab's JVM, so input that
 * would make it recurse out of stack (thousands of nested brackets) or take long (huge sources) never reaches it.
 */
final class Sources {
    static final int MAX_CHARS = 50_000;
    static final int MAX_DEPTH = 120;

    private Sources() {}

    /** Why the source is refused before compiling, if it is. */
    static Optional<String> refuse(String src) {
        if (src.length() > MAX_CHARS) {
            return Optional.of("This source is longer than " + MAX_CHARS + " characters; run it in smaller pieces.");
        }
        if (depth(src) > MAX_DEPTH) {
            return Optional.of("This source nests brackets more than " + MAX_DEPTH + " deep, more than the playground compiles.");
        }
        int ops = 0;
        int longest = 0;
        for (int i = 0; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '+' || c == '-' || c == '*' || c == '/' || c == '?' || c == '&' || c == '|' || c == '.') ops++;
            if (c == ';' || c == '{' || c == '}') {
                longest = Math.max(longest, ops);
                ops = 0;
            }
        }
        if (Math.max(longest, ops) > 400) {
            return Optional.of("One statement of this source chains more than 400 operators, more than the playground compiles.");
        }
        return Optional.empty();
    }

    /** The deepest nesting of (), [] and {} outside literals and comments. */
    static int depth(CharSequence src) {
        int depth = 0;
        int max = 0;
        boolean str = false;
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
                str = true;
            } else if (c == '\'') {
                chr = true;
            } else if (c == '{' || c == '(' || c == '[') {
                max = Math.max(max, ++depth);
            } else if (c == '}' || c == ')' || c == ']') {
                depth--;
            }
        }
        return max;
    }
}

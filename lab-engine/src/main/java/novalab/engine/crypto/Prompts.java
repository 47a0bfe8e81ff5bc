package novalab.engine.crypto;

import java.util.List;
import java.util.Optional;
import novalab.engine.shell.Invocation;

/**
 * Interactive questions answered from standard input, one line per question. The transcript reads as
 * a terminal would show it: the prompt, what was typed (nothing for passphrases, which do not echo),
 * and the end of the line.
 */
final class Prompts {
    private final Invocation inv;
    private final List<String> lines;
    private int next;

    Prompts(Invocation inv) {
        this.inv = inv;
        String in = inv.stdin();
        this.lines = in.isEmpty() ? List.of() : List.of(in.split("\r?\n", -1));
    }

    /** The next answer, or empty at the end of input (the caller decides what that means). */
    Optional<String> ask(String prompt, boolean secret) {
        inv.out(prompt);
        boolean have = next < lines.size() && !(next == lines.size() - 1 && lines.get(next).isEmpty());
        String answer = have ? lines.get(next++) : "";
        inv.outln(secret ? "" : answer);
        return have ? Optional.of(answer) : Optional.empty();
    }
}

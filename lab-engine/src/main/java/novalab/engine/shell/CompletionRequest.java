package novalab.engine.shell;

import java.util.List;
import java.util.Map;

/**
 * What a {@link Completer} is asked: the words of the current simple command before the cursor (the
 * program's name first; a word glued to the cursor by {@code =} keeps its {@code =}, e.g. {@code --flavor=}
 * or {@code net-id=}), the partial word being completed, the machine, and the session's exported variables.
 */
public record CompletionRequest(List<String> words, String partial, Node node, Map<String, String> env) {
    public CompletionRequest {
        words = List.copyOf(words);
        env = novalab.engine.common.Ordered.map(env);
    }

    /** The words after the program's name. */
    public List<String> args() { return words.subList(Math.min(1, words.size()), words.size()); }

    /** The word just before the partial one, or "" at the first argument. */
    public String previous() { return words.size() < 2 ? "" : words.get(words.size() - 1); }

    /** Keeps the candidates that start with the partial word. */
    public List<String> matching(java.util.Collection<String> candidates) {
        return candidates.stream().filter(c -> c.startsWith(partial)).distinct().sorted().toList();
    }
}

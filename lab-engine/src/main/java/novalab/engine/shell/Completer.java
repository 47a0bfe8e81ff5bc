package novalab.engine.shell;

import java.util.List;

/**
 * Optional second face of a {@link Program}: Tab completion of its own arguments (subcommands, option
 * names, names of things in the cloud). The shell asks it when the cursor is past the program's name;
 * it must only read: never change the cloud, never advance the clock, never print. An empty answer lets
 * the shell fall back to file names.
 */
@FunctionalInterface
public interface Completer {
    /** Candidates that each replace {@link CompletionRequest#partial()}, in any order (the shell sorts them). */
    List<String> complete(CompletionRequest request);
}

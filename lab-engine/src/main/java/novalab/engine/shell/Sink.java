package novalab.engine.shell;

/** Where one output stream of a command goes: the terminal, a pipe, a file, or nowhere ({@code /dev/null}). */
@FunctionalInterface
interface Sink {
    /** Discards everything, like {@code /dev/null}. */
    Sink NULL = s -> { };

    void write(String s);

    /** True when this is the student's terminal (ls then prints in columns and quotes odd names). */
    default boolean terminal() { return false; }
}

package novalab.engine.shell;

/** What a program may ask of the shell that runs it, beyond its own streams. */
public interface ShellControl {
    /** Advances the simulated clock by {@code ms} (firing what falls due); the live terminal also really waits. */
    void sleep(long ms);

    /** Simulated milliseconds since the sandbox started. */
    long nowMs();

    /** Opens an interactive login on {@code node} (ssh without a command): later lines run there until {@code exit}. */
    void enter(Node node, java.util.Map<String, String> env);

    /** Runs one command line on {@code node} non-interactively (ssh host cmd), writing into {@code inv}'s streams. */
    int runOn(Node node, String commandLine, Invocation inv);
}

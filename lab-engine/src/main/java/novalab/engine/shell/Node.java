package novalab.engine.shell;

import java.util.Optional;

/**
 * A machine the student can have a shell on: the workstation, the controller node, a compute node or
 * a guest reached by ssh. Each has its own files and its own set of programs beyond the shell builtins.
 */
public interface Node {
    /** Short hostname, shown in the prompt. */
    String hostname();

    /** Login user on this machine (student, root, cirros, ubuntu). */
    String user();

    String home();

    VirtualFs fs();

    /** A program installed on this machine, by command name. */
    Optional<Program> program(String name);

    /** Command names installed here (for {@code help} and Tab completion). */
    java.util.Set<String> programNames();
}

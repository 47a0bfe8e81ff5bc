package novalab.engine.shell;

/**
 * A command the shell can run ({@code openstack}, {@code cat}, {@code ssh}, {@code crudini}, ...).
 * It reads its arguments and standard input from the invocation, writes to its output streams, and
 * returns the exit status. It never throws to the shell: a program's own errors are printed in the
 * voice of the tool it imitates.
 */
@FunctionalInterface
public interface Program {
    int run(Invocation inv);
}

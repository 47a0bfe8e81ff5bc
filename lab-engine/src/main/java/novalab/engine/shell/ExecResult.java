package novalab.engine.shell;

/**
 * What one typed line produced: its standard output, its standard error, both interleaved in the order a
 * terminal shows them ({@code output}), and the exit status ({@code $?}).
 */
public record ExecResult(String stdout, String stderr, String output, int status) {}

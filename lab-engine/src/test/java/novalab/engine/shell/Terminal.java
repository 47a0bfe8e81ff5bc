package novalab.engine.shell;

import java.util.Map;

/** A shell on a fresh workstation, for tests: type lines, read what came back. */
final class Terminal {
    final FakeNode node = FakeNode.workstation();
    final FakeClock clock = new FakeClock();
    final Shell shell = new Shell(node, Map.of("HOME", "/home/student", "USER", "student", "PATH", "/usr/bin:/bin"), clock);

    ExecResult run(String line) { return shell.execute(line); }

    /** Standard output of a line. */
    String out(String line) { return shell.execute(line).stdout(); }

    /** Standard error of a line. */
    String err(String line) { return shell.execute(line).stderr(); }

    int status(String line) { return shell.execute(line).status(); }

    Terminal file(String path, String content) {
        node.file(path, content, 0644);
        return this;
    }
}

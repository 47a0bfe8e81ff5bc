package novalab.engine.crypto;

import java.util.Map;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Node;
import novalab.engine.shell.ShellControl;

/** Shell control whose simulated clock reads what the test sets; ssh-keygen needs nothing else from the shell. */
final class FixedClock implements ShellControl {
    long nowMs;

    FixedClock(long nowMs) { this.nowMs = nowMs; }

    @Override public void sleep(long ms) { nowMs += ms; }

    @Override public long nowMs() { return nowMs; }

    @Override public void enter(Node node, Map<String, String> env) { throw new UnsupportedOperationException(); }

    @Override public int runOn(Node node, String commandLine, Invocation inv) { throw new UnsupportedOperationException(); }
}

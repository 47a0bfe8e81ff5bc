package novalab.web.lab;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;

/** A live sandbox and the history that built it; used under its student's lock only. */
final class LabSession implements AutoCloseable {
    final Epoch epoch;
    final Sandbox box;
    final List<Command> history = new ArrayList<>();
    int lastStatus;

    LabSession(Epoch epoch, Sandbox box) {
        this.epoch = epoch;
        this.box = box;
    }

    /** Runs a stored command at its offset (a live command, or one replayed after a restart). */
    ExecResult run(Command c) {
        ExecResult r = box.run(c.offsetMs(), c.line());
        history.add(c);
        lastStatus = r.status();
        return r;
    }

    long lastOffset() {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).offsetMs();
    }

    @Override
    public void close() {
        box.close();
    }
}

package novalab.web.lab;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import novalab.engine.wire.HistoryLines;

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

    /**
     * Replays a stored command through {@link HistoryLines#replay}: a terminal line through the shell, a request a
     * real client made ({@code __api …}, {@code __ec2 …}) through the engine's wire dispatcher at the same offset, so
     * the rebuilt sandbox equals the one that was lost.
     */
    void replay(Command c) {
        ExecResult r = HistoryLines.replay(box, c.offsetMs(), c.line());
        history.add(c);
        if (!HistoryLines.isRequest(c.line())) lastStatus = r.status();
    }

    /** Records a request a real client made (it already ran, at {@code c.offsetMs()}). */
    void recorded(Command c) {
        history.add(c);
    }

    long lastOffset() {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).offsetMs();
    }

    @Override
    public void close() {
        box.close();
    }
}

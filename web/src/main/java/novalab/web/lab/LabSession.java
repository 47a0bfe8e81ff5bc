package novalab.web.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import novalab.web.api.ApiCall;
import novalab.web.api.OpenStackApi;

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
     * Replays a stored command: a terminal line through the shell, an {@code __api …} line (a request a real client
     * made) through {@link OpenStackApi#handle} at the same offset, so the rebuilt sandbox equals the one that was lost.
     * {@code apiBase} only shapes links in the answers, which replay throws away.
     */
    void replay(Command c, String apiBase) {
        Optional<ApiCall> call = ApiCall.fromHistoryLine(c.line());
        if (call.isEmpty()) {
            run(c);
            return;
        }
        box.cloud().advanceTo(Math.max(box.cloud().nowMs(), c.offsetMs()));
        OpenStackApi.handle(box, apiBase, call.get());
        history.add(c);
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

package novalab.engine.wire;

import java.util.Optional;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;

/**
 * One entry point that replays any line of a student's history at its offset: a terminal line through the shell,
 * an {@code __api …} line (a request a real {@code openstack} client made) through {@link OpenStackWire}, an
 * {@code __ec2 …} line (a request the real {@code aws} client made) through {@link Ec2Wire}. Live front ends, batch
 * grading and regrades all go through here, so they rebuild the very same sandbox.
 */
public final class HistoryLines {
    /** The base URL requests are replayed with: it only shapes links in answers, which replay throws away. */
    public static final String REPLAY_BASE = "http://replay/sandbox/replay";

    private HistoryLines() {}

    /** Whether {@code line} records a wire request ({@code __api …} or {@code __ec2 …}) rather than a typed command. */
    public static boolean isRequest(String line) {
        return line.startsWith(ApiCall.LINE_PREFIX) || line.startsWith(Ec2Call.LINE_PREFIX);
    }

    /**
     * Replays {@code line} on {@code box} at {@code offsetMs} (ms since the sandbox started, or now if that has passed).
     * A request line answers with the HTTP status as exit status (0 for 2xx) and the response body as output.
     */
    public static ExecResult replay(Sandbox box, long offsetMs, String line) {
        Optional<ApiResponse> answered = replayRequest(box, offsetMs, line);
        if (answered.isEmpty()) return box.run(offsetMs, line);
        ApiResponse r = answered.get();
        int status = r.status() / 100 == 2 ? 0 : r.status();
        return new ExecResult(r.body(), "", r.body(), status);
    }

    /**
     * Replays {@code line} when it is a recorded request ({@code __api …} or {@code __ec2 …}) and gives the wire
     * answer; a terminal line is left alone (empty).
     */
    public static Optional<ApiResponse> replayRequest(Sandbox box, long offsetMs, String line) {
        Optional<ApiCall> api = ApiCall.fromHistoryLine(line);
        Optional<Ec2Call> ec2 = api.isPresent() ? Optional.empty() : Ec2Call.fromHistoryLine(line);
        if (api.isEmpty() && ec2.isEmpty()) return Optional.empty();
        box.cloud().advanceTo(Math.max(box.cloud().nowMs(), offsetMs));
        return Optional.of(api.isPresent() ? OpenStackWire.handle(box, REPLAY_BASE, api.get()) : Ec2Wire.handle(box, REPLAY_BASE, ec2.get()));
    }
}

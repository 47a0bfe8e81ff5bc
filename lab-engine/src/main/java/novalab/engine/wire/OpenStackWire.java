package novalab.engine.wire;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import novalab.engine.Sandbox;

/**
 * The OpenStack wire APIs of one sandbox (Keystone v3, Nova v2.1, Neutron v2.0, Glance v2) as a pure dispatcher:
 * an {@link ApiCall} in, an {@link ApiResponse} out, no HTTP server involved.
 *
 * <p>Paths are those below {@code /sandbox/<id>} of the web lab: {@code /identity/...}, {@code /compute/v2.1/...},
 * {@code /network/v2.0/...}, {@code /image/v2/...}; the token's catalog names these four under {@code base}.
 *
 * <p>Simulated time: a request takes none, except that a {@code GET /servers/<id>} of a server still changing
 * (status BUILD or a task_state set) lets 5 simulated seconds pass after answering, the interval at which
 * OSC's {@code --wait} polls, so a real client's wait loop sees the cloud move as the lab's own {@code --wait} does.
 * The rule depends only on the request sequence, so recorded requests replay deterministically.
 *
 * <p>The caller serialises calls to one sandbox (the engine is single-threaded).
 */
public final class OpenStackWire {
    private OpenStackWire() {}

    /**
     * Serves one call against a sandbox: {@code base} is {@code http://host:port/sandbox/<id>}, which the catalog and
     * links point back to. Never throws: every failure is an answer in the service's own shape.
     */
    public static ApiResponse handle(Sandbox box, String base, ApiCall call) {
        List<String> seg = Req.segments(call.path());
        String service = seg.isEmpty() ? "" : seg.get(0);
        Req r = new Req(box, call, base, seg.isEmpty() ? List.of() : seg.subList(1, seg.size()), call.path().endsWith("/"));
        try {
            return switch (service) {
                case "identity" -> KeystoneApi.handle(r);
                case "compute" -> NovaApi.handle(r);
                case "network" -> NeutronApi.handle(r);
                case "image" -> GlanceApi.handle(r);
                default -> KeystoneApi.error(404, "Not Found", "The resource could not be found.");
            };
        } catch (RuntimeException e) {
            // A bug of this layer: still an answer in JSON, never a stack trace.
            return KeystoneApi.error(500, "Internal Server Error", "An unexpected error prevented the server from fulfilling your request.");
        }
    }

    /** An error in Keystone's JSON shape ({@code {"error": {"code", "title", "message"}}}), for front ends answering for a sandbox. */
    public static ApiResponse error(int status, String title, String message) {
        return KeystoneApi.error(status, title, message);
    }

    /** A request id ({@code req-<uuid>}) derived from the call and the simulated time, so it draws nothing from the engine's ids. */
    static String requestId(Req r) {
        String seed = r.cloud().nowMs() + " " + r.call.method() + " " + r.call.path() + "?" + r.call.query() + " " + r.call.body();
        return "req-" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }
}

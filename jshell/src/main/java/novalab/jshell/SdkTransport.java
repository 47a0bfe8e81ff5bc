package novalab.jshell;

/**
 * The lab's end of the SDK channel: answers one HTTP-shaped request a snippet's SDK call made. {@code path} is the part
 * after {@code /sandbox/<id>} ({@code /compute/v2.1/servers/detail}, {@code /network/v2.0/security-groups},
 * {@code /image/v2/images}, and the lab-only read {@code /lab/scheduler/last-decision}); the transport adds its own
 * credentials. Called on a pool thread while the snippet waits; it should not throw (a thrown exception becomes a 500).
 */
@FunctionalInterface
public interface SdkTransport {
    Reply request(String method, String path, String jsonBody);

    /** An answer: HTTP status and JSON body ({@code ""} when none). */
    record Reply(int status, String body) {}

    /** A transport for sessions with no cloud attached: every request is answered 503. */
    static SdkTransport none() {
        return (method, path, body) -> new Reply(503, "{\"error\": {\"message\": \"No cloud is attached to this JShell session.\"}}");
    }
}

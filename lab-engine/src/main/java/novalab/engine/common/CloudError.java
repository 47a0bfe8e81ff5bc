package novalab.engine.common;

/**
 * Root of the engine's errors: carries the upstream fault name and HTTP status and the upstream
 * message, and is rendered once at the edge by each dialect (OSC prints {@code <message> (HTTP <code>)}).
 */
public class CloudError extends RuntimeException {
    private final int status;
    private final String code;

    public CloudError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** HTTP status as the real service answers (400, 401, 403, 404, 409, ...). */
    public int status() { return status; }

    /** Fault or exception name: {@code itemNotFound}, {@code NetworkNotFound}, {@code NoValidHost}, ... */
    public String code() { return code; }

    public static CloudError badRequest(String message) { return new CloudError(400, "badRequest", message); }
    public static CloudError unauthorized() {
        return new CloudError(401, "unauthorized", "The request you have made requires authentication.");
    }
    public static CloudError forbidden(String message) { return new CloudError(403, "forbidden", message); }
    public static CloudError notFound(String message) { return new CloudError(404, "itemNotFound", message); }
    public static CloudError conflict(String message) { return new CloudError(409, "conflictingRequest", message); }

    /** Nova's policy failure text. */
    public static CloudError policy(String rule) {
        return forbidden("Policy doesn't allow " + rule + " to be performed.");
    }
}

package novalab.jshell.sdk;

/** An API request the cloud refused, with its HTTP status and the service's own message (like openstacksdk's HttpException). */
public final class CloudException extends RuntimeException {
    private final int status;

    public CloudException(int status, String message) {
        super("HTTP " + status + ": " + message);
        this.status = status;
    }

    public int status() { return status; }
}

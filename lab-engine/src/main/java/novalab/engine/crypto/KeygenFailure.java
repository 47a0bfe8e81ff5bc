package novalab.engine.crypto;

/** Ends an ssh-keygen run the way OpenSSH's {@code fatal()} and {@code usage()} do: a message on stderr and an exit status. */
final class KeygenFailure extends RuntimeException {
    private final int status;
    private final boolean usage;

    private KeygenFailure(int status, String message, boolean usage) {
        super(message, null, false, false);
        this.status = status;
        this.usage = usage;
    }

    /** OpenSSH's {@code fatal()}: exit status 255. */
    static KeygenFailure fatal(String message) { return new KeygenFailure(255, message, false); }

    /** A plain {@code exit(status)} after a message. */
    static KeygenFailure exit(int status, String message) { return new KeygenFailure(status, message, false); }

    /** The message, then the usage text, exit status 1. */
    static KeygenFailure usage(String message) { return new KeygenFailure(1, message, true); }

    int status() { return status; }

    boolean showUsage() { return usage; }
}

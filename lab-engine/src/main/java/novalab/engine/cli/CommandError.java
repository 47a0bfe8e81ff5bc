package novalab.engine.cli;

/**
 * An error cliff reports after parsing succeeded: the app logs the message to stderr and exits with status 1
 * (for example {@code No recognized column names in ['x']. Recognized columns are ('ID', 'Name').}).
 */
public class CommandError extends RuntimeException {
    public CommandError(String message) {
        super(message, null, false, false);
    }

    /** The process exit status cliff returns for it. */
    public int exitStatus() { return 1; }
}

package novalab.engine.cli.aws;

/**
 * A client-side failure with the CLI's own text and exit status: 252 parameter/usage errors, 253
 * configuration (region, credentials), 255 anything else (waiter failures).
 */
final class AwsExit extends RuntimeException {
    static final String USAGE = "usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
            + "To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n";

    private final int status;

    AwsExit(int status, String text) {
        super(text);
        this.status = status;
    }

    int status() { return status; }

    /** argparse's error: the usage block, then {@code aws: error: <message>} (exit 252). */
    static AwsExit usage(String message) { return new AwsExit(252, USAGE + "aws: error: " + message + "\n"); }

    /** A parameter error raised after parsing (exit 252), printed as-is. */
    static AwsExit param(String message) { return new AwsExit(252, "\n" + message + "\n"); }

    /** A configuration error: no region, no credentials, unknown profile (exit 253). */
    static AwsExit config(String message) { return new AwsExit(253, "\n" + message + "\n"); }
}

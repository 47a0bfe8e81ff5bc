package novalab.engine.cli.aws;

/** An EC2 service error: its code ({@code InvalidInstanceID.NotFound}) and message; the CLI prints it and exits 254. */
final class Ec2Error extends RuntimeException {
    private final String code;

    Ec2Error(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() { return code; }
}

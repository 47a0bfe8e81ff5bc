package novalab.grader.batch;

/** A usage or input problem of the batch command: printed as {@code lab grade: <message>}, exit status 2. */
final class BatchError extends RuntimeException {
    BatchError(String message) { super(message); }
}

package novalab.grader;

/** A history that cannot be read (not text, bad JSON line, empty): graded as {@code gradable: false} with this reason. */
public final class HistoryFormatError extends RuntimeException {
    public HistoryFormatError(String reason) { super(reason); }
}

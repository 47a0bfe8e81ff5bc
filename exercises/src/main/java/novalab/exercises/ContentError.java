package novalab.exercises;

/** A content file that does not load: the message names the file and the field, e.g. "01-menu/checks.json: checks[2]: unknown field `flavour`". */
public final class ContentError extends RuntimeException {
    private final String file;
    private final String field;

    public ContentError(String file, String field, String problem) {
        super(file + (field.isEmpty() ? "" : ": " + field) + ": " + problem);
        this.file = file;
        this.field = field;
    }

    public String file() { return file; }

    public String field() { return field; }
}

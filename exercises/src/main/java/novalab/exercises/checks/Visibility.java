package novalab.exercises.checks;

/** Who sees a check's result, with Gradescope's names: {@code visible}, {@code hidden}, {@code after_due_date}. */
public enum Visibility {
    VISIBLE("visible"), HIDDEN("hidden"), AFTER_DUE_DATE("after_due_date");

    private final String json;

    Visibility(String json) { this.json = json; }

    @Override
    public String toString() { return json; }
}

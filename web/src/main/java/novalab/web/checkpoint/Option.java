package novalab.web.checkpoint;

/** One choice of an item (or one step of an ordering item), with the rationale shown once the student has answered. */
public record Option(String id, String text, boolean correct, String rationale) {}

package novalab.web.checkpoint;

/** A typed command students often give that is not right, with the rationale shown when they give it. */
public record WrongForm(String answer, String rationale) {}

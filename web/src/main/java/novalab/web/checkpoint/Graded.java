package novalab.web.checkpoint;

/** A graded answer: its canonical stored form and whether it is right. */
public record Graded(String answer, boolean correct) {}

package novalab.web.checkpoint;

/** One row of a matching item: {@code left} belongs with {@code right}, and why. */
public record Pair(String id, String left, String right, String rationale) {}

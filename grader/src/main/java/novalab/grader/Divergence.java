package novalab.grader;

/**
 * The first command after which a failed check's relevant state was already what it is at the end (so
 * nothing later repaired it): its 1-based number, its offset and text, and the check's observation just
 * before and just after it.
 */
public record Divergence(int command, long offsetMs, String line, String before, String after) {}

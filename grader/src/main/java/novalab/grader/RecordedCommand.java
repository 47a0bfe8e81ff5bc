package novalab.grader;

/** One line of a history: the command and when it was typed, in ms since the sandbox started. */
public record RecordedCommand(long offsetMs, String line) {}

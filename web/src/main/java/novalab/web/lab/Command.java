package novalab.web.lab;

/** One stored command: its number in the sandbox's history, its offset in ms since the sandbox started, the line. */
public record Command(int seq, long offsetMs, String line) {}

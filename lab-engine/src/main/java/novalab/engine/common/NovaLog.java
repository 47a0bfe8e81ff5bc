package novalab.engine.common;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One service's log file in oslo.log's format
 * ({@code 2026-09-14 09:00:05.123 1872 INFO nova.scheduler.manager [req-... user project - default default] text}),
 * bounded to its most recent lines so an idle sandbox stays small.
 */
public final class NovaLog {
    private static final int MAX_LINES = 2000;
    private final SimClock clock;
    private final int pid;
    private final java.util.function.BooleanSupplier debug;
    private final Deque<String> lines = new ArrayDeque<>();
    private int chars;

    /** {@code debug}: whether {@code [DEFAULT] debug} is on; DEBUG lines are dropped otherwise, as oslo.log does. */
    public NovaLog(SimClock clock, int pid, java.util.function.BooleanSupplier debug) {
        this.clock = clock;
        this.pid = pid;
        this.debug = debug;
    }

    /** Appends a line; {@code context} is the bracketed request context, e.g. {@code req-... uid pid - default default}. */
    public void log(String level, String logger, String context, String message) {
        if (level.equals("DEBUG") && !debug.getAsBoolean()) return;
        String ctx = context.isEmpty() ? "[-] " : "[" + context + "] ";
        String line = clock.logStamp() + " " + pid + " " + level + " " + logger + " " + ctx + message;
        lines.addLast(line);
        chars += line.length() + 1;
        while (lines.size() > MAX_LINES) chars -= lines.removeFirst().length() + 1;
    }

    public String text() {
        StringBuilder sb = new StringBuilder(chars);
        for (String l : lines) sb.append(l).append('\n');
        return sb.toString();
    }

    public int size() { return lines.size(); }
}

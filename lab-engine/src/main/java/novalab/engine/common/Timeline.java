package novalab.engine.common;

import java.util.PriorityQueue;

/**
 * The cloud's event queue: work that falls due at a simulated time (build steps, heartbeats, audits,
 * casts on the bus). Events run on the caller's thread, ordered by (due time, insertion order), so a
 * replay of the same history fires the same events in the same order.
 */
public final class Timeline {
    private record Event(long dueMs, long seq, String label, Runnable action) {}

    private final SimClock clock;
    private final PriorityQueue<Event> queue = new PriorityQueue<>(
            (a, b) -> a.dueMs != b.dueMs ? Long.compare(a.dueMs, b.dueMs) : Long.compare(a.seq, b.seq));
    private long seq;
    private final java.util.List<String> failures = new java.util.ArrayList<>();

    public Timeline(SimClock clock) {
        this.clock = clock;
    }

    public SimClock clock() { return clock; }

    /** Runs {@code action} when the clock reaches now + delayMs. */
    public void after(long delayMs, String label, Runnable action) {
        at(clock.nowMs() + Math.max(0, delayMs), label, action);
    }

    public void at(long dueMs, String label, Runnable action) {
        queue.add(new Event(Math.max(dueMs, clock.nowMs()), seq++, label, action));
    }

    /** Advances the clock to {@code targetMs}, firing every event due on the way, each at its own time. */
    public void advanceTo(long targetMs) {
        while (!queue.isEmpty() && queue.peek().dueMs <= targetMs) {
            Event e = queue.poll();
            clock.advanceTo(e.dueMs);
            try {
                e.action.run();
            } catch (RuntimeException ex) {
                // A failing background step must not take the sandbox down; it is kept for the lab's diagnostics.
                failures.add(clock.nowMs() + " " + e.label + ": " + ex.getMessage());
                if (failures.size() > 50) failures.remove(0);
            }
        }
        clock.advanceTo(targetMs);
    }

    /** Fires what is due now (casts queued at the current time), without moving the clock. */
    public void drainDue() {
        advanceTo(clock.nowMs());
    }

    public int pending() { return queue.size(); }

    /** Background steps that failed (label and message), most recent last. */
    public java.util.List<String> failures() { return java.util.List.copyOf(failures); }
}

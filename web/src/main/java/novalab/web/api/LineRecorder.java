package novalab.web.api;

/**
 * Hears every request that reached a sandbox as the history line that replays it ({@code __ec2 …}), after it ran,
 * with the simulated time it ran at, inside the same critical section; the web lab stores it in the student's history.
 */
@FunctionalInterface
public interface LineRecorder {
    void record(String sandboxId, long atMs, String line);

    LineRecorder NONE = (id, at, line) -> { };
}

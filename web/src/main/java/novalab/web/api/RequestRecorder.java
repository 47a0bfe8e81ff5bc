package novalab.web.api;

import novalab.engine.wire.ApiCall;
import novalab.engine.wire.ApiResponse;

/**
 * Hears every request that reached a sandbox's OpenStack APIs, after it ran, with the simulated time it ran at.
 * The web lab stores each one in the student's history (as {@link ApiCall#historyLine()}) so that replay,
 * grading and regrade include it; replaying a line means {@link ApiCall#fromHistoryLine} and then
 * {@link novalab.engine.wire.HistoryLines#replay} on the sandbox at the line's offset (the engine's ids are seeded, so the replayed
 * token ids equal the recorded ones).
 */
@FunctionalInterface
public interface RequestRecorder {
    void record(String sandboxId, long atMs, ApiCall call, ApiResponse response);

    RequestRecorder NONE = (id, at, call, response) -> { };
}

package novalab.web.api;

import novalab.engine.wire.ApiResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import novalab.engine.Sandbox;

/**
 * Finds a student's sandbox by the id in {@code /sandbox/<id>/...}; the web lab implements it over its live sandboxes.
 *
 * <p>The id is the only thing that tells students apart (every sandbox of a scenario has the same Keystone users and
 * passwords), so a directory must hand out ids no one can guess (a random per-student key, not a user number).
 */
@FunctionalInterface
public interface SandboxDirectory {
    Optional<Sandbox> sandbox(String id);

    /**
     * Runs one request's {@code work} on the sandbox {@code id} under whatever serialises that sandbox's calls, and
     * returns its answer; empty when there is no such sandbox. The default holds the {@link Sandbox}'s monitor; the
     * web lab overrides it to take its student's lock (and to rebuild an evicted sandbox by replay first), so API
     * requests and terminal commands never run at the same time and its history keeps the engine's order.
     */
    default Optional<ApiResponse> serve(String id, Function<Sandbox, ApiResponse> work) {
        Optional<Sandbox> box = sandbox(id);
        if (box.isEmpty()) return Optional.empty();
        synchronized (box.get()) {
            return Optional.of(work.apply(box.get()));
        }
    }

    /** A fixed directory (tests, the bench). */
    static SandboxDirectory of(Map<String, Sandbox> boxes) {
        Map<String, Sandbox> copy = Map.copyOf(boxes);
        return id -> Optional.ofNullable(copy.get(id));
    }
}

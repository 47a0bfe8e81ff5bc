package novalab.web.api;

import java.util.Map;
import java.util.Optional;
import novalab.engine.Sandbox;

/** Finds a student's sandbox by the id in {@code /sandbox/<id>/...}; the web lab implements it over its live sandboxes. */
@FunctionalInterface
public interface SandboxDirectory {
    Optional<Sandbox> sandbox(String id);

    /** A fixed directory (tests, the bench). */
    static SandboxDirectory of(Map<String, Sandbox> boxes) {
        Map<String, Sandbox> copy = Map.copyOf(boxes);
        return id -> Optional.ofNullable(copy.get(id));
    }
}

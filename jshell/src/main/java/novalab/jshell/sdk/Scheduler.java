package novalab.jshell.sdk;

import java.util.Map;
import java.util.Optional;

/**
 * {@code cloud.scheduler()}: read-only access to the scheduler's decisions (the lab's own endpoint
 * {@code GET /lab/scheduler/last-decision}; real OpenStack keeps these only in the scheduler's log).
 */
public final class Scheduler {
    private final Cloud cloud;

    Scheduler(Cloud cloud) {
        this.cloud = cloud;
    }

    /** The last placement decision, empty before the first server was scheduled. */
    public Optional<Decision> lastDecision() {
        Map<String, Object> d = Json.obj(Api.get(cloud, "/lab/scheduler/last-decision"), "decision");
        return d.isEmpty() ? Optional.empty() : Optional.of(Decision.of(d));
    }

    @Override
    public String toString() { return "Scheduler[lastDecision()]"; }
}

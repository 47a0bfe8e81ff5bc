package novalab.engine.scheduler;

import java.util.List;

/** What the filters left for one instance, and the steps that got there in enabled_filters order. */
public record FilterResult(List<HostState> passed, List<FilterStep> steps) {
    public FilterResult {
        passed = List.copyOf(passed);
        steps = List.copyOf(steps);
    }

    /** How many hosts filtering started with. */
    public int startCount() {
        return steps.isEmpty() ? passed.size() : steps.get(0).start();
    }
}

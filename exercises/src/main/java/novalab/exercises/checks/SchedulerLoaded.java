package novalab.exercises.checks;

import java.util.List;

/**
 * {@code scheduler_loaded}: the running nova-scheduler has loaded a filter ({@code "filter"}) or weigher
 * ({@code "weigher"}) of that class name, i.e. it is in nova.conf and the scheduler was restarted since.
 */
public record SchedulerLoaded(CheckInfo info, String kind, String className) implements Check {
    static SchedulerLoaded parse(CheckInfo info, Fields f) {
        var filter = f.optStr("filter");
        var weigher = f.optStr("weigher");
        if (filter.isPresent() == weigher.isPresent()) throw f.error("filter", "a scheduler_loaded check needs exactly one of filter or weigher");
        return filter.map(n -> new SchedulerLoaded(info, "filter", n)).orElseGet(() -> new SchedulerLoaded(info, "weigher", weigher.get()));
    }

    @Override
    public Observation evaluate(Probe probe) {
        var s = probe.cloud().scheduler();
        List<String> loaded = kind.equals("filter") ? s.enabledFilterNames() : s.weigherNames();
        String what = kind.equals("filter") ? "enabled filters" : "weighers";
        return Observation.of(loaded.contains(className), "running nova-scheduler's " + what + ": " + String.join(",", loaded));
    }
}

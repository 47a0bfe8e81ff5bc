package novalab.engine.scheduler.filters;

import java.util.OptionalDouble;
import java.util.Set;
import novalab.engine.scheduler.HostState;

/**
 * Simulates nova.scheduler.filters.utils.aggregate_values_from_key and validate_num_values, the
 * "aggregate metadata overrides the config, the minimum wins" rule shared by the Aggregate* filters and
 * the weighers' multipliers.
 */
public final class AggregateValues {
    private AggregateValues() {}

    /** Every value the host's aggregates give for {@code key}; empty when no aggregate sets it. */
    public static Set<String> fromKey(HostState host, String key) {
        return host.aggregateMetadata().getOrDefault(key, Set.of());
    }

    /**
     * The minimum of the host's aggregate values for {@code key} read as floats, or {@code fallback} when no
     * aggregate sets the key. Like Nova, a single value that does not parse makes the whole lookup fall back
     * (Nova catches the ValueError, logs "Could not decode ..." and uses the configured value).
     */
    public static double minOr(HostState host, String key, double fallback) {
        Set<String> values = fromKey(host, key);
        if (values.isEmpty()) return fallback;
        double min = Double.POSITIVE_INFINITY;
        for (String value : values) {
            OptionalDouble parsed = Py.parseFloat(value);
            if (parsed.isEmpty()) return fallback;
            min = Math.min(min, parsed.getAsDouble());
        }
        return min;
    }
}

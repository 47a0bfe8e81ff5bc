package novalab.engine.scheduler.weights;

import java.util.OptionalDouble;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.filters.AggregateValues;

/**
 * Simulates nova.scheduler.weights.ram.RAMWeigher. It weighs a host by its free_ram_mb (at least 0), times
 * {@code ram_weight_multiplier} (positive spreads, negative stacks), which the host's aggregates may
 * override with their minimum value.
 */
public final class RAMWeigher implements HostWeigher {
    private final double ramWeightMultiplier;

    public RAMWeigher(double ramWeightMultiplier) {
        this.ramWeightMultiplier = ramWeightMultiplier;
    }

    @Override
    public String name() { return "RAMWeigher"; }

    @Override
    public double weigh(HostState host) { return host.freeRamMb(); }

    @Override
    public double weightMultiplier(HostState host) {
        return AggregateValues.minOr(host, "ram_weight_multiplier", ramWeightMultiplier);
    }

    @Override
    public OptionalDouble minval() { return OptionalDouble.of(0); }
}

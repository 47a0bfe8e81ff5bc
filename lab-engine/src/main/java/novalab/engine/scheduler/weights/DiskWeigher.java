package novalab.engine.scheduler.weights;

import java.util.OptionalDouble;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.filters.AggregateValues;

/**
 * Simulates nova.scheduler.weights.disk.DiskWeigher. It weighs a host by its free_disk_mb (at least 0), times
 * {@code disk_weight_multiplier}, which the host's aggregates may override with their minimum value.
 */
public final class DiskWeigher implements HostWeigher {
    private final double diskWeightMultiplier;

    public DiskWeigher(double diskWeightMultiplier) {
        this.diskWeightMultiplier = diskWeightMultiplier;
    }

    @Override
    public String name() { return "DiskWeigher"; }

    @Override
    public double weigh(HostState host) { return host.freeDiskMb(); }

    @Override
    public double weightMultiplier(HostState host) {
        return AggregateValues.minOr(host, "disk_weight_multiplier", diskWeightMultiplier);
    }

    @Override
    public OptionalDouble minval() { return OptionalDouble.of(0); }
}

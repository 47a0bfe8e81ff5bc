package novalab.engine.scheduler.weights;

import java.util.OptionalDouble;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.filters.AggregateValues;

/**
 * Simulates nova.scheduler.weights.cpu.CPUWeigher. It weighs a host by its free vCPUs after overcommit,
 * {@code vcpus_total * cpu_allocation_ratio - vcpus_used} (at least 0), times {@code cpu_weight_multiplier},
 * which the host's aggregates may override with their minimum value.
 */
public final class CPUWeigher implements HostWeigher {
    private final double cpuWeightMultiplier;

    public CPUWeigher(double cpuWeightMultiplier) {
        this.cpuWeightMultiplier = cpuWeightMultiplier;
    }

    @Override
    public String name() { return "CPUWeigher"; }

    @Override
    public double weigh(HostState host) {
        return host.vcpusTotal() * host.cpuAllocationRatio() - host.vcpusUsed();
    }

    @Override
    public double weightMultiplier(HostState host) {
        return AggregateValues.minOr(host, "cpu_weight_multiplier", cpuWeightMultiplier);
    }

    @Override
    public OptionalDouble minval() { return OptionalDouble.of(0); }
}

package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;

/**
 * Simulates nova.scheduler.filters.ram_filter.AggregateRamFilter. As in Rocky 18.x, it is RamFilter with the ratio
 * taken from the {@code ram_allocation_ratio} aggregate metadata (minimum wins; none or unparsable falls
 * back to the host's ratio). Upstream removed it in Victoria; the course still teaches it.
 */
public final class AggregateRamFilter extends BaseRamFilter {
    @Override
    double ramAllocationRatio(HostState host) {
        return AggregateValues.minOr(host, "ram_allocation_ratio", host.ramAllocationRatio());
    }
}

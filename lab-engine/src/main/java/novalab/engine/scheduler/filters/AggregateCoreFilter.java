package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;

/**
 * Simulates nova.scheduler.filters.core_filter.AggregateCoreFilter. As in Rocky 18.x, it is CoreFilter with the ratio
 * taken from the {@code cpu_allocation_ratio} aggregate metadata (minimum wins; none or unparsable falls
 * back to the host's ratio). Upstream removed it in Victoria; the course still teaches it.
 */
public final class AggregateCoreFilter extends BaseCoreFilter {
    @Override
    double cpuAllocationRatio(HostState host) {
        return AggregateValues.minOr(host, "cpu_allocation_ratio", host.cpuAllocationRatio());
    }
}

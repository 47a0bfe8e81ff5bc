package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;

/**
 * Simulates nova.scheduler.filters.disk_filter.AggregateDiskFilter. As in Rocky 18.x, it is DiskFilter with the ratio
 * taken from the {@code disk_allocation_ratio} aggregate metadata (minimum wins; none or unparsable falls
 * back to the host's ratio). Upstream removed it in Victoria; the course still teaches it.
 */
public final class AggregateDiskFilter extends BaseDiskFilter {
    @Override
    double diskAllocationRatio(HostState host) {
        return AggregateValues.minOr(host, "disk_allocation_ratio", host.diskAllocationRatio());
    }
}

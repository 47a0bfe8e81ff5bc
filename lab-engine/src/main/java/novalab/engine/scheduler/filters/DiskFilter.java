package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;

/**
 * Simulates nova.scheduler.filters.disk_filter.DiskFilter. As in Rocky 18.x, a host passes if
 * {@code total_usable_disk_gb * 1024 * disk_allocation_ratio - used} covers
 * {@code 1024 * (root_gb + ephemeral_gb) + swap} MB and that much fits the host's physical disk at all.
 * Upstream removed it in Train (Placement counts DISK_GB now); the course still teaches it.
 */
public final class DiskFilter extends BaseDiskFilter {
    @Override
    double diskAllocationRatio(HostState host) { return host.diskAllocationRatio(); }
}

package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;

/**
 * Simulates nova.scheduler.filters.ram_filter.RamFilter. As in Rocky 18.x, a host passes if
 * {@code total_usable_ram_mb * ram_allocation_ratio - used} covers the flavor's RAM and the flavor fits the
 * host's physical RAM at all. Upstream deprecated it in Stein and removed it in Train (Placement counts
 * MEMORY_MB now); the course still teaches it.
 */
public final class RamFilter extends BaseRamFilter {
    @Override
    double ramAllocationRatio(HostState host) { return host.ramAllocationRatio(); }
}

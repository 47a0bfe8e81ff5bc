package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;

/**
 * Simulates nova.scheduler.filters.core_filter.CoreFilter. As in Rocky 18.x, a host passes if
 * {@code vcpus_total * cpu_allocation_ratio - vcpus_used} covers the flavor's vCPUs and the flavor does not
 * ask for more vCPUs than the host has. Upstream deprecated it in Stein and removed it in Train (Placement
 * counts VCPU now); the course still teaches it.
 */
public final class CoreFilter extends BaseCoreFilter {
    @Override
    double cpuAllocationRatio(HostState host) { return host.cpuAllocationRatio(); }
}

package novalab.engine.scheduler.filters;

import java.util.OptionalDouble;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/** Simulates nova.scheduler.filters.core_filter.BaseCoreFilter (Rocky): the vCPU check both core filters share. */
abstract class BaseCoreFilter implements HostFilter {
    abstract double cpuAllocationRatio(HostState host);

    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        if (host.vcpusTotal() == 0) {
            return true; // fail safe: Nova warns "VCPUs not set; assuming CPU collection broken" and passes
        }
        int requested = spec.flavor().vcpus();
        double total = host.vcpusTotal() * cpuAllocationRatio(host);
        if (total > 0 && requested > host.vcpusTotal()) {
            why.because(host + " does not have " + requested + " total cpus before overcommit, it only has "
                    + host.vcpusTotal());
            return false;
        }
        double free = total - host.vcpusUsed();
        if (free < requested) {
            why.because(host + " does not have " + requested + " usable vcpus, it only has " + (long) free
                    + " usable vcpus");
            return false;
        }
        return true;
    }

    /**
     * The {@code limits['vcpu']} Nova stores, {@code vcpus_total * cpu_allocation_ratio}; it is set even when
     * the host then fails, and not at all when the host reports no vCPUs.
     */
    public OptionalDouble limit(HostState host, RequestSpec spec) {
        double total = host.vcpusTotal() * cpuAllocationRatio(host);
        return host.vcpusTotal() != 0 && total > 0 ? OptionalDouble.of(total) : OptionalDouble.empty();
    }
}

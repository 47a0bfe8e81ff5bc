package novalab.engine.scheduler.filters;

import java.util.OptionalDouble;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/** Simulates nova.scheduler.filters.ram_filter.BaseRamFilter (Rocky): the RAM check both RAM filters share. */
abstract class BaseRamFilter implements HostFilter {
    abstract double ramAllocationRatio(HostState host);

    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        return check(host, spec, why).isPresent();
    }

    /** The {@code limits['memory_mb']} Nova stores when the host passes; empty when it fails. */
    public OptionalDouble limit(HostState host, RequestSpec spec) {
        return check(host, spec, Why.IGNORE);
    }

    private OptionalDouble check(HostState host, RequestSpec spec, Why why) {
        int requested = spec.flavor().ramMb();
        int total = host.totalUsableRamMb();
        if (total < requested) {
            why.because(host + " does not have " + requested + " MB usable ram before overcommit, it only has "
                    + total + " MB.");
            return OptionalDouble.empty();
        }
        double limit = total * ramAllocationRatio(host);
        double usable = limit - (total - host.freeRamMb());
        if (usable < requested) {
            why.because(host + " does not have " + requested + " MB usable ram, it only has "
                    + Py.repr(usable) + " MB usable ram.");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(limit);
    }
}

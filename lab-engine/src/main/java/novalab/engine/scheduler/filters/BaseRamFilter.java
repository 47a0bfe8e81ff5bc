package novalab.engine.scheduler.filters;

import java.util.OptionalDouble;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/** Simulates nova.scheduler.filters.ram_filter.BaseRamFilter (Rocky): the RAM check both RAM filters share. */
abstract class BaseRamFilter extends CapacityFilter {
    abstract double ramAllocationRatio(HostState host);

    @Override
    OptionalDouble check(HostState host, RequestSpec spec, Why why) {
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

package novalab.engine.scheduler.filters;

import java.util.OptionalDouble;
import novalab.engine.compute.Flavor;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/** Simulates the disk check nova.scheduler.filters.disk_filter's two filters share (Rocky). */
abstract class BaseDiskFilter extends CapacityFilter {
    abstract double diskAllocationRatio(HostState host);

    @Override
    OptionalDouble check(HostState host, RequestSpec spec, Why why) {
        Flavor f = spec.flavor();
        int requested = 1024 * (f.diskGb() + f.ephemeralGb()) + f.swapMb();
        int total = host.totalUsableDiskGb() * 1024;
        if (total < requested) {
            why.because(host + " does not have " + requested + " MB usable disk space before overcommit, it only has "
                    + total + " MB.");
            return OptionalDouble.empty();
        }
        double limitMb = total * diskAllocationRatio(host);
        double usable = limitMb - (total - host.freeDiskMb());
        if (usable < requested) {
            why.because(host + " does not have " + requested + " MB usable disk, it only has "
                    + Py.repr(usable) + " MB usable disk.");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(limitMb / 1024);
    }
}

package novalab.engine.scheduler.filters;

import java.util.OptionalDouble;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/**
 * A capacity filter whose one check both decides the host and yields the limit Nova stores in
 * {@code host_state.limits} when it passes (RamFilter's memory_mb, DiskFilter's disk_gb).
 */
abstract class CapacityFilter implements HostFilter {
    /** The limit when the host passes; empty (with {@code why} told) when it fails. */
    abstract OptionalDouble check(HostState host, RequestSpec spec, Why why);

    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        return check(host, spec, why).isPresent();
    }

    /** The limit Nova stores when the host passes; empty when it fails. */
    public OptionalDouble limit(HostState host, RequestSpec spec) {
        return check(host, spec, Why.IGNORE);
    }
}

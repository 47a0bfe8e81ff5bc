package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/** Simulates nova.scheduler.filters.all_hosts_filter.AllHostsFilter. Every host passes. */
public final class AllHostsFilter implements HostFilter {
    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        return true;
    }

    @Override
    public boolean runFilterOncePerRequest() { return true; }
}

package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/**
 * Simulates nova.scheduler.filters.compute_filter.ComputeFilter. A disabled nova-compute fails without a
 * liveness check, an enabled one fails when the service group says it is down. We deviate in that
 * liveness arrives precomputed in {@link HostState#serviceUp()} (see
 * {@link novalab.engine.servicegroup.DbDriver}) and HostState carries no disabled_reason, so the debug
 * line always ends "reason: None".
 */
public final class ComputeFilter implements HostFilter {
    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        if (host.serviceDisabled()) {
            why.because(host + " is disabled, reason: None");
            return false;
        }
        if (!host.serviceUp()) {
            LevelledWhy.warning(why, host + " has not been heard from in a while");
            return false;
        }
        return true;
    }

    @Override
    public boolean runFilterOncePerRequest() { return true; }
}

package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/**
 * Simulates nova.scheduler.filters.num_instances_filter.NumInstancesFilter. A host passes while it runs
 * fewer than {@code [filter_scheduler] max_instances_per_host} instances.
 */
public final class NumInstancesFilter implements HostFilter {
    /** Nova's default for {@code [filter_scheduler] max_instances_per_host}. */
    public static final int MAX_INSTANCES_PER_HOST = 50;

    private final int maxInstancesPerHost;

    public NumInstancesFilter() {
        this(MAX_INSTANCES_PER_HOST);
    }

    public NumInstancesFilter(int maxInstancesPerHost) {
        this.maxInstancesPerHost = maxInstancesPerHost;
    }

    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        boolean passes = host.numInstances() < maxInstancesPerHost;
        if (!passes) {
            why.because(host + " fails num_instances check: Max instances per host is set to " + maxInstancesPerHost);
        }
        return passes;
    }
}

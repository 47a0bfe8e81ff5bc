package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/**
 * Nova's server-group and retry filters, which Zed's default {@code enabled_filters} names. The lab has
 * no server groups and tries alternates without re-filtering, so each passes every host, as the real
 * ones do for a request without a group (or, for RetryFilter, before any retry).
 */
final class ServerGroupFilters {
    private ServerGroupFilters() {}

    /** Simulates nova.scheduler.filters.affinity_filter.ServerGroupAffinityFilter for requests with no group. */
    static final class ServerGroupAffinityFilter implements HostFilter {
        @Override
        public boolean hostPasses(HostState host, RequestSpec spec, Why why) { return true; }
    }

    /** Simulates nova.scheduler.filters.affinity_filter.ServerGroupAntiAffinityFilter for requests with no group. */
    static final class ServerGroupAntiAffinityFilter implements HostFilter {
        @Override
        public boolean hostPasses(HostState host, RequestSpec spec, Why why) { return true; }
    }

    /** Simulates nova.scheduler.filters.retry_filter.RetryFilter (removed in Train) on a first attempt. */
    static final class RetryFilter implements HostFilter {
        @Override
        public boolean hostPasses(HostState host, RequestSpec spec, Why why) { return true; }
    }
}

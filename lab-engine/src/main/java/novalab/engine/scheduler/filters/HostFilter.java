package novalab.engine.scheduler.filters;

import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/**
 * Simulates nova.scheduler.filters.BaseHostFilter: one question asked of each candidate host.
 * A filter that rejects a host says why through {@code why} (the text Nova logs at debug level) and
 * returns false; it never throws.
 */
public interface HostFilter {
    boolean hostPasses(HostState host, RequestSpec spec, Why why);

    /** Nova's {@code run_filter_once_per_request}: true filters run only for the first instance of a multi-create. */
    default boolean runFilterOncePerRequest() { return false; }

    /** Receives the reason a host was rejected. */
    @FunctionalInterface
    interface Why {
        void because(String reason);

        Why IGNORE = reason -> { };
    }
}

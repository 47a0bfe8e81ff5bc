package nova.scheduler;

/** A scheduler filter: true keeps the host, false removes it. Enable it by class name in enabled_filters. */
public interface HostFilter {
    boolean hostPasses(HostState host, RequestSpec spec);
}

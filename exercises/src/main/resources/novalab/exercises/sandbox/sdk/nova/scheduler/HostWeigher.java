package nova.scheduler;

/** A scheduler weigher: a raw weight per host; higher wins after normalisation. Enable it by class name in weight_classes. */
public interface HostWeigher {
    double weigh(HostState host, RequestSpec spec);
}

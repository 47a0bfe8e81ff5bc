package novalab.engine.scheduler.weights;

import java.util.OptionalDouble;
import novalab.engine.scheduler.HostState;

/**
 * Simulates nova.weights.BaseWeigher: a raw weight per host, normalised by {@link novalab.engine.scheduler.WeightHandler}
 * (with {@code minval}/{@code maxval} when set) and multiplied by {@link #weightMultiplier}.
 */
public interface HostWeigher {
    /** Upstream class name, e.g. {@code RAMWeigher}. */
    String name();

    double weigh(HostState host);

    /** The multiplier for this host: the nova.conf option, overridden by the minimum of the host's aggregate values. */
    double weightMultiplier(HostState host);

    default OptionalDouble minval() { return OptionalDouble.empty(); }

    default OptionalDouble maxval() { return OptionalDouble.empty(); }
}

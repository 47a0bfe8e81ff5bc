package novalab.engine.scheduler.filters;

import java.util.Set;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import novalab.engine.scheduler.SchedulerOptions;

/**
 * Simulates nova.scheduler.filters.availability_zone_filter.AvailabilityZoneFilter. A host passes if no AZ
 * was requested, if one of its aggregates' {@code availability_zone} values is the requested AZ, or, when
 * it is in no AZ aggregate, if the requested AZ is {@code default_availability_zone}. We print the host's
 * AZ set sorted, where Python prints it in hash order.
 */
public final class AvailabilityZoneFilter implements HostFilter {
    private final String defaultAvailabilityZone;

    public AvailabilityZoneFilter(SchedulerOptions opts) {
        this.defaultAvailabilityZone = opts.defaultAvailabilityZone();
    }

    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        String requested = spec.availabilityZone().orElse("");
        if (requested.isEmpty()) {
            return true;
        }
        Set<String> zones = AggregateValues.fromKey(host, "availability_zone");
        boolean passes = zones.isEmpty() ? requested.equals(defaultAvailabilityZone) : zones.contains(requested);
        if (!passes) {
            String hostAz = zones.isEmpty() ? defaultAvailabilityZone : Py.setRepr(zones);
            why.because("Availability Zone '" + requested + "' requested. " + host + " has AZs: " + hostAz);
        }
        return passes;
    }

    @Override
    public boolean runFilterOncePerRequest() { return true; }
}

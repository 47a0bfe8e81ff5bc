package novalab.exercises.checks;

import java.util.Optional;

/**
 * {@code floating_ips}: the project holds at least {@code attached_min} floating IPs attached to a port and
 * at most {@code unattached_max} attached to nothing (public addresses are scarce and billed).
 */
public record FloatingIps(CheckInfo info, String project, int attachedMin, int unattachedMax) implements Check {
    static FloatingIps parse(CheckInfo info, Fields f) {
        int min = f.optInt("attached_min").orElse(0);
        int max = f.optInt("unattached_max").orElse(0);
        if (min < 0) throw f.error("attached_min", "expected zero or more");
        if (max < 0) throw f.error("unattached_max", "expected zero or more");
        return new FloatingIps(info, f.optStr("project").orElse("nebula_prod"), min, max);
    }

    @Override
    public Observation evaluate(Probe probe) {
        Optional<String> pid = probe.projectId(project);
        var mine = probe.cloud().neutron().floatingIps(probe.admin()).stream().filter(f -> pid.map(f.projectId()::equals).orElse(false)).toList();
        long unattached = mine.stream().filter(f -> f.portId().isEmpty()).count();
        long attached = mine.size() - unattached;
        return Observation.of(attached >= attachedMin && unattached <= unattachedMax,
                project + ": " + attached + " floating IPs attached, " + unattached + " unattached");
    }
}

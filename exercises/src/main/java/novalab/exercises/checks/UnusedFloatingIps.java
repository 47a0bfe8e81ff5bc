package novalab.exercises.checks;

import java.util.Optional;

/** {@code unused_floating_ips}: the project holds at most {@code max} floating IPs that are attached to nothing (public addresses are scarce). */
public record UnusedFloatingIps(CheckInfo info, String project, int max) implements Check {
    static UnusedFloatingIps parse(CheckInfo info, Fields f) {
        int max = f.optInt("max").orElse(0);
        if (max < 0) throw f.error("max", "expected zero or more");
        return new UnusedFloatingIps(info, f.optStr("project").orElse("nebula_prod"), max);
    }

    @Override
    public Observation evaluate(Probe probe) {
        Optional<String> pid = probe.projectId(project);
        long total = probe.cloud().neutron().floatingIps(probe.admin()).stream().filter(f -> pid.map(f.projectId()::equals).orElse(false)).count();
        long unused = probe.cloud().neutron().floatingIps(probe.admin()).stream()
                .filter(f -> pid.map(f.projectId()::equals).orElse(false) && f.portId().isEmpty()).count();
        return Observation.of(unused <= max, project + ": " + total + " floating IPs, " + unused + " unattached");
    }
}

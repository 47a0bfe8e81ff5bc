package novalab.exercises.checks;

import java.util.List;
import novalab.engine.compute.Instance;

/** {@code floating_ip}: a floating IP is associated with a port of the named server. */
public record FloatingIpAttached(CheckInfo info, String server) implements Check {
    static FloatingIpAttached parse(CheckInfo info, Fields f) { return new FloatingIpAttached(info, f.str("server")); }

    @Override
    public Observation evaluate(Probe probe) {
        List<Instance> all = probe.servers(server);
        if (all.isEmpty()) return Observation.fail("no server named " + server);
        boolean ok = false;
        StringBuilder sb = new StringBuilder();
        for (Instance i : all) {
            List<String> fips = probe.floatingIps(i);
            ok |= !fips.isEmpty();
            sb.append(sb.length() > 0 ? "; " : "").append(server).append(": floating IPs ").append(fips.isEmpty() ? "none" : "attached");
        }
        return Observation.of(ok, sb.toString());
    }
}

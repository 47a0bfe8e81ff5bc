package novalab.exercises.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import novalab.engine.compute.Instance;

/** {@code placement}: the named servers all exist with a host and share one host ({@code stack}) or use several ({@code spread}). */
public record Placement(CheckInfo info, List<String> servers, Mode mode) implements Check {
    /** Stacking fills one host; spreading uses more than one. */
    public enum Mode {
        STACK, SPREAD;

        @Override
        public String toString() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public Placement {
        servers = List.copyOf(servers);
    }

    static Placement parse(CheckInfo info, Fields f) {
        List<String> s = f.strList("servers", true);
        if (s.size() < 2) throw f.error("servers", "a placement check needs at least two servers");
        return new Placement(info, s, f.oneOf("mode", Mode.class, java.util.Optional.empty()));
    }

    @Override
    public Observation evaluate(Probe probe) {
        List<String> seen = new ArrayList<>();
        Set<String> hosts = new LinkedHashSet<>();
        boolean all = true;
        for (String name : servers) {
            String h = probe.servers(name).stream().map(Instance::host).filter(x -> x.isPresent()).map(x -> x.get()).findFirst().orElse("-");
            all &= !h.equals("-");
            if (!h.equals("-")) hosts.add(h);
            seen.add(name + "@" + h);
        }
        boolean ok = all && (mode == Mode.STACK ? hosts.size() == 1 : hosts.size() > 1);
        return Observation.of(ok, String.join(", ", seen));
    }
}

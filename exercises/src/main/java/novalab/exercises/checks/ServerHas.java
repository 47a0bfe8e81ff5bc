package novalab.exercises.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.compute.Instance;

/**
 * {@code server}: a live server with this name (in {@code project} if given) has every stated property:
 * status, flavor, image, network, key, security group, host, availability zone, cell. With several
 * servers of the name, one that has them all passes.
 */
public record ServerHas(CheckInfo info, String server, Optional<String> project, Map<String, String> expected) implements Check {
    static final List<String> PROPERTIES = List.of("status", "flavor", "image", "network", "key", "group", "host", "az", "cell");

    public ServerHas {
        expected = Map.copyOf(expected);
    }

    static ServerHas parse(CheckInfo info, Fields f) {
        String server = f.str("server");
        Optional<String> project = f.optStr("project");
        Map<String, String> exp = new LinkedHashMap<>();
        for (String p : PROPERTIES) f.optStr(p).ifPresent(v -> exp.put(p, v));
        if (exp.isEmpty()) throw f.error("status", "a server check needs at least one of " + String.join(", ", PROPERTIES));
        return new ServerHas(info, server, project, exp);
    }

    @Override
    public Observation evaluate(Probe probe) {
        List<Instance> all = probe.servers(server).stream()
                .filter(i -> project.isEmpty() || probe.projectName(i.projectId).equals(project)).toList();
        if (all.isEmpty()) return Observation.fail("no server named " + server + project.map(p -> " in project " + p).orElse(""));
        List<String> seen = new ArrayList<>();
        boolean ok = false;
        for (Instance i : all) {
            boolean match = true;
            StringBuilder sb = new StringBuilder(server + ":");
            for (String p : PROPERTIES) {
                if (!expected.containsKey(p)) continue;
                List<String> actual = actual(probe, i, p);
                match &= actual.contains(expected.get(p));
                sb.append(' ').append(p).append('=').append(Probe.list(actual));
            }
            ok |= match;
            seen.add(sb.toString());
        }
        return Observation.of(ok, String.join("; ", seen));
    }

    private static List<String> actual(Probe probe, Instance i, String property) {
        return switch (property) {
            case "status" -> List.of(Probe.status(i));
            case "flavor" -> List.of(i.flavor.name());
            case "image" -> List.of(probe.imageName(i));
            case "network" -> probe.networks(i);
            case "key" -> i.keyName.map(List::of).orElse(List.of());
            case "group" -> probe.ports(i).isEmpty() ? List.of() : i.securityGroups;
            case "host" -> i.host().map(List::of).orElse(List.of());
            case "az" -> i.availabilityZone().isEmpty() ? List.of() : List.of(i.availabilityZone());
            case "cell" -> i.cell().isEmpty() ? List.of() : List.of(i.cell());
            default -> List.of();
        };
    }
}

package novalab.exercises.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** The explicit table of check types ({@code "type"} in checks.json) and the strict parser of one check. */
public final class Checks {
    private Checks() {}

    private static final Map<String, BiFunction<CheckInfo, Fields, Check>> TYPES = new TreeMap<>(Map.ofEntries(
            Map.entry("flavor", FlavorSpec::parse),
            Map.entry("keypair", KeypairOf::parse),
            Map.entry("file", WorkstationFile::parse),
            Map.entry("ingress_rule", IngressRule::parse),
            Map.entry("server", ServerHas::parse),
            Map.entry("floating_ip", FloatingIpAttached::parse),
            Map.entry("reach", Reachable::parse),
            Map.entry("nova_conf", NovaConfOption::parse),
            Map.entry("placement", Placement::parse),
            Map.entry("service", ServiceStatus::parse),
            Map.entry("server_actions", ServerActions::parse),
            Map.entry("floating_ips", FloatingIps::parse),
            Map.entry("scheduler_class", SchedulerClass::parse),
            Map.entry("scheduler_loaded", SchedulerLoaded::parse)));

    /** Type names, sorted. */
    public static java.util.Set<String> types() { return TYPES.keySet(); }

    /** Parses one element of {@code checks}; the error names {@code file} and the field path. */
    public static Check parse(JsonNode node, String file, String path) {
        Fields f = new Fields(node, file, path);
        String type = f.str("type");
        var parser = TYPES.get(type);
        if (parser == null) throw f.error("type", "unknown check type `" + type + "` (known: " + String.join(", ", TYPES.keySet()) + ")");
        String id = f.str("id");
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) throw f.error("id", "expected lower-case letters, digits, '-' or '_'");
        int points = f.integer("points");
        if (points < 0) throw f.error("points", "expected zero or more points");
        CheckInfo info = new CheckInfo(id, f.str("name"), points, f.str("message"), f.optStr("detail").orElse(""),
                f.oneOf("visibility", Visibility.class, Optional.of(Visibility.VISIBLE)));
        Check c = parser.apply(info, f);
        f.done();
        return c;
    }
}

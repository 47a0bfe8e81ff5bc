package novalab.exercises.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import novalab.engine.network.Ipv4;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Model.SecurityGroupRule;

/**
 * {@code ingress_rule}: a security group of the project has an IPv4 ingress rule covering
 * {@code protocol}/{@code port} from every address of {@code cidr} (a rule without protocol, port range or
 * prefix covers all of them, as Neutron matches).
 */
public record IngressRule(CheckInfo info, String group, String project, String protocol, int port, String cidr) implements Check {
    static IngressRule parse(CheckInfo info, Fields f) {
        String cidr = f.optStr("cidr").orElse("0.0.0.0/0");
        if (Ipv4.cidr(cidr).isEmpty()) throw f.error("cidr", "`" + cidr + "` is not an IPv4 CIDR");
        String proto = f.optStr("protocol").orElse("tcp");
        if (!List.of("tcp", "udp", "icmp").contains(proto)) throw f.error("protocol", "expected tcp, udp or icmp");
        return new IngressRule(info, f.str("group"), f.optStr("project").orElse("nebula_prod"), proto, f.integer("port"), cidr);
    }

    @Override
    public Observation evaluate(Probe probe) {
        Optional<String> pid = probe.projectId(project);
        List<SecurityGroup> groups = probe.cloud().neutron().securityGroups(probe.admin()).stream()
                .filter(g -> g.name().equals(group) && pid.map(g.projectId()::equals).orElse(false)).toList();
        if (groups.isEmpty()) return Observation.fail("no security group " + group + " in project " + project);
        List<String> seen = new ArrayList<>();
        boolean ok = false;
        for (SecurityGroup g : groups) {
            for (SecurityGroupRule r : probe.cloud().neutron().rulesOf(g.id())) {
                if (!r.direction().equals("ingress") || !r.ethertype().equals("IPv4")) continue;
                seen.add(describe(r));
                ok |= covers(r);
            }
        }
        return Observation.of(ok, "group " + group + " (" + project + ") ingress: " + (seen.isEmpty() ? "none" : String.join(", ", seen)));
    }

    private boolean covers(SecurityGroupRule r) {
        if (r.protocol().isPresent() && !proto(r.protocol().get()).equals(protocol)) return false;
        if (!protocol.equals("icmp") && r.portRangeMin().isPresent()) {
            int lo = r.portRangeMin().getAsInt();
            int hi = r.portRangeMax().orElse(lo);
            if (port < lo || port > hi) return false;
        }
        if (r.remoteGroupId().isPresent()) return false;
        if (r.remoteIpPrefix().isEmpty()) return true;
        Optional<Ipv4.Cidr> rule = Ipv4.cidr(r.remoteIpPrefix().get());
        Ipv4.Cidr want = Ipv4.cidr(cidr).orElseThrow();
        return rule.isPresent() && rule.get().prefix() <= want.prefix() && rule.get().contains(want.network());
    }

    private static String proto(String p) {
        return switch (p) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            default -> p;
        };
    }

    private static String describe(SecurityGroupRule r) {
        String p = r.protocol().map(IngressRule::proto).orElse("any");
        String ports = r.portRangeMin().isEmpty() || p.equals("icmp") ? "" : "/" + r.portRangeMin().getAsInt()
                + (r.portRangeMax().orElse(r.portRangeMin().getAsInt()) != r.portRangeMin().getAsInt() ? "-" + r.portRangeMax().getAsInt() : "");
        String from = r.remoteGroupId().map(g -> "group " + g).orElse(r.remoteIpPrefix().orElse("0.0.0.0/0"));
        return p + ports + " from " + from;
    }
}

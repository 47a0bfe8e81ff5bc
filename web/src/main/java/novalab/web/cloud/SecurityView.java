package novalab.web.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.cli.net.Reachability;
import novalab.engine.compute.Instance;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Model.SecurityGroupRule;

/**
 * Security groups and what they let through: each group's rules, and for each server what reaches
 * 22/tcp, 80/tcp, 443/tcp and ICMP from the student's workstation, as the engine's own data plane
 * ({@link Reachability}, the check ssh, curl and ping use) decides it, with the rule that let it in.
 */
public record SecurityView(String source, List<Group> groups, List<ServerReach> servers) {
    /** A group, its rules and the servers that use it. */
    public record Group(String id, String name, String description, List<Rule> rules, List<String> usedBy) {}

    /** One rule as {@code openstack security group rule list} shows it. */
    public record Rule(String id, String direction, String ethertype, String protocol, String ports, String remote, String description) {}

    /** One server: where the probes go (its floating IP), its groups and the probes. */
    public record ServerReach(String uuid, String name, String address, List<String> groups, List<Probe> probes, int height) {
        /** The other source the table compares with (an address that is not the workstation's). */
        public String elsewhere() { return Reachability.ELSEWHERE; }
    }

    /**
     * One probe from the workstation: its label, a one-word verdict, whether it got an answer, whether the
     * security groups let it in, the deciding rule (or "no rule allows it"), and a sentence; {@code y} is its row.
     */
    public record Probe(String label, String verdict, boolean reachable, boolean letIn, String rule, String why, String elsewhere, int y) {}

    static SecurityView of(Cloud cloud) {
        List<Group> groups = new ArrayList<>();
        List<Instance> servers = cloud.db().instances().stream().filter(i -> !i.deleted()).toList();
        for (SecurityGroup g : cloud.neutron().allSecurityGroups()) {
            List<Rule> rules = cloud.neutron().rulesOf(g.id()).stream().map(r -> rule(cloud, r)).toList();
            List<String> usedBy = servers.stream().filter(i -> groupsOf(cloud, i).contains(g.id())).map(i -> i.displayName).toList();
            if (usedBy.isEmpty() && g.name().equals("default")) continue;
            groups.add(new Group(g.id(), g.name(), g.description(), rules, usedBy));
        }
        List<ServerReach> reach = new ArrayList<>();
        for (Instance i : servers) reach.add(reach(cloud, i));
        return new SecurityView(Reachability.source(cloud), groups, reach);
    }

    /** One server's groups (those on its ports) and what reaches it; nothing for a deleted server, which has no ports. */
    static SecurityView ofServer(Cloud cloud, Instance i) {
        List<String> ids = groupsOf(cloud, i);
        List<Group> groups = of(cloud).groups().stream().filter(g -> ids.contains(g.id())).toList();
        return new SecurityView(Reachability.source(cloud), groups, i.deleted() ? List.of() : List.of(reach(cloud, i)));
    }

    static ServerReach reach(Cloud cloud, Instance i) {
        Optional<FloatingIp> fip = Reachability.floatingIp(cloud, i);
        List<Probe> probes = new ArrayList<>();
        for (Reachability.Result r : Reachability.probe(cloud, i)) {
            String verdict = switch (r.verdict()) {
                case ANSWERED -> "reachable";
                case REFUSED -> "refused";
                case NO_RULE -> "blocked";
                case NO_ROUTE -> "no route";
                case NOT_RUNNING -> "no answer";
            };
            boolean letIn = r.verdict() == Reachability.Verdict.ANSWERED || r.verdict() == Reachability.Verdict.REFUSED || r.rule().isPresent();
            String rule = r.rule().map(x -> describe(cloud, x))
                    .orElse(r.verdict() == Reachability.Verdict.NO_RULE || r.verdict() == Reachability.Verdict.NOT_RUNNING ? "no rule allows it"
                            : letIn ? "allowed by the port's Azure network security group" : "—");
            Reachability.Gate other = Reachability.gate(cloud, i, r.probe(), Reachability.ELSEWHERE);
            String elsewhere = other.allowed() ? "let in by " + other.rule().map(x -> describe(cloud, x)).orElse("the port's Azure network security group")
                    : "no rule allows it";
            probes.add(new Probe(r.probe().label(), verdict, r.reachable(), letIn, rule, r.why(), elsewhere, 70 + probes.size() * 46));
        }
        List<String> names = groupsOf(cloud, i).stream().map(id -> cloud.neutron().securityGroup(id).map(SecurityGroup::name).orElse(id)).toList();
        return new ServerReach(i.uuid, i.displayName, fip.map(FloatingIp::address).orElse("no floating IP"), names, probes, 70 + probes.size() * 46);
    }

    private static List<String> groupsOf(Cloud cloud, Instance i) {
        List<String> ids = new ArrayList<>();
        for (Port p : cloud.neutron().portsOfDevice(i.uuid)) p.securityGroupIds().forEach(g -> { if (!ids.contains(g)) ids.add(g); });
        return ids;
    }

    private static Rule rule(Cloud cloud, SecurityGroupRule r) {
        return new Rule(r.id().substring(0, 8), r.direction(), r.ethertype(), r.protocol().orElse("any"), ports(r), remote(cloud, r), r.description());
    }

    private static String ports(SecurityGroupRule r) {
        if (r.portRangeMin().isEmpty()) return "any";
        int min = r.portRangeMin().getAsInt(), max = r.portRangeMax().orElse(min);
        if (r.protocol().filter(p -> p.equals("icmp") || p.equals("1")).isPresent()) return "type " + min + (r.portRangeMax().isPresent() ? " code " + max : "");
        return min == max ? String.valueOf(min) : min + "–" + max;
    }

    private static String remote(Cloud cloud, SecurityGroupRule r) {
        if (r.remoteGroupId().isPresent()) {
            return "members of group " + cloud.neutron().securityGroup(r.remoteGroupId().get()).map(SecurityGroup::name).orElse(r.remoteGroupId().get());
        }
        String prefix = r.remoteIpPrefix().orElse(r.ethertype().equals("IPv6") ? "::/0" : "0.0.0.0/0");
        return prefix.equals("0.0.0.0/0") || prefix.equals("::/0") ? prefix + " (anywhere)" : prefix;
    }

    /** "group web: ingress tcp 22 from 0.0.0.0/0 (rule 1a2b3c4d)". */
    static String describe(Cloud cloud, SecurityGroupRule r) {
        String group = cloud.neutron().securityGroup(r.securityGroupId()).map(SecurityGroup::name).orElse(r.securityGroupId());
        String proto = r.protocol().orElse("any protocol");
        String ports = r.portRangeMin().isEmpty() ? "" : " " + ports(r);
        return "group " + group + ": " + r.direction() + " " + proto + ports + " from " + remote(cloud, r) + " (rule " + r.id().substring(0, 8) + ")";
    }
}

package novalab.engine.cli.openstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import novalab.engine.cli.ArgParser;
import novalab.engine.cli.Cell;
import novalab.engine.cli.Listing;
import novalab.engine.cli.ParseResult;
import novalab.engine.cli.ShowOne;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Model.SecurityGroupRule;
import novalab.engine.network.Neutron;

/** The {@code openstack security group [rule] ...} commands (openstackclient/network/v2/security_group*.py). */
final class SecurityGroupCommands {
    private SecurityGroupCommands() {}

    static Object opt(Optional<String> o) { return o.<Object>map(x -> x).orElse(Cell.NONE); }

    static Object opt(OptionalInt o) { return o.isPresent() ? (Object) o.getAsInt() : Cell.NONE; }

    /** A rule as the dict neutron returns (what -f json shows, and the table's one-line form). */
    static Map<String, Object> ruleDict(SecurityGroupRule r) {
        Map<String, Object> m = new TreeMap<>();
        m.put("created_at", r.createdAt());
        m.put("description", r.description());
        m.put("direction", r.direction());
        m.put("ethertype", r.ethertype());
        m.put("id", r.id());
        m.put("port_range_max", opt(r.portRangeMax()));
        m.put("port_range_min", opt(r.portRangeMin()));
        m.put("project_id", r.projectId());
        m.put("protocol", opt(r.protocol()));
        m.put("remote_address_group_id", Cell.NONE);
        m.put("remote_group_id", opt(r.remoteGroupId()));
        m.put("remote_ip_prefix", opt(r.remoteIpPrefix()));
        m.put("security_group_id", r.securityGroupId());
        m.put("standard_attr_id", Math.abs(r.id().hashCode() % 900) + 10);
        m.put("tags", List.of());
        m.put("tenant_id", r.projectId());
        m.put("updated_at", r.createdAt());
        return m;
    }

    /** OSC's SecurityGroupRulesColumn: one rule per line, non-empty keys only, sorted. */
    static Cell.Formatted rules(List<SecurityGroupRule> rules) {
        List<Object> machine = new ArrayList<>();
        StringBuilder human = new StringBuilder();
        for (SecurityGroupRule r : rules) {
            Map<String, Object> d = ruleDict(r);
            machine.add(d);
            StringBuilder line = new StringBuilder();
            for (var e : d.entrySet()) {
                Object v = e.getValue();
                if (v == Cell.NONE || "".equals(v) || (v instanceof List<?> l && l.isEmpty())) continue;
                if (e.getKey().equals("project_id") || e.getKey().equals("tenant_id") || e.getKey().equals("security_group_id")) continue;
                if (line.length() > 0) line.append(", ");
                line.append(e.getKey()).append("=").append(v instanceof String ? "'" + v + "'" : v.toString());
            }
            if (human.length() > 0) human.append('\n');
            human.append(line);
        }
        return new Cell.Formatted(machine, human.toString());
    }

    static ShowOne show(Neutron n, SecurityGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_at", g.createdAt());
        m.put("description", g.description());
        m.put("id", g.id());
        m.put("name", g.name());
        m.put("project_id", g.projectId());
        m.put("revision_number", g.revision());
        m.put("rules", rules(n.rulesOf(g.id())));
        m.put("stateful", g.stateful());
        m.put("tags", new Cell.Formatted(List.of(), ""));
        m.put("updated_at", g.updatedAt());
        return ShowOne.sorted(m);
    }

    static final class SecurityGroupCreate extends OscCommand {
        String name() { return "security group create"; }
        String description() { return "Create a new security group"; }
        void arguments(ArgParser p) {
            p.option("--description", "<description>", "Security group description")
             .option("--project", "<project>", "Owner's project (name or ID)")
             .flag("--stateful", "Security group is stateful (Default)")
             .flag("--stateless", "Security group is stateless")
             .mutuallyExclusive("--stateful", "--stateless")
             .option("--tag", "<tag>", "Tag to be added to the security group (repeat option to set multiple tags)")
             .flag("--no-tag", "No tags associated with the security group")
             .positional("<name>", "New security group name");
        }
        int execute(OscContext ctx, ParseResult a) {
            String name = a.get("<name>");
            SecurityGroup g = ctx.neutron().createSecurityGroup(ctx.rc(), name, a.opt("--description").orElse(name));
            ctx.print(show(ctx.neutron(), g));
            return 0;
        }
    }

    static final class SecurityGroupShow extends OscCommand {
        String name() { return "security group show"; }
        String description() { return "Display security group details"; }
        void arguments(ArgParser p) { p.positional("<group>", "Security group to display (name or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            ctx.print(show(ctx.neutron(), ctx.securityGroup(a.get("<group>"))));
            return 0;
        }
    }

    static final class SecurityGroupList extends OscCommand {
        String name() { return "security group list"; }
        String description() { return "List security groups"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.option("--project", "<project>", "List security groups according to the project (name or ID)")
             .flag("--all-projects", "Display information from all projects (admin only)")
             .option("--tags", "<tag>[,<tag>,...]", "List security group which have all given tag(s) (Comma-separated list of tags)");
        }
        int execute(OscContext ctx, ParseResult a) {
            List<List<Object>> rows = new ArrayList<>();
            for (SecurityGroup g : ctx.neutron().securityGroups(ctx.rc())) {
                if (!a.flag("--all-projects") && !g.projectId().equals(ctx.rc().projectId()) && a.opt("--project").isEmpty()) continue;
                if (a.opt("--project").isPresent() && !g.projectId().equals(ctx.projectId(a.opt("--project").get()))) continue;
                rows.add(List.of(g.id(), g.name(), g.description(), g.projectId(), new Cell.Formatted(List.of(), "")));
            }
            ctx.print(new Listing(List.of("ID", "Name", "Description", "Project", "Tags"), rows));
            return 0;
        }
    }

    static final class SecurityGroupDelete extends OscCommand {
        String name() { return "security group delete"; }
        String description() { return "Delete security group(s)"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) { p.positionals("<group>", "Security group(s) to delete (name or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            ctx.deleteEach(a.list("<group>"), "SecurityGroups", g -> ctx.neutron().deleteSecurityGroup(ctx.rc(), ctx.securityGroup(g).id()),
                    (g, msg) -> "Failed to delete SecurityGroup with name or ID '" + g + "': " + msg);
            return 0;
        }
    }

    static ShowOne ruleShow(SecurityGroupRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_at", r.createdAt());
        m.put("description", r.description());
        m.put("direction", r.direction());
        m.put("ether_type", r.ethertype());
        m.put("id", r.id());
        m.put("name", Cell.NONE);
        m.put("port_range_max", opt(r.portRangeMax()));
        m.put("port_range_min", opt(r.portRangeMin()));
        m.put("project_id", r.projectId());
        m.put("protocol", opt(r.protocol()));
        m.put("remote_address_group_id", Cell.NONE);
        m.put("remote_group_id", opt(r.remoteGroupId()));
        m.put("remote_ip_prefix", opt(r.remoteIpPrefix()));
        m.put("revision_number", 0);
        m.put("security_group_id", r.securityGroupId());
        m.put("tags", new Cell.Formatted(List.of(), ""));
        m.put("updated_at", r.createdAt());
        return ShowOne.sorted(m);
    }

    static final class RuleCreate extends OscCommand {
        String name() { return "security group rule create"; }
        String description() { return "Create a new security group rule"; }
        void arguments(ArgParser p) {
            p.option("--remote-ip", "<ip-address>", "Remote IP address block (may use CIDR notation; default for IPv4 rule: 0.0.0.0/0, default for IPv6 rule: ::/0)")
             .option("--remote-group", "<group>", "Remote security group (name or ID)")
             .option("--remote-address-group", "<group>", "Remote address group (name or ID)")
             .mutuallyExclusive("--remote-ip", "--remote-group", "--remote-address-group")
             .option("--dst-port", "<port-range>", "Destination port, may be a single port or a starting and ending port range: 137:139. Required for IP protocols TCP and UDP. Ignored for ICMP IP protocols.")
             .option("--protocol", "<protocol>", "IP protocol (ah, dccp, egp, esp, gre, icmp, igmp, ipv6-encap, ipv6-frag, ipv6-icmp, ipv6-nonxt, ipv6-opts, ipv6-route, ospf, pgm, rsvp, sctp, tcp, udp, udplite, vrrp and integer representations [0-255] or any; default: any (all protocols))")
             .option("--icmp-type", "<icmp-type>", "ICMP type for ICMP IP protocols")
             .option("--icmp-code", "<icmp-code>", "ICMP code for ICMP IP protocols")
             .flag("--ingress", "Rule applies to incoming network traffic (default)")
             .flag("--egress", "Rule applies to outgoing network traffic")
             .mutuallyExclusive("--ingress", "--egress")
             .option("--ethertype", "<ethertype>", "Ethertype of network traffic (IPv4, IPv6; default: based on IP protocol)")
             .choices("--ethertype", List.of("IPv4", "IPv6"))
             .option("--description", "<description>", "Set security group rule description")
             .option("--project", "<project>", "Owner's project (name or ID)")
             .positional("<group>", "Create rule in this security group (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            SecurityGroup g = ctx.securityGroup(a.get("<group>"));
            Optional<String> proto = a.opt("--protocol").map(String::toLowerCase).filter(p -> !p.equals("any"));
            OptionalInt min = OptionalInt.empty();
            OptionalInt max = OptionalInt.empty();
            if (a.opt("--dst-port").isPresent() && !proto.map(p -> p.equals("icmp") || p.equals("ipv6-icmp")).orElse(false)) {
                String range = a.opt("--dst-port").get();
                String[] parts = range.split(":");
                try {
                    min = OptionalInt.of(Integer.parseInt(parts[0]));
                    max = OptionalInt.of(Integer.parseInt(parts.length > 1 ? parts[1] : parts[0]));
                } catch (NumberFormatException e) {
                    ctx.inv().err(parser().formatUsage());
                    ctx.inv().errln("openstack security group rule create: error: argument --dst-port: invalid port_range_type value: '" + range + "'");
                    return 2;
                }
            }
            if (proto.map(p -> p.equals("icmp")).orElse(false)) {
                if (a.opt("--icmp-type").isPresent()) min = OptionalInt.of(Integer.parseInt(a.opt("--icmp-type").get()));
                if (a.opt("--icmp-code").isPresent()) max = OptionalInt.of(Integer.parseInt(a.opt("--icmp-code").get()));
            }
            String ethertype = a.opt("--ethertype").orElseGet(() -> a.opt("--remote-ip").map(ip -> ip.contains(":") ? "IPv6" : "IPv4").orElse("IPv4"));
            Optional<String> remoteIp = a.opt("--remote-ip");
            Optional<String> remoteGroup = a.opt("--remote-group").map(x -> ctx.securityGroup(x).id());
            if (remoteIp.isEmpty() && remoteGroup.isEmpty()) remoteIp = Optional.of(ethertype.equals("IPv6") ? "::/0" : "0.0.0.0/0");
            SecurityGroupRule r = ctx.neutron().createRule(ctx.rc(), new Neutron.RuleRequest(g.id(),
                    a.flag("--egress") ? "egress" : "ingress", ethertype, proto, min, max, remoteIp, remoteGroup,
                    a.opt("--description").orElse("")));
            ctx.print(ruleShow(r));
            return 0;
        }
    }

    static final class RuleList extends OscCommand {
        String name() { return "security group rule list"; }
        String description() { return "List security group rules"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.option("--protocol", "<protocol>", "List rules by the IP protocol")
             .option("--ethertype", "<ethertype>", "List rules by the Ethertype (IPv4 or IPv6)")
             .flag("--ingress", "List rules applied to incoming network traffic")
             .flag("--egress", "List rules applied to outgoing network traffic")
             .mutuallyExclusive("--ingress", "--egress")
             .flag("--long", "**Deprecated** This argument is no longer needed")
             .flag("--all-projects", "Display information from all projects (admin only)")
             .optionalPositional("<group>", "List all rules in this security group (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            Optional<String> group = a.opt("<group>");
            List<SecurityGroupRule> rules = group.isPresent() ? ctx.neutron().rulesOf(ctx.securityGroup(group.get()).id()) : ctx.neutron().rules(ctx.rc());
            List<String> cols = new ArrayList<>(List.of("ID", "IP Protocol", "Ethertype", "IP Range", "Port Range", "Direction",
                    "Remote Security Group", "Remote Address Group"));
            if (group.isEmpty()) cols.add("Security Group");
            List<List<Object>> rows = new ArrayList<>();
            for (SecurityGroupRule r : rules) {
                if (a.flag("--ingress") && !r.direction().equals("ingress")) continue;
                if (a.flag("--egress") && !r.direction().equals("egress")) continue;
                if (a.opt("--protocol").isPresent() && !r.protocol().equals(a.opt("--protocol"))) continue;
                String range = r.portRangeMin().isPresent() ? r.portRangeMin().getAsInt() + ":" + r.portRangeMax().orElse(r.portRangeMin().getAsInt()) : "";
                String ipRange = r.remoteIpPrefix().orElse(r.remoteGroupId().isPresent() ? "" : (r.ethertype().equals("IPv6") ? "::/0" : "0.0.0.0/0"));
                if (r.remoteGroupId().isPresent()) ipRange = r.ethertype().equals("IPv6") ? "::/0" : "0.0.0.0/0";
                List<Object> row = new ArrayList<>(List.of(r.id(), opt(r.protocol()), r.ethertype(), ipRange, range, r.direction(),
                        opt(r.remoteGroupId()), Cell.NONE));
                if (group.isEmpty()) row.add(r.securityGroupId());
                rows.add(row);
            }
            ctx.print(new Listing(cols, rows));
            return 0;
        }
    }

    static final class RuleShow extends OscCommand {
        String name() { return "security group rule show"; }
        String description() { return "Display security group rule details"; }
        void arguments(ArgParser p) { p.positional("<rule>", "Security group rule to display (ID only)"); }
        int execute(OscContext ctx, ParseResult a) {
            SecurityGroupRule r = ctx.neutron().rule(a.get("<rule>"))
                    .orElseThrow(() -> new OscError("Error while executing command: No SecurityGroupRule found for " + a.get("<rule>")));
            ctx.print(ruleShow(r));
            return 0;
        }
    }

    static final class RuleDelete extends OscCommand {
        String name() { return "security group rule delete"; }
        String description() { return "Delete security group rule(s)"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) { p.positionals("<rule>", "Security group rule(s) to delete (ID only)"); }
        int execute(OscContext ctx, ParseResult a) {
            ctx.deleteEach(a.list("<rule>"), "rules", id -> ctx.neutron().deleteRule(ctx.rc(), id),
                    (id, msg) -> "Failed to delete SecurityGroupRule with ID '" + id + "': " + msg);
            return 0;
        }
    }
}

package novalab.engine.cli.openstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.cli.ArgParser;
import novalab.engine.cli.Cell;
import novalab.engine.cli.Listing;
import novalab.engine.cli.ParseResult;
import novalab.engine.cli.ShowOne;
import novalab.engine.common.CloudError;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Network;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.Router;
import novalab.engine.network.Model.Subnet;

/** Neutron's side of OSC: floating IPs, networks, subnets, ports, routers (openstackclient/network/v2/). */
final class NetworkCommands {
    private NetworkCommands() {}

    static Object opt(Optional<String> o) { return o.<Object>map(x -> x).orElse(Cell.NONE); }

    static ShowOne fipShow(FloatingIp f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created_at", f.createdAt());
        m.put("description", f.description());
        m.put("dns_domain", Cell.NONE);
        m.put("dns_name", Cell.NONE);
        m.put("fixed_ip_address", opt(f.fixedIpAddress()));
        m.put("floating_ip_address", f.address());
        m.put("floating_network_id", f.floatingNetworkId());
        m.put("id", f.id());
        m.put("name", f.address());
        m.put("port_details", Cell.NONE);
        m.put("port_id", opt(f.portId()));
        m.put("project_id", f.projectId());
        m.put("qos_policy_id", Cell.NONE);
        m.put("revision_number", f.revision());
        m.put("router_id", opt(f.routerId()));
        m.put("status", f.status());
        m.put("subnet_id", Cell.NONE);
        m.put("tags", new Cell.Formatted(List.of(), ""));
        m.put("updated_at", f.updatedAt());
        return ShowOne.sorted(m);
    }

    static FloatingIp fip(OscContext ctx, String idOrAddress) {
        try {
            return ctx.neutron().floatingIp(ctx.rc(), idOrAddress);
        } catch (CloudError e) {
            throw new OscError("Error while executing command: No FloatingIP found for " + idOrAddress);
        }
    }

    static final class FloatingIpCreate extends OscCommand {
        String name() { return "floating ip create"; }
        String description() { return "Create floating IP"; }
        void arguments(ArgParser p) {
            p.option("--subnet", "<subnet>", "Subnet on which you want to create the floating IP (name or ID)")
             .option("--port", "<port>", "Port to be associated with the floating IP (name or ID)")
             .option("--floating-ip-address", "<ip-address>", "Floating IP address")
             .option("--fixed-ip-address", "<ip-address>", "Fixed IP address mapped to the floating IP")
             .option("--description", "<description>", "Set floating IP description")
             .option("--project", "<project>", "Owner's project (name or ID)")
             .positional("<network>", "Network to allocate floating IP from (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            Network n = ctx.network(a.get("<network>"));
            FloatingIp f = ctx.neutron().createFloatingIp(ctx.rc(), n.id(), a.opt("--floating-ip-address"), a.opt("--description").orElse(""));
            if (a.opt("--port").isPresent()) f = ctx.neutron().associate(ctx.rc(), f.id(), a.opt("--port").get(), a.opt("--fixed-ip-address"));
            ctx.print(fipShow(f));
            return 0;
        }
    }

    static final class FloatingIpList extends OscCommand {
        String name() { return "floating ip list"; }
        String description() { return "List floating IP(s)"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.option("--network", "<network>", "List floating IP(s) according to given network (name or ID)")
             .option("--port", "<port>", "List floating IP(s) according to given port (name or ID)")
             .option("--status", "<status>", "List floating IP(s) according to given status ('ACTIVE', 'DOWN')")
             .flag("--long", "List additional fields in output");
        }
        int execute(OscContext ctx, ParseResult a) {
            List<List<Object>> rows = new ArrayList<>();
            for (FloatingIp f : ctx.neutron().floatingIps(ctx.rc())) {
                if (a.opt("--status").isPresent() && !f.status().equals(a.opt("--status").get())) continue;
                rows.add(List.of(f.id(), f.address(), opt(f.fixedIpAddress()), opt(f.portId()), f.floatingNetworkId(), f.projectId()));
            }
            ctx.print(new Listing(List.of("ID", "Floating IP Address", "Fixed IP Address", "Port", "Floating Network", "Project"), rows));
            return 0;
        }
    }

    static final class FloatingIpShow extends OscCommand {
        String name() { return "floating ip show"; }
        String description() { return "Display floating IP details"; }
        void arguments(ArgParser p) { p.positional("<floating-ip>", "Floating IP to display (IP address or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            ctx.print(fipShow(fip(ctx, a.get("<floating-ip>"))));
            return 0;
        }
    }

    static final class FloatingIpDelete extends OscCommand {
        String name() { return "floating ip delete"; }
        String description() { return "Delete floating IP(s)"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) { p.positionals("<floating-ip>", "Floating IP(s) to delete (IP address or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            ctx.deleteEach(a.list("<floating-ip>"), "floating_ips", ip -> ctx.neutron().deleteFloatingIp(ctx.rc(), fip(ctx, ip).id()),
                    (ip, msg) -> "Failed to delete floating IP with name or ID '" + ip + "': " + msg);
            return 0;
        }
    }

    static final class FloatingIpSet extends OscCommand {
        String name() { return "floating ip set"; }
        String description() { return "Set floating IP Properties"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.option("--port", "<port>", "Associate the floating IP with port (name or ID)")
             .option("--fixed-ip-address", "<ip-address>", "Fixed IP of the port (required only if port has multiple IPs)")
             .option("--description", "<description>", "Set floating IP description")
             .positional("<floating-ip>", "Floating IP to modify (IP address or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            FloatingIp f = fip(ctx, a.get("<floating-ip>"));
            if (a.opt("--port").isPresent()) {
                String port = a.opt("--port").get();
                if (ctx.neutron().port(port).isEmpty()) throw new OscError("Error while executing command: No Port found for " + port);
                ctx.neutron().associate(ctx.rc(), f.id(), port, a.opt("--fixed-ip-address"));
            }
            return 0;
        }
    }

    static final class FloatingIpUnset extends OscCommand {
        String name() { return "floating ip unset"; }
        String description() { return "Unset floating IP Properties"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.flag("--port", "Disassociate any port associated with the floating IP")
             .positional("<floating-ip>", "Floating IP to disassociate (IP address or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            FloatingIp f = fip(ctx, a.get("<floating-ip>"));
            if (a.flag("--port")) ctx.neutron().disassociate(ctx.rc(), f.id());
            return 0;
        }
    }

    static ShowOne networkShow(OscContext ctx, Network n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("admin_state_up", new Cell.Formatted(true, "UP"));
        m.put("availability_zone_hints", new Cell.Formatted(List.of(), ""));
        m.put("availability_zones", new Cell.Formatted(List.of("nova"), "nova"));
        m.put("created_at", n.createdAt());
        m.put("description", "");
        m.put("dns_domain", Cell.NONE);
        m.put("id", n.id());
        m.put("ipv4_address_scope", Cell.NONE);
        m.put("ipv6_address_scope", Cell.NONE);
        m.put("is_default", n.external() ? (Object) false : Cell.NONE);
        m.put("is_vlan_transparent", Cell.NONE);
        m.put("mtu", n.mtu());
        m.put("name", n.name());
        m.put("port_security_enabled", true);
        m.put("project_id", n.projectId());
        if (ctx.isAdmin()) {
            m.put("provider:network_type", n.external() ? "flat" : "vxlan");
            m.put("provider:physical_network", n.external() ? "provider" : Cell.NONE);
            m.put("provider:segmentation_id", n.external() ? Cell.NONE : (Object) (1000 + Math.abs(n.id().hashCode() % 1000)));
        }
        m.put("qos_policy_id", Cell.NONE);
        m.put("revision_number", n.revision());
        m.put("router:external", new Cell.Formatted(n.external(), n.external() ? "External" : "Internal"));
        m.put("segments", Cell.NONE);
        m.put("shared", n.shared());
        m.put("status", "ACTIVE");
        m.put("subnets", new Cell.Formatted(n.subnetIds(), String.join(", ", n.subnetIds())));
        m.put("tags", new Cell.Formatted(List.of(), ""));
        m.put("updated_at", n.updatedAt());
        return ShowOne.sorted(m);
    }

    static final class NetworkList extends OscCommand {
        String name() { return "network list"; }
        String description() { return "List networks"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.flag("--external", "List only external networks")
             .flag("--internal", "List only internal networks")
             .mutuallyExclusive("--external", "--internal")
             .flag("--long", "List additional fields in output")
             .option("--name", "<name>", "List only networks with the specified name");
        }
        int execute(OscContext ctx, ParseResult a) {
            List<List<Object>> rows = new ArrayList<>();
            for (Network n : ctx.neutron().networks(ctx.rc())) {
                if (a.flag("--external") && !n.external()) continue;
                if (a.flag("--internal") && n.external()) continue;
                if (a.opt("--name").isPresent() && !n.name().equals(a.opt("--name").get())) continue;
                rows.add(List.of(n.id(), n.name(), new Cell.Formatted(n.subnetIds(), String.join(", ", n.subnetIds()))));
            }
            ctx.print(new Listing(List.of("ID", "Name", "Subnets"), rows));
            return 0;
        }
    }

    static final class NetworkShow extends OscCommand {
        String name() { return "network show"; }
        String description() { return "Show network details"; }
        void arguments(ArgParser p) { p.positional("<network>", "Network to display (name or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            ctx.print(networkShow(ctx, ctx.network(a.get("<network>"))));
            return 0;
        }
    }

    static final class SubnetList extends OscCommand {
        String name() { return "subnet list"; }
        String description() { return "List subnets"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.flag("--long", "List additional fields in output")
             .option("--network", "<network>", "List only subnets which belong to a given network (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            Optional<String> net = a.opt("--network").map(n -> ctx.network(n).id());
            List<List<Object>> rows = new ArrayList<>();
            for (Subnet s : ctx.neutron().subnets(ctx.rc())) {
                if (net.isPresent() && !s.networkId().equals(net.get())) continue;
                rows.add(List.of(s.id(), s.name(), s.networkId(), s.cidr()));
            }
            ctx.print(new Listing(List.of("ID", "Name", "Network", "Subnet"), rows));
            return 0;
        }
    }

    static final class PortList extends OscCommand {
        String name() { return "port list"; }
        String description() { return "List ports"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.option("--device-owner", "<device-owner>", "List only ports with the specified device owner. This is the entity that uses the port (for example, network:dhcp).")
             .option("--network", "<network>", "List only ports connected to this network (name or ID)")
             .option("--server", "<server>", "List only ports attached to this server (name or ID)")
             .flag("--long", "List additional fields in output");
        }
        int execute(OscContext ctx, ParseResult a) {
            Optional<String> server = a.opt("--server").map(s -> ctx.server(s).id());
            Optional<String> net = a.opt("--network").map(n -> ctx.network(n).id());
            List<List<Object>> rows = new ArrayList<>();
            for (Port p : ctx.neutron().ports(ctx.rc())) {
                if (server.isPresent() && !p.deviceId().equals(server.get())) continue;
                if (net.isPresent() && !p.networkId().equals(net.get())) continue;
                StringBuilder ips = new StringBuilder();
                List<Object> machine = new ArrayList<>();
                for (var f : p.fixedIps()) {
                    if (ips.length() > 0) ips.append('\n');
                    ips.append("ip_address='").append(f.ipAddress()).append("', subnet_id='").append(f.subnetId()).append("'");
                    machine.add(Map.of("ip_address", f.ipAddress(), "subnet_id", f.subnetId()));
                }
                rows.add(List.of(p.id(), p.name(), p.macAddress(), new Cell.Formatted(machine, ips.toString()), p.status()));
            }
            ctx.print(new Listing(List.of("ID", "Name", "MAC Address", "Fixed IP Addresses", "Status"), rows));
            return 0;
        }
    }

    static final class RouterList extends OscCommand {
        String name() { return "router list"; }
        String description() { return "List routers"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) { p.flag("--long", "List additional fields in output"); }
        int execute(OscContext ctx, ParseResult a) {
            List<List<Object>> rows = new ArrayList<>();
            for (Router r : ctx.neutron().routers(ctx.rc())) rows.add(List.of(r.id(), r.name(), "ACTIVE", new Cell.Formatted(true, "UP"), r.projectId()));
            ctx.print(new Listing(List.of("ID", "Name", "Status", "State", "Project"), rows));
            return 0;
        }
    }
}

package novalab.engine.cli.openstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import novalab.engine.api.ComputeApi;
import novalab.engine.api.ServerAction;
import novalab.engine.api.ServerCreate;
import novalab.engine.api.ServerView;
import novalab.engine.cli.ArgParser;
import novalab.engine.cli.Cell;
import novalab.engine.cli.Listing;
import novalab.engine.cli.ParseResult;
import novalab.engine.cli.ShowOne;
import novalab.engine.common.CloudError;
import novalab.engine.compute.Flavor;
import novalab.engine.compute.Instance;
import novalab.engine.image.Image;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Port;

/** The {@code openstack server ...} and {@code console log show} commands (openstackclient/compute/v2/server.py). */
final class ServerCommands {
    /** How long a lab {@code --wait} polls before giving up (the real OSC has no limit). */
    static final long WAIT_LIMIT_MS = 3_600_000L;

    private ServerCommands() {}

    /** OSC's Networks column: {@code net=ip1, ip2; net2=ip3}, IPs sorted as strings, networks by name. */
    static Cell.Formatted networks(ServerView v) {
        Map<String, List<String>> m = new TreeMap<>();
        v.addresses().forEach((net, addrs) -> m.put(net, addrs.stream().map(ServerView.Address::addr).sorted().toList()));
        StringBuilder sb = new StringBuilder();
        m.forEach((net, ips) -> {
            if (sb.length() > 0) sb.append("; ");
            sb.append(net).append("=").append(String.join(", ", ips));
        });
        return new Cell.Formatted(new LinkedHashMap<>(m), sb.toString());
    }

    /** {@code server show} / {@code server create} rows at microversion 2.1 (admin sees OS-EXT-SRV-ATTR). */
    static ShowOne show(OscContext ctx, ServerView v, Optional<String> adminPass) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("OS-DCF:diskConfig", "MANUAL");
        m.put("OS-EXT-AZ:availability_zone", v.availabilityZone());
        if (v.adminView()) {
            m.put("OS-EXT-SRV-ATTR:host", v.host().<Object>map(x -> x).orElse(Cell.NONE));
            m.put("OS-EXT-SRV-ATTR:hypervisor_hostname", v.hypervisorHostname().<Object>map(x -> x).orElse(Cell.NONE));
            m.put("OS-EXT-SRV-ATTR:instance_name", v.instanceName().orElse(""));
        }
        m.put("OS-EXT-STS:power_state", new Cell.Formatted(v.powerState(), v.powerStateName()));
        m.put("OS-EXT-STS:task_state", v.taskState().<Object>map(x -> x).orElse(Cell.NONE));
        m.put("OS-EXT-STS:vm_state", v.vmState());
        m.put("OS-SRV-USG:launched_at", v.launchedAt().<Object>map(x -> x).orElse(Cell.NONE));
        m.put("OS-SRV-USG:terminated_at", v.terminatedAt().<Object>map(x -> x).orElse(Cell.NONE));
        m.put("accessIPv4", "");
        m.put("accessIPv6", "");
        m.put("addresses", networks(v));
        adminPass.ifPresent(p -> m.put("adminPass", p));
        m.put("config_drive", "");
        m.put("created", v.created());
        v.fault().ifPresent(f -> {
            Map<String, Object> fd = new LinkedHashMap<>();
            fd.put("code", f.code());
            fd.put("created", f.created());
            fd.put("message", f.message());
            m.put("fault", fd);
        });
        m.put("flavor", v.flavorName() + " (" + v.flavorId() + ")");
        m.put("hostId", v.hostId());
        m.put("id", v.id());
        m.put("image", v.imageName().isEmpty() ? "N/A (booted from volume)" : v.imageName() + " (" + v.imageId() + ")");
        m.put("key_name", v.keyName().isEmpty() ? Cell.NONE : v.keyName());
        m.put("name", v.name());
        v.progress().ifPresent(p -> m.put("progress", p));
        m.put("project_id", v.tenantId());
        m.put("properties", FlavorCommands.properties(v.metadata()));
        if (v.hasPorts()) {
            List<Object> machine = new ArrayList<>();
            StringBuilder human = new StringBuilder();
            for (String g : v.securityGroups()) {
                machine.add(Map.of("name", g));
                if (human.length() > 0) human.append('\n');
                human.append("name='").append(g).append("'");
            }
            m.put("security_groups", new Cell.Formatted(machine, human.toString()));
        }
        m.put("status", v.status());
        m.put("updated", v.updated());
        m.put("user_id", v.userId());
        m.put("volumes_attached", new Cell.Formatted(List.of(), ""));
        return ShowOne.sorted(m);
    }

    static final class ServerCreateCmd extends OscCommand {
        String name() { return "server create"; }
        String description() { return "Create a new server"; }
        void arguments(ArgParser p) {
            p.option("--flavor", "<flavor>", "Create server with this flavor (name or ID)")
             .option("--image", "<image>", "Create server boot disk from this image (name or ID)")
             .option("--image-property", "<key=value>", "Create server using the image that matches the specified property. Property must match exactly one property.")
             .option("--volume", "<volume>", "Create server using this volume as the boot disk (name or ID)")
             .option("--snapshot", "<snapshot>", "Create server using this snapshot as the boot disk (name or ID)")
             .option("--boot-from-volume", "<volume-size>", "When used in conjunction with the ``--image`` or ``--image-property`` option, this option automatically creates a block device mapping with a boot index of 0 and tells the compute service to create a volume of the given size (in GB) from the specified image and use it as the root disk of the server.")
             .appendOption("--network", "<network>", "Create a NIC on the server and connect it to network. Specify option multiple times to create multiple NICs.")
             .appendOption("--port", "<port>", "Create a NIC on the server and connect it to port. Specify option multiple times to create multiple NICs.")
             .appendOption("--nic", "<net-id=net-uuid,port-id=port-uuid,v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag,auto,none>", "Create a NIC on the server.")
             .appendOption("--security-group", "<security-group>", "Security group to assign to this server (name or ID) (repeat option to set multiple groups)")
             .option("--key-name", "<key-name>", "Keypair to inject into this server")
             .appendOption("--property", "<key=value>", "Set a property on this server (repeat option to set multiple values)")
             .option("--user-data", "<user-data>", "User data file to serve from the metadata server")
             .option("--availability-zone", "<zone-name>", "Select an availability zone for the server.")
             .option("--host", "<host>", "Requested host to create servers. (admin only) (supported by --os-compute-api-version 2.74 or above)")
             .option("--admin-pass", "<admin-password>", "Set the password to this server.")
             .appendOption("--hint", "<key=value>", "Hints for the scheduler")
             .intOption("--min", "<count>", "Minimum number of servers to launch (default=1)")
             .intOption("--max", "<count>", "Maximum number of servers to launch (default=1)")
             .flag("--wait", "Wait for build to complete")
             .positional("<server-name>", "New server name")
             .required("--flavor");
        }
        int execute(OscContext ctx, ParseResult a) {
            if (a.opt("--image").isEmpty() && a.opt("--volume").isEmpty() && a.opt("--snapshot").isEmpty() && a.opt("--image-property").isEmpty()) {
                throw new OscError("An image (--image or --image-property) or bootable volume (--volume, --snapshot, or --boot-from-volume) is required");
            }
            if (a.opt("--volume").isPresent() || a.opt("--snapshot").isPresent() || a.opt("--boot-from-volume").isPresent()) {
                throw new OscError("Volumes (Cinder) arrive in week 10: this lab's cloud has no block storage service yet.");
            }
            Image image = ctx.image(a.opt("--image").get());
            Flavor flavor = ctx.flavor(a.opt("--flavor").get());
            List<String> nets = new ArrayList<>();
            for (String n : a.list("--network")) nets.add(ctx.network(n).id());
            for (String nic : a.list("--nic")) {
                if (nic.equals("auto")) continue;
                if (nic.equals("none")) {
                    nets.add(ServerCreate.NO_NETWORK);
                    continue;
                }
                for (String kv : nic.split(",")) {
                    if (kv.startsWith("net-id=")) nets.add(ctx.network(kv.substring(7)).id());
                    else if (!kv.contains("=")) throw new OscError("Invalid argument " + nic + "; argument must be of form 'net-id=net-uuid,port-id=port-uuid,v4-fixed-ip=ip-addr,v6-fixed-ip=ip-addr,tag=tag'");
                }
            }
            List<String> groups = new ArrayList<>();
            for (String g : a.list("--security-group")) groups.add(ctx.securityGroup(g).id());
            int min = a.longOpt("--min").map(Long::intValue).orElse(1);
            int max = a.longOpt("--max").map(Long::intValue).orElse(min);
            if (min > max) throw new OscError("min instances should be <= max instances");
            if (min < 1) throw new OscError("min instances should be > 0");
            Optional<String> az = a.opt("--availability-zone");
            if (a.opt("--host").isPresent()) az = Optional.of(az.orElse("") + ":" + a.opt("--host").get());
            ComputeApi.CreatedServer created = ctx.compute().createServer(ctx.token(), new ServerCreate(a.get("<server-name>"),
                    flavor.id(), image.id(), a.opt("--key-name"), groups, nets, az, min, max,
                    FlavorCommands.keyValues(a.list("--property")), a.opt("--admin-pass")));
            ServerView v = ctx.compute().server(ctx.token(), created.id());
            if (a.flag("--wait")) {
                long waitedMs = 0;
                while (true) {
                    String s = v.status().toLowerCase();
                    if (s.equals("active")) {
                        ctx.out("\n");
                        break;
                    }
                    if (s.equals("error")) {
                        ctx.inv().errln("Error creating server: " + a.get("<server-name>"));
                        ctx.out("Error creating server\n");
                        return 0;
                    }
                    if (waitedMs >= WAIT_LIMIT_MS) {
                        throw new OscError("openstack: gave up waiting after " + WAIT_LIMIT_MS / 1000 + " simulated seconds: " + v.name()
                                + " is still " + v.status() + " (task_state " + v.taskState().orElse("None")
                                + "). The real client would wait forever; check the nova services (openstack compute service list).");
                    }
                    ctx.inv().control().sleep(5_000);
                    waitedMs += 5_000;
                    v = ctx.compute().server(ctx.token(), created.id());
                }
            }
            ctx.print(show(ctx, v, Optional.of(created.adminPass())));
            return 0;
        }
    }

    static final class ServerList extends OscCommand {
        String name() { return "server list"; }
        String description() { return "List servers"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.option("--reservation-id", "<reservation-id>", "Only return instances that match the reservation")
             .option("--ip", "<ip-address-regex>", "Regular expression to match IP addresses")
             .option("--name", "<name-regex>", "Regular expression to match names")
             .option("--status", "<status>", "Search by server status")
             .option("--flavor", "<flavor>", "Search by flavor (name or ID)")
             .option("--image", "<image>", "Search by image (name or ID)")
             .option("--host", "<hostname>", "Search by hostname")
             .flag("--all-projects", "Include all projects (admin only)")
             .option("--project", "<project>", "Search by project (admin only) (name or ID)")
             .flag("--long", "List additional fields in output")
             .flag("-n", "Skips flavor names and image names lookup.")
             .flag("--name-lookup-one-by-one", "When looking up flavor and image names, look them up one by one as needed instead of all together (default). Mutually exclusive with \"--no-name-lookup|-n\" option.")
             .option("--marker", "<server>", "The last server of the previous page. Display list of servers after marker. Display all servers if not specified. When used with ``--deleted``, the marker must be an ID, otherwise a name or ID can be used.")
             .option("--limit", "<num-servers>", "Maximum number of servers to display. If limit equals -1, all servers will be displayed. If limit is greater than 'osapi_max_limit' option of Nova API, 'osapi_max_limit' will be used instead.");
        }
        int execute(OscContext ctx, ParseResult a) {
            List<ServerView> servers = ctx.compute().servers(ctx.token(), new ComputeApi.ServerFilter(a.opt("--name"), a.opt("--status"),
                    a.opt("--host"), a.flag("--all-projects")));
            boolean longer = a.flag("--long");
            List<String> cols = longer
                    ? List.of("ID", "Name", "Status", "Task State", "Power State", "Networks", "Image Name", "Image ID", "Flavor Name",
                    "Flavor ID", "Availability Zone", "Host", "Properties")
                    : List.of("ID", "Name", "Status", "Networks", "Image", "Flavor");
            List<List<Object>> rows = new ArrayList<>();
            for (ServerView v : servers) {
                if (a.opt("--flavor").isPresent() && !v.flavorId().equals(ctx.flavor(a.opt("--flavor").get()).id())) continue;
                if (a.opt("--image").isPresent() && !v.imageId().equals(ctx.image(a.opt("--image").get()).id())) continue;
                Object image = v.imageName().isEmpty() ? "N/A (booted from volume)" : v.imageName();
                if (longer) {
                    rows.add(List.of(v.id(), v.name(), v.status(), v.taskState().<Object>map(x -> x).orElse(Cell.NONE),
                            v.powerStateName(), networks(v), image, v.imageId(), v.flavorName(), v.flavorId(), v.availabilityZone(),
                            // OSC prints '' when nova-api leaves the attribute out (a non-admin's view), None when it is null
                            v.adminView() ? v.host().<Object>map(x -> x).orElse(Cell.NONE) : "", FlavorCommands.properties(v.metadata())));
                } else {
                    rows.add(List.of(v.id(), v.name(), v.status(), networks(v), image, v.flavorName()));
                }
            }
            if (a.opt("--limit").isPresent()) {
                int limit = Integer.parseInt(a.opt("--limit").get());
                if (limit >= 0 && rows.size() > limit) rows = rows.subList(0, limit);
            }
            ctx.print(new Listing(cols, rows));
            return 0;
        }
    }

    static final class ServerShow extends OscCommand {
        String name() { return "server show"; }
        String description() { return "Show server details. Specify ``--os-compute-api-version 2.47`` or higher to see the embedded flavor information for the server."; }
        void arguments(ArgParser p) {
            p.flag("--diagnostics", "Display server diagnostics information")
             .flag("--topology", "Include topology information in the output (supported by --os-compute-api-version 2.78 or above)")
             .positional("<server>", "Server (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            ctx.print(show(ctx, ctx.server(a.get("<server>")), Optional.empty()));
            return 0;
        }
    }

    static final class ServerDelete extends OscCommand {
        String name() { return "server delete"; }
        String description() { return "Delete server(s)"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.flag("--force", "Force delete server(s)")
             .flag("--all-projects", "Delete server(s) in another project by name (admin only)(can be specified using the ALL_PROJECTS envvar)")
             .flag("--wait", "Wait for delete to complete")
             .positionals("<server>", "Server(s) to delete (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            List<String> names = a.list("<server>");
            int failed = 0;
            List<String> ids = new ArrayList<>();
            for (String n : names) {
                try {
                    ServerView v = ctx.server(n);
                    ctx.compute().deleteServer(ctx.token(), v.id());
                    ids.add(v.id());
                } catch (RuntimeException e) {
                    failed++;
                    ctx.inv().errln(e.getMessage());
                }
            }
            if (a.flag("--wait")) {
                for (String id : ids) {
                    while (true) {
                        try {
                            ctx.compute().server(ctx.token(), id);
                        } catch (CloudError e) {
                            break;
                        }
                        ctx.inv().control().sleep(5_000);
                    }
                }
            }
            if (failed > 0) throw new OscError(failed + " of " + names.size() + " servers failed to delete.");
            return 0;
        }
    }

    /** start/stop/reboot/shelve/unshelve: one class each, sharing the find-then-act loop. */
    abstract static class ServerActionCmd extends OscCommand {
        Kind kind() { return Kind.PLAIN; }
        abstract ServerAction action(ParseResult a);
        /** OSC skips shelve/unshelve client-side when the status makes them pointless. */
        boolean skip(ServerView v) { return false; }
        void arguments(ArgParser p) {
            p.flag("--all-projects", "Start server(s) in another project by name (admin only)(can be specified using the ALL_PROJECTS envvar)")
             .positionals("<server>", "Server(s) (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            List<String> names = a.list("<server>");
            for (String n : names) {
                ServerView v = ctx.server(n);
                if (skip(v)) continue;
                ctx.compute().action(ctx.token(), v.id(), action(a));
            }
            return 0;
        }
    }

    static final class ServerStart extends ServerActionCmd {
        String name() { return "server start"; }
        String description() { return "Start server(s)."; }
        ServerAction action(ParseResult a) { return ServerAction.START; }
    }

    static final class ServerStop extends ServerActionCmd {
        String name() { return "server stop"; }
        String description() { return "Stop server(s)."; }
        ServerAction action(ParseResult a) { return ServerAction.STOP; }
    }

    static final class ServerShelve extends ServerActionCmd {
        String name() { return "server shelve"; }
        String description() { return "Shelve and optionally offload server(s)."; }
        ServerAction action(ParseResult a) { return ServerAction.SHELVE; }
        boolean skip(ServerView v) { return v.status().equals("SHELVED") || v.status().equals("SHELVED_OFFLOADED"); }
    }

    static final class ServerUnshelve extends ServerActionCmd {
        String name() { return "server unshelve"; }
        String description() { return "Unshelve server(s)"; }
        ServerAction action(ParseResult a) { return ServerAction.UNSHELVE; }
        boolean skip(ServerView v) { return !(v.status().equals("SHELVED") || v.status().equals("SHELVED_OFFLOADED")); }
    }

    static final class ServerReboot extends OscCommand {
        String name() { return "server reboot"; }
        String description() { return "Perform a hard or soft server reboot"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.flag("--hard", "Perform a hard reboot")
             .flag("--soft", "Perform a soft reboot")
             .mutuallyExclusive("--hard", "--soft")
             .flag("--wait", "Wait for reboot to complete")
             .positional("<server>", "Server (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            ServerView v = ctx.server(a.get("<server>"));
            ctx.compute().action(ctx.token(), v.id(), a.flag("--hard") ? ServerAction.REBOOT_HARD : ServerAction.REBOOT_SOFT);
            if (a.flag("--wait")) {
                do {
                    ctx.inv().control().sleep(5_000);
                    v = ctx.compute().server(ctx.token(), v.id());
                } while (!v.status().equals("ACTIVE") && !v.status().equals("ERROR"));
                ctx.out("\n");
            }
            return 0;
        }
    }

    static final class ServerAddFloatingIp extends OscCommand {
        String name() { return "server add floating ip"; }
        String description() { return "Add floating IP address to server"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.option("--fixed-ip-address", "<ip-address>", "Fixed IP address to associate with this floating IP address. The first server port containing the fixed IP address will be used")
             .positional("<server>", "Server to receive the floating IP address (name or ID)")
             .positional("<ip-address>", "Floating IP address to assign to the first available server port (IP only)");
        }
        int execute(OscContext ctx, ParseResult a) {
            FloatingIp fip;
            try {
                fip = ctx.neutron().floatingIp(ctx.rc(), a.get("<ip-address>"));
            } catch (CloudError e) {
                throw new OscError("Error while executing command: No FloatingIP found for " + a.get("<ip-address>"));
            }
            ServerView v = ctx.server(a.get("<server>"));
            List<Port> ports = ctx.neutron().portsOfDevice(v.id());
            if (ports.isEmpty()) throw new OscError("No attached ports found to associate floating IP with");
            Optional<String> fixed = a.opt("--fixed-ip-address");
            Port port = ports.get(0);
            if (fixed.isPresent()) {
                port = ports.stream().filter(p -> p.fixedIps().stream().anyMatch(f -> f.ipAddress().equals(fixed.get()))).findFirst()
                        .orElseThrow(() -> new OscError("No port found for fixed IP address " + fixed.get()));
            }
            ctx.neutron().associate(ctx.rc(), fip.id(), port.id(), fixed);
            return 0;
        }
    }

    static final class ServerRemoveFloatingIp extends OscCommand {
        String name() { return "server remove floating ip"; }
        String description() { return "Remove floating IP address from server"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.positional("<server>", "Server to remove the floating IP address from (name or ID)")
             .positional("<ip-address>", "Floating IP address to remove from server (IP only)");
        }
        int execute(OscContext ctx, ParseResult a) {
            ctx.server(a.get("<server>"));
            FloatingIp fip;
            try {
                fip = ctx.neutron().floatingIp(ctx.rc(), a.get("<ip-address>"));
            } catch (CloudError e) {
                throw new OscError("Error while executing command: No FloatingIP found for " + a.get("<ip-address>"));
            }
            ctx.neutron().disassociate(ctx.rc(), fip.id());
            return 0;
        }
    }

    static final class ServerEventList extends OscCommand {
        String name() { return "server event list"; }
        String description() { return "List recent events of a server."; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.flag("--long", "List additional fields in output")
             .positional("<server>", "Server to list events (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            ServerView v = ctx.server(a.get("<server>"));
            List<List<Object>> rows = new ArrayList<>();
            boolean longer = a.flag("--long");
            for (Instance.Action act : ctx.compute().serverActions(ctx.token(), v.id())) {
                if (longer) {
                    rows.add(List.of(act.requestId(), v.id(), act.action(), act.startTime(), act.message().<Object>map(x -> x).orElse(Cell.NONE),
                            act.projectId(), act.userId()));
                } else {
                    rows.add(List.of(act.requestId(), v.id(), act.action(), act.startTime()));
                }
            }
            ctx.print(new Listing(longer ? List.of("Request ID", "Server ID", "Action", "Start Time", "Message", "Project ID", "User ID")
                    : List.of("Request ID", "Server ID", "Action", "Start Time"), rows));
            return 0;
        }
    }

    static final class ConsoleLogShow extends OscCommand {
        String name() { return "console log show"; }
        String description() { return "Show server's console output"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.intOption("--lines", "<num-lines>", "Number of lines to display from the end of the log (default=all)")
             .positional("<server>", "Server to show console log (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            ServerView v = ctx.server(a.get("<server>"));
            // openstacksdk names the server's own action URL in its fault (a 409 when the server has no host).
            String text = OperatorCommands.sdk("http://controller:8774/v2.1/servers/" + v.id() + "/action",
                    () -> ctx.compute().consoleOutput(ctx.token(), v.id(), a.longOpt("--lines").map(Long::intValue)));
            ctx.out(text);
            if (!text.isEmpty() && !text.endsWith("\n")) ctx.out("\n");
            return 0;
        }
    }
}

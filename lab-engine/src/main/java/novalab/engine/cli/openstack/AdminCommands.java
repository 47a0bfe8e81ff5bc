package novalab.engine.cli.openstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.api.ComputeApi;
import novalab.engine.cli.ArgParser;
import novalab.engine.cli.Cell;
import novalab.engine.cli.Listing;
import novalab.engine.cli.ParseResult;
import novalab.engine.cli.ShowOne;
import novalab.engine.common.SimClock;
import novalab.engine.db.Aggregate;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.identity.Keystone;
import novalab.engine.image.Image;

/** Images, the operator's views (hypervisors, services, zones, aggregates, quotas) and identity listings. */
final class AdminCommands {
    private AdminCommands() {}

    static final class ImageList extends OscCommand {
        String name() { return "image list"; }
        String description() { return "List available images"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.flag("--public", "List only public images").flag("--private", "List only private images")
             .flag("--community", "List only community images").flag("--shared", "List only shared images")
             .option("--property", "<key=value>", "Filter output based on property (repeat option to filter on multiple properties)")
             .option("--name", "<name>", "Filter images based on name.")
             .option("--status", "<status>", "Filter images based on status.")
             .flag("--long", "List additional fields in output");
        }
        int execute(OscContext ctx, ParseResult a) {
            boolean longer = a.flag("--long");
            List<List<Object>> rows = new ArrayList<>();
            List<Image> images = new ArrayList<>(ctx.cloud().glance().list(ctx.rc()));
            images.sort((x, y) -> x.name().compareTo(y.name()));
            for (Image i : images) {
                if (a.flag("--public") && !i.visibility().equals("public")) continue;
                if (a.flag("--private") && !i.visibility().equals("private")) continue;
                if (a.opt("--name").isPresent() && !i.name().equals(a.opt("--name").get())) continue;
                if (a.opt("--property").isPresent()) {
                    String[] kv = a.opt("--property").get().split("=", 2);
                    if (kv.length < 2 || !kv[1].equals(i.properties().get(kv[0]))) continue;
                }
                if (longer) {
                    rows.add(List.of(i.id(), i.name(), i.diskFormat(), i.containerFormat(), i.size(), i.checksum(), i.status(),
                            i.visibility(), i.isProtected(), i.owner(), new Cell.Formatted(List.of(), "")));
                } else {
                    rows.add(List.of(i.id(), i.name(), i.status()));
                }
            }
            ctx.print(new Listing(longer ? List.of("ID", "Name", "Disk Format", "Container Format", "Size", "Checksum", "Status",
                    "Visibility", "Protected", "Project", "Tags") : List.of("ID", "Name", "Status"), rows));
            return 0;
        }
    }

    static final class ImageShow extends OscCommand {
        String name() { return "image show"; }
        String description() { return "Display image details"; }
        void arguments(ArgParser p) {
            p.flag("--human-readable", "Print image size in a human-friendly format.")
             .positional("<image>", "Image to display (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            Image i = ctx.image(a.get("<image>"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("checksum", i.checksum());
            m.put("container_format", i.containerFormat());
            m.put("created_at", i.createdAt());
            m.put("disk_format", i.diskFormat());
            m.put("file", "/v2/images/" + i.id() + "/file");
            m.put("id", i.id());
            m.put("min_disk", i.minDisk());
            m.put("min_ram", i.minRam());
            m.put("name", i.name());
            m.put("owner", i.owner());
            Map<String, Object> props = new LinkedHashMap<>(i.properties());
            props.put("os_hash_algo", "sha512");
            props.put("os_hidden", false);
            m.put("properties", FlavorCommands.properties(stringMap(props)));
            m.put("protected", i.isProtected());
            m.put("schema", "/v2/schemas/image");
            m.put("size", a.flag("--human-readable") ? human(i.size()) : (Object) i.size());
            m.put("status", i.status());
            m.put("tags", new Cell.Formatted(List.of(), ""));
            m.put("updated_at", i.updatedAt());
            m.put("virtual_size", i.virtualSize());
            m.put("visibility", i.visibility());
            ctx.print(ShowOne.sorted(m));
            return 0;
        }

        private static Map<String, String> stringMap(Map<String, Object> m) {
            Map<String, String> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, String.valueOf(v instanceof Boolean b ? (b ? "True" : "False") : v)));
            return out;
        }

        private static String human(long bytes) {
            String[] units = {"", "K", "M", "G", "T"};
            double v = bytes;
            int u = 0;
            while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
            return String.format("%.0f%s", v, units[u]);
        }
    }

    static final class HypervisorList extends OscCommand {
        String name() { return "hypervisor list"; }
        String description() { return "List hypervisors"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.option("--matching", "<hostname>", "Filter hypervisors using <hostname> substring")
             .flag("--long", "List additional fields in output");
        }
        int execute(OscContext ctx, ParseResult a) {
            boolean longer = a.flag("--long");
            List<List<Object>> rows = new ArrayList<>();
            for (ComputeApi.HypervisorView h : ctx.compute().hypervisors(ctx.token())) {
                ComputeNodeRecord n = h.node();
                if (a.opt("--matching").isPresent() && !n.hypervisorHostname().contains(a.opt("--matching").get())) continue;
                List<Object> r = new ArrayList<>(List.of(n.id(), n.hypervisorHostname(), n.hypervisorType(), n.hostIp(), h.state()));
                if (longer) r.addAll(List.of(n.vcpusUsed(), n.vcpus(), n.memoryMbUsed(), n.memoryMb()));
                rows.add(r);
            }
            List<String> cols = new ArrayList<>(List.of("ID", "Hypervisor Hostname", "Hypervisor Type", "Host IP", "State"));
            if (longer) cols.addAll(List.of("vCPUs Used", "vCPUs", "Memory MB Used", "Memory MB"));
            ctx.print(new Listing(cols, rows));
            return 0;
        }
    }

    static final class HypervisorShow extends OscCommand {
        String name() { return "hypervisor show"; }
        String description() { return "Display hypervisor details"; }
        void arguments(ArgParser p) { p.positional("<hypervisor>", "Hypervisor to display (name or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            String key = a.get("<hypervisor>");
            ComputeApi.HypervisorView h = ctx.compute().hypervisors(ctx.token()).stream()
                    .filter(x -> x.node().hypervisorHostname().equals(key) || String.valueOf(x.node().id()).equals(key)).findFirst()
                    .orElseThrow(() -> new OscError("No hypervisor with a name or ID of '" + key + "' exists."));
            ComputeNodeRecord n = h.node();
            long up = ctx.cloud().nowMs() / 1000 + 93L * 86400 + 18 * 3600 + 25 * 60;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("aggregates", new Cell.Formatted(h.aggregates(), h.aggregates().toString().replace("[", "['").replace("]", "']").replace(", ", "', '").replace("['']", "[]")));
            m.put("cpu_info", cpuInfo(n.cpuInfo()));
            m.put("current_workload", n.currentWorkload());
            m.put("disk_available_least", n.diskAvailableLeast());
            m.put("free_disk_gb", n.freeDiskGb());
            m.put("free_ram_mb", n.freeRamMb());
            m.put("host_ip", n.hostIp());
            m.put("host_time", SimClock.isoZ(ctx.cloud().clock().instant()).substring(11, 19));
            m.put("hypervisor_hostname", n.hypervisorHostname());
            m.put("hypervisor_type", n.hypervisorType());
            m.put("hypervisor_version", n.hypervisorVersion());
            m.put("id", n.id());
            m.put("load_average", "0.08, 0.05, 0.01");
            m.put("local_gb", n.localGb());
            m.put("local_gb_used", n.localGbUsed());
            m.put("memory_mb", n.memoryMb());
            m.put("memory_mb_used", n.memoryMbUsed());
            m.put("running_vms", n.runningVms());
            m.put("service_host", n.host());
            m.put("service_id", h.serviceId());
            m.put("state", h.state());
            m.put("status", h.status());
            m.put("uptime", (up / 86400) + " days, " + String.format("%d:%02d", (up % 86400) / 3600, (up % 3600) / 60));
            m.put("users", "1");
            m.put("vcpus", n.vcpus());
            m.put("vcpus_used", n.vcpusUsed());
            ctx.print(ShowOne.sorted(m));
            return 0;
        }

        /** OSC flattens cpu_info: {@code arch='x86_64', features='[...]', model='...', topology.cores='8', ...}. */
        private static Cell.Formatted cpuInfo(String json) {
            try {
                var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
                java.util.TreeMap<String, String> flat = new java.util.TreeMap<>();
                node.fields().forEachRemaining(e -> {
                    if (e.getValue().isObject()) e.getValue().fields().forEachRemaining(x -> flat.put(e.getKey() + "." + x.getKey(), x.getValue().asText()));
                    else if (e.getValue().isArray()) {
                        List<String> items = new ArrayList<>();
                        e.getValue().forEach(x -> items.add("'" + x.asText() + "'"));
                        flat.put(e.getKey(), "[" + String.join(", ", items) + "]");
                    } else flat.put(e.getKey(), e.getValue().asText());
                });
                StringBuilder sb = new StringBuilder();
                flat.forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append("='").append(v).append("'"));
                return new Cell.Formatted(json, sb.toString());
            } catch (java.io.IOException e) {
                return new Cell.Formatted(json, json);
            }
        }
    }

    static final class ComputeServiceList extends OscCommand {
        String name() { return "compute service list"; }
        String description() { return "List compute services. Using ``--os-compute-api-version`` 2.53 or greater will return the ID as a UUID value which can be used to uniquely identify the service in a multi-cell deployment."; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.option("--host", "<host>", "List services on specified host (name only)")
             .option("--service", "<service>", "List only specified service binaries (name only). For example, ``nova-compute``, ``nova-conductor``, etc.")
             .flag("--long", "List additional fields in output");
        }
        int execute(OscContext ctx, ParseResult a) {
            boolean longer = a.flag("--long");
            List<List<Object>> rows = new ArrayList<>();
            for (ComputeApi.ServiceView v : ctx.compute().services(ctx.token())) {
                var s = v.service();
                if (a.opt("--host").isPresent() && !s.host.equals(a.opt("--host").get())) continue;
                if (a.opt("--service").isPresent() && !s.binary.equals(a.opt("--service").get())) continue;
                List<Object> r = new ArrayList<>(List.of(s.uuid, s.binary, s.host, v.zone(), s.disabled() ? "disabled" : "enabled", v.state(),
                        SimClock.isoMicro(ctx.cloud().clock().instantAt(s.updatedAtMs()))));
                if (longer) {
                    r.add(s.disabledReason().<Object>map(x -> x).orElse(Cell.NONE));
                    r.add(s.forcedDown());
                }
                rows.add(r);
            }
            List<String> cols = new ArrayList<>(List.of("ID", "Binary", "Host", "Zone", "Status", "State", "Updated At"));
            if (longer) cols.addAll(List.of("Disabled Reason", "Forced Down"));
            ctx.print(new Listing(cols, rows));
            return 0;
        }
    }

    static final class ComputeServiceSet extends OscCommand {
        String name() { return "compute service set"; }
        String description() { return "Set compute service properties"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.flag("--enable", "Enable service").flag("--disable", "Disable service").mutuallyExclusive("--enable", "--disable")
             .option("--disable-reason", "<reason>", "Reason for disabling the service (in quotes). Should be used with --disable option.")
             .flag("--up", "Force up service. Requires ``--os-compute-api-version`` 2.11 or greater.")
             .flag("--down", "Force down service. . Requires ``--os-compute-api-version`` 2.11 or greater.")
             .mutuallyExclusive("--up", "--down")
             .positional("<host>", "Name of host")
             .positional("<service>", "Name of service (Binary name), for example ``nova-compute``");
        }
        int execute(OscContext ctx, ParseResult a) {
            if (a.opt("--disable-reason").isPresent() && !a.flag("--disable")) {
                throw new OscError("Cannot specify option --disable-reason without --disable specified.");
            }
            Optional<Boolean> enabled = a.flag("--enable") ? Optional.of(true) : a.flag("--disable") ? Optional.of(false) : Optional.empty();
            Optional<Boolean> forced = a.flag("--down") ? Optional.of(true) : a.flag("--up") ? Optional.of(false) : Optional.empty();
            try {
                ctx.compute().setService(ctx.token(), a.get("<host>"), a.get("<service>"), enabled, a.opt("--disable-reason"), forced);
            } catch (novalab.engine.common.CloudError e) {
                if (e.status() == 404) throw new OscError("Compute service " + a.get("<service>") + " of host " + a.get("<host>") + " failed to set.");
                throw e;
            }
            return 0;
        }
    }

    static final class AvailabilityZoneList extends OscCommand {
        String name() { return "availability zone list"; }
        String description() { return "List availability zones and their status"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.flag("--compute", "List compute availability zones").flag("--network", "List network availability zones")
             .flag("--volume", "List volume availability zones").flag("--long", "List additional fields in output");
        }
        int execute(OscContext ctx, ParseResult a) {
            boolean longer = a.flag("--long");
            List<List<Object>> rows = new ArrayList<>();
            for (ComputeApi.ZoneView z : ctx.compute().availabilityZones(ctx.token(), ctx.isAdmin())) {
                String status = z.available() ? "available" : "not available";
                if (!longer) {
                    rows.add(List.of(z.name(), status));
                    continue;
                }
                z.hosts().forEach((host, svcs) -> svcs.forEach(v -> rows.add(List.of(z.name(), status, "", host, v.service().binary,
                        (v.service().disabled() ? "disabled" : "enabled") + " " + (v.state().equals("up") ? ":-)" : "XXX") + " "
                                + SimClock.isoMicro(ctx.cloud().clock().instantAt(v.service().updatedAtMs()))))));
            }
            if (!longer && !a.flag("--compute")) rows.add(List.of("nova", "available"));
            ctx.print(new Listing(longer ? List.of("Zone Name", "Zone Status", "Zone Resource", "Host Name", "Service Name", "Service Status")
                    : List.of("Zone Name", "Zone Status"), dedupe(rows)));
            return 0;
        }

        private static List<List<Object>> dedupe(List<List<Object>> rows) {
            List<List<Object>> out = new ArrayList<>();
            for (List<Object> r : rows) if (!out.contains(r)) out.add(r);
            return out;
        }
    }

    static final class AggregateList extends OscCommand {
        String name() { return "aggregate list"; }
        String description() { return "List all aggregates"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) { p.flag("--long", "List additional fields in output"); }
        int execute(OscContext ctx, ParseResult a) {
            List<List<Object>> rows = new ArrayList<>();
            for (Aggregate g : ctx.compute().aggregates(ctx.token())) {
                List<Object> r = new ArrayList<>(List.of(g.id(), g.name(), g.availabilityZone().<Object>map(x -> x).orElse(Cell.NONE)));
                if (a.flag("--long")) {
                    Map<String, String> md = new LinkedHashMap<>(g.metadata());
                    md.remove("availability_zone");
                    r.add(FlavorCommands.properties(md));
                    r.add(new Cell.Formatted(g.hosts(), String.join(", ", g.hosts())));
                }
                rows.add(r);
            }
            ctx.print(new Listing(a.flag("--long") ? List.of("ID", "Name", "Availability Zone", "Properties", "Hosts")
                    : List.of("ID", "Name", "Availability Zone"), rows));
            return 0;
        }
    }

    static final class AggregateShow extends OscCommand {
        String name() { return "aggregate show"; }
        String description() { return "Display aggregate details"; }
        void arguments(ArgParser p) { p.positional("<aggregate>", "Aggregate to display (name or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            String key = a.get("<aggregate>");
            Aggregate g = OperatorCommands.find(ctx, key);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("availability_zone", g.availabilityZone().<Object>map(x -> x).orElse(Cell.NONE));
            m.put("created_at", g.createdAt());
            m.put("deleted_at", Cell.NONE);
            m.put("hosts", new Cell.Formatted(g.hosts(), String.join(", ", g.hosts())));
            m.put("id", g.id());
            m.put("is_deleted", false);
            m.put("name", g.name());
            Map<String, String> md = new LinkedHashMap<>(g.metadata());
            md.remove("availability_zone");
            m.put("properties", FlavorCommands.properties(md));
            m.put("updated_at", Cell.NONE);
            m.put("uuid", g.uuid());
            ctx.print(ShowOne.sorted(m));
            return 0;
        }
    }

    static final class QuotaShow extends OscCommand {
        String name() { return "quota show"; }
        String description() { return "Show quotas for project or class. Specify ``--os-compute-api-version 2.50`` or higher to see ``server-groups`` and ``server-group-members`` output for a given quota class."; }
        void arguments(ArgParser p) {
            p.flag("--usage", "Show quota usage").flag("--default", "Show default quotas for <project>")
             .optionalPositional("<project/class>", "Show quotas for this project or class (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            ComputeApi.QuotaView q = ctx.compute().quotas(ctx.token());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cores", q.limits().cores());
            m.put("fixed-ips", -1);
            m.put("floating-ips", 50);
            m.put("injected-file-size", 10240);
            m.put("injected-files", 5);
            m.put("injected-path-size", 255);
            m.put("instances", q.limits().instances());
            m.put("key-pairs", q.limits().keyPairs());
            m.put("networks", 100);
            m.put("ports", 500);
            m.put("project", ctx.rc().projectId());
            m.put("project_name", ctx.rc().projectName());
            m.put("properties", 128);
            m.put("ram", q.limits().ram());
            m.put("rbac_policies", 10);
            m.put("routers", 10);
            m.put("secgroup-rules", 100);
            m.put("secgroups", 10);
            m.put("server-group-members", 10);
            m.put("server-groups", 10);
            m.put("subnet_pools", -1);
            m.put("subnets", 100);
            ctx.print(ShowOne.sorted(m));
            return 0;
        }
    }

    static final class LimitsShow extends OscCommand {
        String name() { return "limits show"; }
        String description() { return "Show compute and block storage limits"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.flag("--absolute", "Show absolute limits").flag("--rate", "Show rate limits").requiredMutuallyExclusive("--absolute", "--rate")
             .flag("--reserved", "Include reservations count [only valid with --absolute]");
        }
        int execute(OscContext ctx, ParseResult a) {
            if (a.flag("--rate")) {
                ctx.print(new Listing(List.of("Verb", "URI", "Value", "Remain", "Unit", "Next Available"), List.of()));
                return 0;
            }
            ComputeApi.QuotaView q = ctx.compute().quotas(ctx.token());
            List<List<Object>> rows = List.of(
                    List.of("maxServerMeta", 128), List.of("maxTotalInstances", q.limits().instances()),
                    List.of("maxPersonality", 5), List.of("totalServerGroupsUsed", 0), List.of("maxImageMeta", 128),
                    List.of("maxPersonalitySize", 10240), List.of("maxTotalRAMSize", q.limits().ram()),
                    List.of("maxServerGroups", 10), List.of("maxSecurityGroupRules", 20), List.of("maxTotalKeypairs", q.limits().keyPairs()),
                    List.of("totalCoresUsed", q.coresUsed()), List.of("totalRAMUsed", q.ramUsed()), List.of("maxSecurityGroups", 10),
                    List.of("totalFloatingIpsUsed", 0), List.of("totalInstancesUsed", q.instancesUsed()), List.of("maxServerGroupMembers", 10),
                    List.of("maxTotalFloatingIps", 10), List.of("totalSecurityGroupsUsed", 0), List.of("maxTotalCores", q.limits().cores()));
            ctx.print(new Listing(List.of("Name", "Value"), rows));
            return 0;
        }
    }

    static final class TokenIssue extends OscCommand {
        String name() { return "token issue"; }
        String description() { return "Issue new token"; }
        void arguments(ArgParser p) { }
        int execute(OscContext ctx, ParseResult a) {
            Keystone.Token t = ctx.cloud().keystone().tokens(ctx.token()).orElseThrow();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("expires", SimClock.isoZ(ctx.cloud().clock().instantAt(t.expiresAtMs())).replace("Z", "+0000"));
            m.put("id", t.id());
            m.put("project_id", t.projectId());
            m.put("user_id", t.userId());
            ctx.print(ShowOne.sorted(m));
            return 0;
        }
    }

    static final class ProjectList extends OscCommand {
        String name() { return "project list"; }
        String description() { return "List projects"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) { p.flag("--long", "List additional fields in output").flag("--my-projects", "List projects for the authenticated user. Supersedes other filters."); }
        int execute(OscContext ctx, ParseResult a) {
            List<List<Object>> rows = new ArrayList<>();
            Keystone ks = ctx.cloud().keystone();
            for (Keystone.Project p : ks.projects()) {
                if ((!ctx.isAdmin() || a.flag("--my-projects")) && ks.rolesOn(ctx.rc().userId(), p.id()).isEmpty()) continue;
                rows.add(List.of(p.id(), p.name()));
            }
            ctx.print(new Listing(List.of("ID", "Name"), rows));
            return 0;
        }
    }

    static final class UserList extends OscCommand {
        String name() { return "user list"; }
        String description() { return "List users"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) { p.flag("--long", "List additional fields in output"); }
        int execute(OscContext ctx, ParseResult a) {
            if (!ctx.isAdmin()) {
                throw new novalab.engine.common.CloudError(403, "Forbidden",
                        "You are not authorized to perform the requested action: identity:list_users.");
            }
            List<List<Object>> rows = new ArrayList<>();
            for (Keystone.User u : ctx.cloud().keystone().users()) rows.add(List.of(u.id(), u.name()));
            ctx.print(new Listing(List.of("ID", "Name"), rows));
            return 0;
        }
    }
}

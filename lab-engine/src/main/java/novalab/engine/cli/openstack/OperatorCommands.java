package novalab.engine.cli.openstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.api.ServerAction;
import novalab.engine.api.ServerView;
import novalab.engine.cli.ArgParser;
import novalab.engine.cli.Cell;
import novalab.engine.cli.ParseResult;
import novalab.engine.cli.ShowOne;
import novalab.engine.common.CloudError;
import novalab.engine.db.Aggregate;

/** The operator's write commands: aggregates (create, add/remove host, set, unset, delete) and cold migration. */
final class OperatorCommands {
    private OperatorCommands() {}

    private static final String AGGREGATES_URL = "http://controller:8774/v2.1/os-aggregates";

    /** openstacksdk's rendering of an API fault on {@code url}. */
    static OscError sdkError(CloudError e, String url) {
        String exception = switch (e.status()) {
            case 400 -> "BadRequestException";
            case 403 -> "ForbiddenException";
            case 404 -> "NotFoundException";
            case 409 -> "ConflictException";
            default -> "HttpException";
        };
        return new OscError(exception + ": " + e.status() + ": Client Error for url: " + url + ", " + e.getMessage());
    }

    /** A call into nova-api, its faults rendered as openstacksdk prints them. */
    static <T> T sdk(String url, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CloudError e) {
            if (e.status() == 0) throw e;
            throw sdkError(e, url);
        }
    }

    /** openstacksdk's {@code find_aggregate(ignore_missing=False)}: by id, else by name. */
    static Aggregate find(OscContext ctx, String key) {
        List<Aggregate> all = sdk(AGGREGATES_URL, () -> ctx.compute().aggregates(ctx.token()));
        return all.stream().filter(x -> String.valueOf(x.id()).equals(key)).findFirst()
                .or(() -> all.stream().filter(x -> x.name().equals(key) || x.uuid().equals(key)).findFirst())
                .orElseThrow(() -> new OscError("No Aggregate found for " + key));
    }

    /** The rows of aggregate create/add host/remove host (show drops {@code availability_zone} from the properties). */
    static ShowOne show(Aggregate g) { return show(g, false); }

    static ShowOne show(Aggregate g, boolean dropZone) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("availability_zone", g.availabilityZone().<Object>map(x -> x).orElse(Cell.NONE));
        m.put("created_at", g.createdAt());
        m.put("deleted_at", Cell.NONE);
        m.put("hosts", new Cell.Formatted(g.hosts(), String.join(", ", g.hosts())));
        m.put("id", g.id());
        m.put("is_deleted", false);
        m.put("name", g.name());
        Map<String, String> md = new LinkedHashMap<>(g.metadata());
        if (dropZone) md.remove("availability_zone");
        m.put("properties", FlavorCommands.properties(md));
        m.put("updated_at", Cell.NONE);
        m.put("uuid", g.uuid());
        return ShowOne.sorted(m);
    }

    private static Map<String, Optional<String>> properties(List<String> kvs) {
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        FlavorCommands.keyValues(kvs).forEach((k, v) -> out.put(k, Optional.of(v)));
        return out;
    }

    static final class AggregateCreate extends OscCommand {
        String name() { return "aggregate create"; }
        String description() { return "Create a new aggregate"; }
        void arguments(ArgParser p) {
            p.option("--zone", "<availability-zone>", "Availability zone name")
             .appendOption("--property", "<key=value>", "Property to add to this aggregate (repeat option to set multiple properties)")
             .positional("<name>", "New aggregate name");
        }
        int execute(OscContext ctx, ParseResult a) {
            Aggregate g = sdk(AGGREGATES_URL, () -> ctx.compute().createAggregate(ctx.token(), a.get("<name>"), a.opt("--zone")));
            if (!a.list("--property").isEmpty()) {
                g = sdk(AGGREGATES_URL + "/" + g.id() + "/action", () -> ctx.compute().updateAggregate(ctx.token(),
                        find(ctx, a.get("<name>")).id(), Optional.empty(), properties(a.list("--property"))));
            }
            ctx.print(show(g));
            return 0;
        }
    }

    static final class AggregateAddHost extends OscCommand {
        String name() { return "aggregate add host"; }
        String description() { return "Add host to aggregate"; }
        void arguments(ArgParser p) {
            p.positional("<aggregate>", "Aggregate (name or ID)").positional("<host>", "Host to add to <aggregate>");
        }
        int execute(OscContext ctx, ParseResult a) {
            Aggregate g = find(ctx, a.get("<aggregate>"));
            ctx.print(show(sdk(AGGREGATES_URL + "/" + g.id() + "/action",
                    () -> ctx.compute().addAggregateHost(ctx.token(), g.id(), a.get("<host>")))));
            return 0;
        }
    }

    static final class AggregateRemoveHost extends OscCommand {
        String name() { return "aggregate remove host"; }
        String description() { return "Remove host from aggregate"; }
        void arguments(ArgParser p) {
            p.positional("<aggregate>", "Aggregate (name or ID)").positional("<host>", "Host to remove from <aggregate>");
        }
        int execute(OscContext ctx, ParseResult a) {
            Aggregate g = find(ctx, a.get("<aggregate>"));
            ctx.print(show(sdk(AGGREGATES_URL + "/" + g.id() + "/action",
                    () -> ctx.compute().removeAggregateHost(ctx.token(), g.id(), a.get("<host>")))));
            return 0;
        }
    }

    static final class AggregateSet extends OscCommand {
        String name() { return "aggregate set"; }
        String description() { return "Set aggregate properties"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.option("--name", "<name>", "Set aggregate name")
             .option("--zone", "<availability-zone>", "Set availability zone name")
             .appendOption("--property", "<key=value>", "Property to set on <aggregate> (repeat option to set multiple properties)")
             .flag("--no-property", "Remove all properties from <aggregate> (specify both --property and --no-property to overwrite the current properties)")
             .positional("<aggregate>", "Aggregate to modify (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            Aggregate g = find(ctx, a.get("<aggregate>"));
            Map<String, Optional<String>> md = new LinkedHashMap<>();
            if (a.flag("--no-property")) {
                g.metadata().keySet().stream().filter(k -> !k.equals("availability_zone")).forEach(k -> md.put(k, Optional.empty()));
            }
            md.putAll(properties(a.list("--property")));
            a.opt("--zone").ifPresent(z -> md.put("availability_zone", Optional.of(z)));
            sdk(AGGREGATES_URL + "/" + g.id(), () -> ctx.compute().updateAggregate(ctx.token(), g.id(), a.opt("--name"), md));
            return 0;
        }
    }

    static final class AggregateUnset extends OscCommand {
        String name() { return "aggregate unset"; }
        String description() { return "Unset aggregate properties"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.appendOption("--property", "<key>", "Property to remove from aggregate (repeat option to remove multiple properties)")
             .positional("<aggregate>", "Aggregate to modify (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            Aggregate g = find(ctx, a.get("<aggregate>"));
            Map<String, Optional<String>> md = new LinkedHashMap<>();
            a.list("--property").forEach(k -> md.put(k, Optional.empty()));
            if (!md.isEmpty()) {
                sdk(AGGREGATES_URL + "/" + g.id() + "/action", () -> ctx.compute().updateAggregate(ctx.token(), g.id(), Optional.empty(), md));
            }
            return 0;
        }
    }

    static final class AggregateDelete extends OscCommand {
        String name() { return "aggregate delete"; }
        String description() { return "Delete existing aggregate(s)"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) { p.positionals("<aggregate>", "Aggregate(s) to delete (name or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            ctx.deleteEach(a.list("<aggregate>"), "aggregates", item -> {
                Aggregate g = find(ctx, item);
                sdk(AGGREGATES_URL + "/" + g.id(), () -> {
                    ctx.compute().deleteAggregate(ctx.token(), g.id());
                    return true;
                });
            }, (item, msg) -> "Failed to delete aggregate with name or ID '" + item + "': " + msg);
            return 0;
        }
    }

    /** {@code --os-compute-api-version} (or OS_COMPUTE_API_VERSION) as (major, minor); OSC's default is 2.1. */
    static int[] computeApiVersion(OscContext ctx) {
        String v = ctx.global("OS_COMPUTE_API_VERSION").orElse("2.1").trim();
        if (v.equalsIgnoreCase("latest")) return new int[] {2, 90};
        String[] parts = v.split("\\.");
        try {
            return new int[] {Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 0};
        } catch (NumberFormatException e) {
            throw new OscError("Invalid API version: " + v);
        }
    }

    static boolean atLeast(OscContext ctx, int minor) {
        int[] v = computeApiVersion(ctx);
        return v[0] > 2 || (v[0] == 2 && v[1] >= minor);
    }

    /** {@code wait_for_status}: polls every 5 s until one of {@code success} (true) or {@code error} (false). */
    static boolean waitFor(OscContext ctx, String id, List<String> success) {
        long waited = 0;
        while (waited < ServerCommands.WAIT_LIMIT_MS) {
            ServerView v = ctx.compute().server(ctx.token(), id);
            String s = v.status().toLowerCase();
            if (success.contains(s)) return true;
            if (s.equals("error")) return false;
            ctx.inv().control().sleep(5_000);
            waited += 5_000;
        }
        return false;
    }

    static final class ServerMigrate extends OscCommand {
        String name() { return "server migrate"; }
        String description() {
            return "Migrate server to different host.\n\nA migrate operation is implemented as a resize operation using the same flavor\n"
                    + "as the old server. This means that, like resize, migrate works by creating a\nnew server using the same flavor and "
                    + "copying the contents of the original disk\ninto a new one. As with resize, the migrate operation is a two-step "
                    + "process for\nthe user: the first step is to perform the migrate, and the second step is to\neither confirm (verify) "
                    + "success and release the old server, or to declare a\nrevert to release the new server and restart the old one.";
        }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.flag("--live-migration", "Live migrate the server; use the ``--host`` option to specify a target host for the migration which will be validated by the scheduler")
             .option("--host", "<hostname>", "Migrate the server to the specified host. (supported with --os-compute-api-version 2.30 or above when used with the --live-migration option) (supported with --os-compute-api-version 2.56 or above when used without the --live-migration option)")
             .flag("--shared-migration", "Perform a shared live migration (default before --os-compute-api-version 2.25, auto after)")
             .flag("--block-migration", "Perform a block live migration (auto-configured from --os-compute-api-version 2.25)")
             .mutuallyExclusive("--shared-migration", "--block-migration")
             .flag("--disk-overcommit", "Allow disk over-commit on the destination host(supported with --os-compute-api-version 2.24 or below)")
             .flag("--no-disk-overcommit", "Do not over-commit disk on the destination host (default)(supported with --os-compute-api-version 2.24 or below)")
             .mutuallyExclusive("--disk-overcommit", "--no-disk-overcommit")
             .flag("--wait", "Wait for migrate to complete")
             .positional("<server>", "Server (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            ServerView v = ctx.server(a.get("<server>"));
            if (a.flag("--live-migration")) {
                if (a.opt("--host").isPresent() && !atLeast(ctx, 30)) {
                    throw new OscError("--os-compute-api-version 2.30 or greater is required when using --host");
                }
                boolean block = a.flag("--block-migration") || (!a.flag("--shared-migration") && atLeast(ctx, 25));
                if (!block) {
                    ctx.compute().liveMigrateShared(ctx.token(), v.id(), a.opt("--host"));
                }
                throw new OscError("openstack: block live migration is not simulated in this lab; migrate the server cold "
                        + "(openstack server migrate without --live-migration) and confirm it.");
            }
            if (a.flag("--block-migration") || a.flag("--disk-overcommit")) {
                throw new OscError("--live-migration must be specified if --block-migration or --disk-overcommit is specified");
            }
            if (a.opt("--host").isPresent() && !atLeast(ctx, 56)) {
                throw new OscError("--os-compute-api-version 2.56 or greater is required to use --host without --live-migration.");
            }
            ctx.compute().migrateServer(ctx.token(), v.id(), a.opt("--host"));
            if (a.flag("--wait")) {
                if (!waitFor(ctx, v.id(), List.of("active", "verify_resize"))) throw new OscError("Error migrating server: " + v.id());
                ctx.out("Complete\n");
            }
            return 0;
        }
    }

    static final class ServerMigrationList extends OscCommand {
        String name() { return "server migration list"; }
        String description() { return "List server migrations"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.option("--server", "<server>", "Filter migrations by server (name or ID)")
             .option("--host", "<host>", "Filter migrations by source or destination host")
             .option("--status", "<status>", "Filter migrations by status")
             .option("--type", "<type>", "Filter migrations by type")
             .choices("--type", List.of("evacuation", "live-migration", "cold-migration", "resize"))
             .option("--marker", "<marker>", "The last migration of the previous page; displays list of migrations after 'marker'. Note that the marker is the migration UUID. (supported with --os-compute-api-version 2.59 or above)")
             .option("--limit", "<num-migrations>", "Maximum number of migrations to display. Note that there is a configurable max limit on the server, and the limit that is used will be the minimum of what is requested here and what is configured in the server. (supported with --os-compute-api-version 2.59 or above)")
             .option("--changes-since", "<changes-since>", "List only migrations changed later or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.59 or above)")
             .option("--changes-before", "<changes-before>", "List only migrations changed earlier or equal to a certain point of time. The provided time should be an ISO 8061 formatted time, e.g. ``2016-03-04T06:27:59Z``. (supported with --os-compute-api-version 2.66 or above)")
             .option("--project", "<project>", "Filter migrations by project (name or ID) (supported with --os-compute-api-version 2.80 or above)")
             .option("--user", "<user>", "Filter migrations by user (name or ID) (supported with --os-compute-api-version 2.80 or above)");
        }
        int execute(OscContext ctx, ParseResult a) {
            for (String[] opt : new String[][] {{"--marker", "2.59"}, {"--limit", "2.59"}, {"--changes-since", "2.59"},
                    {"--changes-before", "2.66"}, {"--project", "2.80"}, {"--user", "2.80"}}) {
                if (a.opt(opt[0]).isPresent() && !atLeast(ctx, Integer.parseInt(opt[1].substring(2)))) {
                    throw new OscError("--os-compute-api-version " + opt[1] + " or greater is required to support the " + opt[0] + " option");
                }
            }
            Optional<String> server = a.opt("--server").map(x -> ctx.server(x).id());
            List<List<Object>> rows = new java.util.ArrayList<>();
            for (var v : ctx.compute().migrations(ctx.token(), server, a.opt("--host"), a.opt("--status"))) {
                var m = v.migration();
                if (a.opt("--type").isPresent()) {
                    String type = m.migrationType().equals("migration") ? "cold-migration" : m.migrationType();
                    if (!type.equals(a.opt("--type").get())) continue;
                }
                rows.add(List.of(m.sourceCompute(), m.destCompute(), m.sourceCompute(), m.destCompute(), v.destHostIp(), m.status(),
                        m.instanceUuid(), v.flavorId(), v.flavorId(), m.createdAt(), m.updatedAt()));
            }
            ctx.print(new novalab.engine.cli.Listing(List.of("Source Node", "Dest Node", "Source Compute", "Dest Compute", "Dest Host",
                    "Status", "Server UUID", "Old Flavor", "New Flavor", "Created At", "Updated At"), rows));
            return 0;
        }
    }

    static final class ServerEventShow extends OscCommand {
        String name() { return "server event show"; }
        String description() { return "Show server event details.\n\nSpecify ``--os-compute-api-version 2.21`` or higher to show event details\n"
                + "for a deleted server, specified by ID only. Specify ``--os-compute-api-version 2.51``\nor higher to show event details "
                + "for non-admin users."; }
        void arguments(ArgParser p) {
            p.positional("<server>", "Server to show event details (name or ID)")
             .positional("<request-id>", "Request ID of the event to show (ID only)");
        }
        int execute(OscContext ctx, ParseResult a) {
            ServerView v = ctx.server(a.get("<server>"));
            var d = ctx.compute().serverAction(ctx.token(), v.id(), a.get("<request-id>"));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("action", d.action().action());
            if (d.withEvents()) {
                List<Map<String, Object>> raw = new java.util.ArrayList<>();
                StringBuilder text = new StringBuilder("[");
                for (var e : d.events()) {
                    Map<String, Object> ev = new LinkedHashMap<>();
                    ev.put("event", e.event());
                    ev.put("start_time", e.startTime());
                    ev.put("finish_time", e.finishTime().<Object>map(x -> x).orElse(null));
                    ev.put("result", e.finishTime().isPresent() ? e.result() : null);
                    ev.put("traceback", null);
                    raw.add(ev);
                    if (text.length() > 1) text.append(", ");
                    text.append("{'event': '").append(e.event()).append("', 'start_time': '").append(e.startTime()).append("', 'finish_time': ")
                            .append(e.finishTime().map(x -> "'" + x + "'").orElse("None")).append(", 'result': ")
                            .append(e.finishTime().isPresent() ? "'" + e.result() + "'" : "None").append(", 'traceback': None}");
                }
                m.put("events", new Cell.Formatted(raw, text.append("]").toString()));
            }
            m.put("instance_uuid", d.instanceUuid());
            m.put("message", d.action().message().<Object>map(x -> x).orElse(Cell.NONE));
            m.put("project_id", d.action().projectId());
            m.put("request_id", d.action().requestId());
            m.put("start_time", d.action().startTime());
            m.put("user_id", d.action().userId());
            ctx.print(ShowOne.sorted(m));
            return 0;
        }
    }

    /** {@code server migrate confirm} and {@code server resize confirm}: the same confirmResize action. */
    abstract static class ConfirmCmd extends OscCommand {
        Kind kind() { return Kind.PLAIN; }
        ServerAction action() { return ServerAction.CONFIRM_RESIZE; }
        void arguments(ArgParser p) { p.positional("<server>", "Server (name or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            ServerView v = ctx.server(a.get("<server>"));
            ctx.compute().action(ctx.token(), v.id(), action());
            return 0;
        }
    }

    static final class ServerMigrateRevert extends ConfirmCmd {
        String name() { return "server migrate revert"; }
        String description() { return "Revert server migration.\n\nRevert the migration operation. Release the new server and restart the old one."; }
        ServerAction action() { return ServerAction.REVERT_RESIZE; }
    }

    static final class ServerResizeRevert extends ConfirmCmd {
        String name() { return "server resize revert"; }
        String description() { return "Revert server resize.\n\nRevert the resize operation. Release the new server and restart the old one."; }
        ServerAction action() { return ServerAction.REVERT_RESIZE; }
    }

    static final class ServerMigrateConfirm extends ConfirmCmd {
        String name() { return "server migrate confirm"; }
        String description() { return "Confirm server migration.\n\nConfirm (verify) success of the migration operation and release the old server."; }
    }

    static final class ServerResizeConfirm extends ConfirmCmd {
        String name() { return "server resize confirm"; }
        String description() { return "Confirm server resize.\n\nConfirm (verify) success of resize operation and release the old server."; }
    }
}

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
import novalab.engine.compute.Flavor;

/** The {@code openstack flavor ...} commands (openstackclient/compute/v2/flavor.py). */
final class FlavorCommands {
    private FlavorCommands() {}

    /** {@code properties} as OSC formats a dict: {@code k='v', k2='v2'}. */
    static Cell.Formatted properties(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        m.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (sb.length() > 0) sb.append(", ");
            sb.append(e.getKey()).append("='").append(e.getValue()).append("'");
        });
        return new Cell.Formatted(new LinkedHashMap<>(m), sb.toString());
    }

    static ShowOne show(Flavor f, boolean withAccess, List<String> access) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("OS-FLV-DISABLED:disabled", f.disabled());
        m.put("OS-FLV-EXT-DATA:ephemeral", f.ephemeralGb());
        if (withAccess) m.put("access_project_ids", f.isPublic() ? Cell.NONE : new Cell.Formatted(access, String.join(", ", access)));
        m.put("description", f.description().isEmpty() ? Cell.NONE : f.description());
        m.put("disk", f.diskGb());
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("os-flavor-access:is_public", f.isPublic());
        m.put("properties", properties(f.extraSpecs()));
        m.put("ram", f.ramMb());
        m.put("rxtx_factor", f.rxtxFactor());
        m.put("swap", f.swapMb() == 0 ? "" : (Object) f.swapMb());
        m.put("vcpus", f.vcpus());
        return ShowOne.sorted(m);
    }

    static final class FlavorList extends OscCommand {
        String name() { return "flavor list"; }
        String description() { return "List flavors"; }
        Kind kind() { return Kind.LIST; }
        void arguments(ArgParser p) {
            p.flag("--public", "List only public flavors (default)")
             .flag("--private", "List only private flavors (admin only)")
             .flag("--all", "List all flavors, whether public or private (admin only)")
             .mutuallyExclusive("--public", "--private", "--all")
             .option("--min-disk", "<min-disk>", "Filters the flavors by a minimum disk space, in GiB.")
             .option("--min-ram", "<min-ram>", "Filters the flavors by a minimum RAM, in MiB.")
             .flag("--long", "List additional fields in output")
             .option("--marker", "<flavor-id>", "The last flavor ID of the previous page")
             .option("--limit", "<num-flavors>", "Maximum number of flavors to display.");
        }
        int execute(OscContext ctx, ParseResult a) {
            Optional<Boolean> filter = a.flag("--all") ? Optional.empty() : Optional.of(!a.flag("--private"));
            if (!ctx.isAdmin() && (a.flag("--all") || a.flag("--private"))) filter = Optional.of(true);
            boolean longer = a.flag("--long");
            List<String> cols = new ArrayList<>(List.of("ID", "Name", "RAM", "Disk", "Ephemeral", "VCPUs", "Is Public"));
            if (longer) cols.addAll(List.of("Swap", "RXTX Factor", "Properties"));
            List<List<Object>> rows = new ArrayList<>();
            for (Flavor f : ctx.compute().flavors(ctx.token(), filter)) {
                if (a.opt("--min-ram").map(v -> f.ramMb() < Integer.parseInt(v)).orElse(false)) continue;
                if (a.opt("--min-disk").map(v -> f.diskGb() < Integer.parseInt(v)).orElse(false)) continue;
                List<Object> r = new ArrayList<>(List.of(f.id(), f.name(), f.ramMb(), f.diskGb(), f.ephemeralGb(), f.vcpus(), f.isPublic()));
                if (longer) r.addAll(List.of(f.swapMb() == 0 ? "" : (Object) f.swapMb(), f.rxtxFactor(), properties(f.extraSpecs())));
                rows.add(r);
            }
            ctx.print(new Listing(cols, rows));
            return 0;
        }
    }

    static final class FlavorShow extends OscCommand {
        String name() { return "flavor show"; }
        String description() { return "Display flavor details"; }
        void arguments(ArgParser p) { p.positional("<flavor>", "Flavor to display (name or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            Flavor f = ctx.flavor(a.get("<flavor>"));
            ctx.print(show(f, true, f.isPublic() ? List.of() : ctx.compute().flavorAccess(ctx.token(), f.id())));
            return 0;
        }
    }

    static final class FlavorCreate extends OscCommand {
        String name() { return "flavor create"; }
        String description() { return "Create new flavor"; }
        void arguments(ArgParser p) {
            p.option("--id", "<id>", "Unique flavor ID; 'auto' creates a UUID (default: auto)")
             .intOption("--ram", "<size-mb>", "Memory size in MB (default 256M)")
             .intOption("--disk", "<size-gb>", "Disk size in GB (default 0G)")
             .intOption("--ephemeral", "<size-gb>", "Ephemeral disk size in GB (default 0G)")
             .intOption("--swap", "<size-mb>", "Additional swap space size in MB (default 0M)")
             .intOption("--vcpus", "<vcpus>", "Number of vcpus (default 1)")
             .option("--rxtx-factor", "<factor>", "RX/TX factor (default 1.0)")
             .flag("--public", "Flavor is available to other projects (default)")
             .flag("--private", "Flavor is not available to other projects")
             .mutuallyExclusive("--public", "--private")
             .appendOption("--property", "<key=value>", "Property to add for this flavor (repeat option to set multiple properties)")
             .option("--project", "<project>", "Allow <project> to access private flavor (name or ID) (Must be used with --private option)")
             .option("--description", "<description>", "Description for the flavor.(Supported by API versions '2.55' - '2.latest'")
             .option("--project-domain", "<project-domain>", "Domain the project belongs to (name or ID). This can be used in case collisions between project names exist.")
             .positional("<flavor-name>", "New flavor name");
        }
        int execute(OscContext ctx, ParseResult a) {
            if (a.opt("--project").isPresent() && !a.flag("--private")) {
                throw new OscError("--project is only allowed with --private");
            }
            double rxtx;
            try {
                rxtx = Double.parseDouble(a.opt("--rxtx-factor").orElse("1.0"));
            } catch (NumberFormatException e) {
                rxtx = 1.0;
            }
            Flavor f = ctx.compute().createFlavor(ctx.token(), new ComputeApi.FlavorCreate(a.get("<flavor-name>"), a.opt("--id"),
                    a.longOpt("--ram").map(Long::intValue).orElse(256), a.longOpt("--vcpus").map(Long::intValue).orElse(1), a.longOpt("--disk").map(Long::intValue).orElse(0),
                    a.longOpt("--ephemeral").map(Long::intValue).orElse(0), a.longOpt("--swap").map(Long::intValue).orElse(0), rxtx, !a.flag("--private"),
                    a.opt("--description").orElse("")));
            if (!a.list("--property").isEmpty()) f = ctx.compute().setFlavorExtraSpecs(ctx.token(), f.id(), keyValues(a.list("--property")));
            List<String> access = new ArrayList<>();
            if (a.opt("--project").isPresent()) {
                String pid = ctx.projectId(a.opt("--project").get());
                ctx.compute().addFlavorAccess(ctx.token(), f.id(), pid);
                access.add(pid);
            }
            ctx.print(show(f, false, access));
            return 0;
        }
    }

    static Map<String, String> keyValues(List<String> items) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : items) {
            int eq = kv.indexOf('=');
            if (eq < 0) throw new OscError("Invalid property '" + kv + "': expected key=value");
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    static final class FlavorDelete extends OscCommand {
        String name() { return "flavor delete"; }
        String description() { return "Delete flavor(s)"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) { p.positionals("<flavor>", "Flavor(s) to delete (name or ID)"); }
        int execute(OscContext ctx, ParseResult a) {
            ctx.deleteEach(a.list("<flavor>"), "flavors", n -> ctx.compute().deleteFlavor(ctx.token(), ctx.flavor(n).id()),
                    (n, msg) -> "Failed to delete flavor with name or ID '" + n + "': " + msg);
            return 0;
        }
    }

    static final class FlavorSet extends OscCommand {
        String name() { return "flavor set"; }
        String description() { return "Set flavor properties"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.flag("--no-property", "Remove all properties from this flavor (specify both --no-property and --property to remove the current properties before setting new properties.)")
             .appendOption("--property", "<key=value>", "Property to add or modify for this flavor (repeat option to set multiple properties)")
             .option("--project", "<project>", "Set flavor access to project (name or ID) (admin only)")
             .option("--description", "<description>", "Set description for the flavor.(Supported by API versions '2.55' - '2.latest'")
             .positional("<flavor>", "Flavor to modify (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            Flavor f = ctx.flavor(a.get("<flavor>"));
            if (a.flag("--no-property")) {
                for (String k : f.extraSpecs().keySet()) ctx.compute().unsetFlavorExtraSpec(ctx.token(), f.id(), k);
            }
            if (!a.list("--property").isEmpty()) ctx.compute().setFlavorExtraSpecs(ctx.token(), f.id(), keyValues(a.list("--property")));
            if (a.opt("--project").isPresent()) ctx.compute().addFlavorAccess(ctx.token(), f.id(), ctx.projectId(a.opt("--project").get()));
            return 0;
        }
    }

    static final class FlavorUnset extends OscCommand {
        String name() { return "flavor unset"; }
        String description() { return "Unset flavor properties"; }
        Kind kind() { return Kind.PLAIN; }
        void arguments(ArgParser p) {
            p.appendOption("--property", "<key>", "Property to remove from flavor (repeat option to unset multiple properties)")
             .positional("<flavor>", "Flavor to modify (name or ID)");
        }
        int execute(OscContext ctx, ParseResult a) {
            Flavor f = ctx.flavor(a.get("<flavor>"));
            for (String k : a.list("--property")) ctx.compute().unsetFlavorExtraSpec(ctx.token(), f.id(), k);
            return 0;
        }
    }
}

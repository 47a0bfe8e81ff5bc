package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** {@code az group create|show|list|delete}: resource groups, which exist only on the Azure side. */
final class GroupCommands {
    private GroupCommands() {}

    static List<AzCommand> all() { return List.of(new GroupCreate(), new GroupShow(), new GroupList(), new GroupDelete()); }

    static ObjectNode json(AzContext ctx, AzureRegistry.Group g) {
        ObjectNode o = AzOutput.object();
        o.put("id", ctx.groupId(g.name()));
        o.put("location", g.location());
        o.putNull("managedBy");
        o.put("name", g.name());
        o.putObject("properties").put("provisioningState", "Succeeded");
        o.putNull("tags");
        o.put("type", "Microsoft.Resources/resourceGroups");
        return o;
    }

    /** {@code location} validated against the lab's list of Azure regions (ARM's LocationNotAvailableForResourceGroup). */
    static String location(String loc) {
        String l = loc.toLowerCase().replace(" ", "");
        if (!VmCatalog.LOCATIONS.contains(l)) {
            throw AzError.arm("LocationNotAvailableForResourceGroup", "The provided location '" + loc
                    + "' is not available for resource group. List of available regions is '" + String.join(",", VmCatalog.LOCATIONS) + "'.", false);
        }
        return l;
    }

    static final class GroupCreate implements AzCommand {
        public String name() { return "group create"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("Create a new resource group.").required("--name -n --resource-group -g", "Name of the new resource group.")
                    .required("--location -l", "Location. Values from: `az account list-locations`.")
                    .many("--tags", "Space-separated tags: key[=value] [key[=value] ...].").one("--managed-by", "The ID of the resource that manages this resource group.");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            String loc = location(a.get("--location"));
            AzureRegistry.Group g = ctx.registry().group(a.get("--name"))
                    .orElseGet(() -> ctx.registry().putGroup(new AzureRegistry.Group(a.get("--name"), loc)));
            if (!g.location().equals(loc)) {
                throw AzError.arm("InvalidResourceGroupLocation", "Invalid resource group location '" + loc + "'. The Resource group already exists in location '"
                        + g.location() + "'.", false);
            }
            return Optional.of(json(ctx, g));
        }
    }

    static final class GroupShow implements AzCommand {
        public String name() { return "group show"; }

        public AzArgs.Spec spec() { return new AzArgs.Spec("Gets a resource group.").required("--name -n --resource-group -g", "Name of resource group."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) { return Optional.of(json(ctx, ctx.group(a.get("--name")))); }
    }

    static final class GroupList implements AzCommand {
        public String name() { return "group list"; }

        public AzArgs.Spec spec() { return new AzArgs.Spec("List resource groups.").many("--tag", "a single tag in 'key[=value]' format"); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            ArrayNode out = AzOutput.NODES.arrayNode();
            ctx.registry().groups().forEach(g -> out.add(json(ctx, g)));
            return Optional.of(out);
        }
    }

    /** Deletes the group and everything in it: its VMs (their Nova servers), public IPs (floating IPs), NSGs, keys. */
    static final class GroupDelete implements AzCommand {
        public String name() { return "group delete"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("Delete a resource group.").required("--name -n --resource-group -g", "Name of resource group.")
                    .flag("--yes -y", "Do not prompt for confirmation.").flag("--no-wait", "Do not wait for the long-running operation to finish.")
                    .one("--force-deletion-types -f", "The resource types you want to force delete.");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Group g = ctx.group(a.get("--name"));
            if (!Confirm.confirmed(ctx, a)) return Optional.empty();
            for (AzureRegistry.Vm vm : ctx.registry().vms()) {
                if (vm.group().equalsIgnoreCase(g.name()) && ctx.server(vm).isPresent()) VmPowerCommands.deleteVm(ctx, vm);
            }
            for (AzureRegistry.PublicIp p : ctx.registry().publicIps()) {
                if (!p.group().equalsIgnoreCase(g.name())) continue;
                try {
                    ctx.cloud().neutron().deleteFloatingIp(ctx.rc(), p.floatingIpId());
                } catch (novalab.engine.common.CloudError e) {
                    if (e.status() != 404) throw e;
                }
            }
            for (AzureRegistry.Nsg n : ctx.registry().nsgs()) {
                if (n.group().equalsIgnoreCase(g.name())) ctx.cloud().neutron().nsgs().delete(n.guid());
            }
            ctx.registry().removeGroup(g.name());
            return Optional.empty();
        }
    }
}

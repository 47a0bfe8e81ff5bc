package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import novalab.engine.api.ServerView;
import novalab.engine.network.Model.Port;

/** The JSON shapes of a VM: the ARM model ({@code vm show}), its {@code -d} details, {@code vm create}'s summary, and table transformers. */
final class VmViews {
    private VmViews() {}

    static final String VM_TYPE = "Microsoft.Compute/virtualMachines";

    static List<Port> ports(AzContext ctx, AzureRegistry.Vm vm) { return ctx.cloud().neutron().portsOfDevice(vm.serverId()); }

    static String mac(AzContext ctx, AzureRegistry.Vm vm) {
        return String.join(",", ports(ctx, vm).stream().map(p -> p.macAddress().toUpperCase().replace(':', '-')).toList());
    }

    static String privateIps(AzContext ctx, AzureRegistry.Vm vm) {
        return String.join(",", ports(ctx, vm).stream().map(Port::firstIp).toList());
    }

    static String publicIps(AzContext ctx, AzureRegistry.Vm vm) {
        List<String> out = new ArrayList<>();
        vm.publicIpName().flatMap(n -> ctx.registry().publicIp(vm.group(), n)).ifPresent(p -> out.add(p.address()));
        return String.join(",", out);
    }

    static ObjectNode model(AzContext ctx, AzureRegistry.Vm vm) {
        ObjectNode o = AzOutput.object();
        if (vm.bootDiagnostics()) {
            o.putObject("diagnosticsProfile").putObject("bootDiagnostics").put("enabled", true).putNull("storageUri");
        } else {
            o.putNull("diagnosticsProfile");
        }
        o.putObject("hardwareProfile").put("vmSize", vm.size()).putNull("vmSizeProperties");
        o.put("id", ctx.resourceId(vm.group(), VM_TYPE, vm.name()));
        o.putNull("identity");
        o.put("location", vm.location());
        o.put("name", vm.name());
        ObjectNode nic = o.putObject("networkProfile").putArray("networkInterfaces").addObject();
        nic.putNull("deleteOption");
        nic.put("id", ctx.resourceId(vm.group(), "Microsoft.Network/networkInterfaces", vm.name() + "VMNic"));
        nic.putNull("primary");
        nic.put("resourceGroup", vm.group());
        ObjectNode os = o.putObject("osProfile");
        os.putNull("adminPassword");
        os.put("adminUsername", vm.adminUsername());
        os.put("allowExtensionOperations", true);
        os.put("computerName", vm.name());
        ObjectNode linux = os.putObject("linuxConfiguration");
        linux.put("disablePasswordAuthentication", true);
        linux.put("provisionVmAgent", true);
        ArrayNode keys = linux.putObject("ssh").putArray("publicKeys");
        for (String k : vm.sshPublicKeys()) {
            keys.addObject().put("keyData", k).put("path", "/home/" + vm.adminUsername() + "/.ssh/authorized_keys");
        }
        os.put("requireGuestProvisionSignal", true);
        os.putArray("secrets");
        os.putNull("windowsConfiguration");
        o.put("provisioningState", "Succeeded");
        o.put("resourceGroup", vm.group());
        ObjectNode storage = o.putObject("storageProfile");
        storage.putArray("dataDisks");
        ObjectNode ref = storage.putObject("imageReference");
        String[] urn = vm.imageUrn().split(":");
        if (urn.length == 4) {
            ref.putNull("id").put("offer", urn[1]).put("publisher", urn[0]).put("sku", urn[2]).put("version", urn[3]);
        } else {
            ref.put("id", vm.imageUrn()).putNull("offer").putNull("publisher").putNull("sku").putNull("version");
        }
        ObjectNode disk = storage.putObject("osDisk");
        disk.put("caching", "ReadWrite").put("createOption", "FromImage").put("deleteOption", "Detach").put("diskSizeGb", 30)
                .put("name", vm.name() + "_OsDisk_1_" + vm.serverId().replace("-", "")).put("osType", "Linux");
        o.putNull("tags");
        o.put("timeCreated", vm.timeCreated());
        o.put("type", VM_TYPE);
        o.put("vmId", vm.serverId());
        o.putNull("zones");
        return o;
    }

    /** {@code vm show -d}: the model plus powerState, publicIps, privateIps, fqdns, macAddresses (comma-joined strings). */
    static ObjectNode details(AzContext ctx, AzureRegistry.Vm vm, ServerView v) {
        ObjectNode o = model(ctx, vm);
        o.put("fqdns", "");
        o.put("macAddresses", mac(ctx, vm));
        o.put("powerState", AzContext.powerState(v));
        o.put("privateIps", privateIps(ctx, vm));
        o.put("publicIps", publicIps(ctx, vm));
        return o;
    }

    /** azure-cli's {@code transform_vm} / {@code transform_vm_list}. */
    static JsonNode table(JsonNode r) {
        if (r.isArray()) {
            ArrayNode out = AzOutput.NODES.arrayNode();
            r.forEach(x -> out.add(tableRow(x)));
            return out;
        }
        return tableRow(r);
    }

    private static JsonNode tableRow(JsonNode vm) {
        ObjectNode row = AzOutput.object();
        row.set("Name", vm.path("name"));
        row.set("ResourceGroup", vm.path("resourceGroup"));
        if (vm.has("powerState")) {
            row.set("PowerState", vm.path("powerState"));
            row.set("PublicIps", vm.path("publicIps"));
            row.set("Fqdns", vm.path("fqdns"));
        }
        row.set("Location", vm.path("location"));
        row.put("Zones", vm.path("zones").isArray() ? String.join(",", toList(vm.path("zones"))) : "");
        return row;
    }

    private static List<String> toList(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }
}

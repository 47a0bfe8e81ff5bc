package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import novalab.engine.api.ComputeApi;
import novalab.engine.api.ServerCreate;
import novalab.engine.api.ServerView;
import novalab.engine.compute.Flavor;
import novalab.engine.crypto.NovaKeyPool;
import novalab.engine.crypto.SshKeyPair;
import novalab.engine.crypto.SshKeys;
import novalab.engine.image.Image;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Port;
import novalab.engine.network.NetworkSecurityGroups.SecurityRule;

/** {@code az vm list-sizes|image list|create|open-port|show|list|list-ip-addresses} and {@code az sshkey create}. */
final class VmCommands {
    private VmCommands() {}

    static List<AzCommand> all() {
        return List.of(new ListSizes(), new ImageList(), new Create(), new OpenPort(), new Show(), new VmList(), new ListIpAddresses(),
                new SshKeyCreate());
    }

    static AzArgs.Spec vmSpec(String summary) {
        return new AzArgs.Spec(summary).required("--name -n", "The name of the Virtual Machine.")
                .required("--resource-group -g", "Name of resource group.");
    }

    static final class ListSizes implements AzCommand {
        public String name() { return "vm list-sizes"; }

        public AzArgs.Spec spec() { return new AzArgs.Spec("List available sizes for VMs.").required("--location -l", "Location."); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            GroupCommands.location(a.get("--location"));
            ArrayNode out = AzOutput.NODES.arrayNode();
            VmCatalog.SIZES.forEach(s -> out.add(s.json()));
            return Optional.of(out);
        }
    }

    static final class ImageList implements AzCommand {
        public String name() { return "vm image list"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("List the VM/VMSS images available in the Azure Marketplace.").flag("--all", "Retrieve image list from live Azure service rather using an offline image list.")
                    .one("--publisher -p", "Image publisher.").one("--offer -f", "Image offer.").one("--sku -s", "Image sku.").one("--location -l", "Location.");
        }

        public boolean needsLogin() { return false; }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            ctx.warn("You are viewing an offline list of images, use --all to retrieve an up-to-date list");
            ArrayNode out = AzOutput.NODES.arrayNode();
            for (VmCatalog.Alias al : VmCatalog.ALIASES) {
                if (a.opt("--publisher").filter(p -> !al.publisher().toLowerCase().contains(p.toLowerCase())).isPresent()) continue;
                if (a.opt("--offer").filter(p -> !al.offer().toLowerCase().contains(p.toLowerCase())).isPresent()) continue;
                if (a.opt("--sku").filter(p -> !al.sku().toLowerCase().contains(p.toLowerCase())).isPresent()) continue;
                out.add(al.json());
            }
            return Optional.of(out);
        }
    }

    /** The reserved admin user names of azure-cli's validator. */
    static final List<String> RESERVED_USERS = List.of("administrator", "admin", "user", "user1", "test", "user2", "test1", "user3",
            "admin1", "1", "123", "a", "actuser", "adm", "admin2", "aspnet", "backup", "console", "guest", "owner", "root", "server",
            "sql", "support", "support_388945a0", "sys", "test2", "test3", "user4", "user5");

    /**
     * {@code az vm create}: a Nova server through ComputeApi.createServer (same scheduler, same hosts), its
     * key imported as a Nova key pair, a new {@code <vm>NSG} (rule default-allow-ssh, 1000) or the named
     * NSG on its NIC, and a {@code <vm>PublicIP} floating IP. Not supported: --count, --zone,
     * --custom-data, --admin-password, --vnet-name/--subnet (the VNet is the project network).
     */
    static final class Create implements AzCommand {
        public String name() { return "vm create"; }

        public AzArgs.Spec spec() {
            return vmSpec("Create an Azure Virtual Machine.").one("--image", "The name of the operating system image as a URN alias, URN, custom image name or ID.")
                    .one("--size", "The VM size to be created. See https://azure.microsoft.com/pricing/details/virtual-machines/ for size info.")
                    .one("--admin-username", "Username for the VM. Default value is current username of OS. If the default value is system reserved, then default value will be set to azureuser.")
                    .choice("--authentication-type", List.of("all", "password", "ssh"), "Type of authentication to use with the VM.")
                    .flag("--generate-ssh-keys", "Generate SSH public and private key files if missing. The keys will be stored in the ~/.ssh directory.")
                    .many("--ssh-key-values", "Space-separated list of SSH public keys or public key file paths.")
                    .one("--ssh-key-name", "Use it as public key in virtual machine. It should be an existing SSH key resource in Azure.")
                    .one("--nsg", "The name to use when creating a new Network Security Group (default) or referencing an existing one.")
                    .choice("--nsg-rule", List.of("NONE", "RDP", "SSH"), "NSG rule to create when creating a new NSG.")
                    .one("--public-ip-address", "Name of the public IP address when creating one (default) or referencing an existing one.")
                    .choice("--public-ip-sku", List.of("Basic", "Standard"), "Public IP SKU.")
                    .one("--location -l", "Location in which to create VM and related resources.")
                    .many("--tags", "Space-separated tags: key[=value] [key[=value] ...].")
                    .flag("--no-wait", "Do not wait for the long-running operation to finish.");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Group g = ctx.group(a.get("--resource-group"));
            String name = a.get("--name");
            if (!a.has("--image")) throw AzError.of("usage error: --image IMAGE | --attach-os-disk DISK");
            String location = a.opt("--location").map(GroupCommands::location).orElse(g.location());
            VmCatalog.Size size = VmCatalog.size(a.opt("--size").orElse(VmCatalog.DEFAULT_SIZE)).orElseThrow(() -> AzError.arm("InvalidParameter",
                    "The value " + a.get("--size") + " provided for the VM size is not valid. The valid sizes in the current region are: "
                            + String.join(",", VmCatalog.SIZES.stream().map(VmCatalog.Size::name).toList()) + ".", false));
            String imageArg = a.get("--image");
            Image image;
            String urn;
            Optional<VmCatalog.Alias> alias = VmCatalog.alias(imageArg);
            if (alias.isPresent()) {
                urn = alias.get().urn();
                image = alias.get().glanceName().flatMap(n -> ctx.cloud().glance().findByName(ctx.rc(), n).stream().findFirst())
                        .orElseThrow(() -> AzError.arm("PlatformImageNotFound", "The platform image '" + urn + "' is not available. Verify that all "
                                + "fields in the storage profile are correct. For more details about storage profile information, please refer to "
                                + "https://aka.ms/storageprofile", false));
            } else {
                Optional<Image> custom = ctx.cloud().glance().get(imageArg).filter(i -> ctx.cloud().glance().list(ctx.rc()).contains(i))
                        .or(() -> ctx.cloud().glance().findByName(ctx.rc(), imageArg).stream().findFirst());
                if (custom.isEmpty()) {
                    throw new AzError("Invalid image \"" + imageArg + "\". Use a valid image URN, custom image name, custom image id, VHD blob URI, "
                            + "or pick an image from " + VmCatalog.ALIASES.stream().map(x -> "'" + x.alias() + "'").toList() + ".", 1,
                            List.of("See vm create -h for more information on specifying an image."));
                }
                image = custom.get();
                urn = image.id();
            }
            String admin = a.opt("--admin-username").orElseGet(() -> RESERVED_USERS.contains(ctx.inv().node().user())
                    ? "azureuser" : ctx.inv().node().user());
            if (!admin.matches("[a-z_][a-z0-9_.-]*") || admin.length() > 64) {
                throw AzError.of("admin user name cannot contain upper case character A-Z, special characters \\/\"[]:|<>+=;,?*@#()! or start with $ or -");
            }
            if (RESERVED_USERS.contains(admin)) {
                throw AzError.of("This user name '" + admin + "' meets the general requirements, but is specifically disallowed for this image. Please try a different value.");
            }
            if (ctx.registry().vm(g.name(), name).filter(v -> ctx.server(v).isPresent()).isPresent()) {
                throw AzError.arm("PropertyChangeNotAllowed", "Changing property 'osProfile.adminUsername' is not allowed.", false);
            }
            List<String> keys = sshKeys(ctx, a, g);
            Flavor flavor = VmCatalog.flavorFor(size, image, ctx.cloud().compute().flavors(ctx.token(), Optional.empty()))
                    .orElseThrow(() -> AzError.arm("SkuNotAvailable", "The requested size for resource '" + ctx.resourceId(g.name(),
                            VmViews.VM_TYPE, name) + "' is currently not available in location '" + location + "'.", false));
            String keyName = importKey(ctx, g.name(), name, keys.get(0));
            // NSG: a new <vm>NSG with the SSH rule, the named one (created if missing), or none (--nsg "").
            Optional<AzureRegistry.Nsg> nsg = Optional.empty();
            String nsgName = a.opt("--nsg").orElse(name + "NSG");
            if (!nsgName.isEmpty()) {
                Optional<AzureRegistry.Nsg> existing = ctx.registry().nsg(g.name(), nsgName);
                if (existing.isPresent()) {
                    nsg = existing;
                } else {
                    AzureRegistry.Nsg created = NetworkCommands.create(ctx, g, nsgName, location);
                    String rule = a.opt("--nsg-rule").orElse("SSH");
                    if (!rule.equals("NONE")) {
                        boolean ssh = rule.equals("SSH");
                        NetworkCommands.putRule(ctx, created, new SecurityRule(ssh ? "default-allow-ssh" : "rdp", 1000, "Inbound", "Allow", "Tcp",
                                List.of("*"), List.of("*"), List.of("*"), List.of(ssh ? "22" : "3389"), ""));
                    }
                    nsg = Optional.of(created);
                }
            }
            ComputeApi.CreatedServer created = ctx.cloud().compute().createServer(ctx.token(), new ServerCreate(name, flavor.id(), image.id(),
                    Optional.of(keyName), List.of(), List.of(), Optional.empty(), 1, 1, Map.of(), Optional.empty()));
            String publicIpName = a.opt("--public-ip-address").orElse(name + "PublicIP");
            AzureRegistry.Vm vm = new AzureRegistry.Vm(name, g.name(), location, created.id(), size.name(), urn, admin, keyName, keys,
                    nsg.map(AzureRegistry.Nsg::name), publicIpName.isEmpty() ? Optional.empty() : Optional.of(publicIpName), false,
                    ctx.cloud().clock().isoMicro().replace("Z", "+00:00"));
            ctx.registry().putVm(vm);
            nsg.ifPresent(n -> ctx.cloud().neutron().nsgs().attach(created.id(), n.guid()));
            ServerView v = ctx.waitFor(created.id(), x -> x.status().equals("ACTIVE")).orElseThrow(() -> AzError.arm("OSProvisioningInternalError",
                    "OS Provisioning failed for VM '" + name + "' due to an internal error.", false));
            if (v.status().equals("ERROR")) {
                throw AzError.arm("AllocationFailed", "Allocation failed. We do not have sufficient capacity for the requested VM size in this region. "
                        + "Read more about improving likelihood of allocation success at http://aka.ms/allocation-guidance"
                        + v.fault().map(f -> " (Nova: " + f.message() + ")").orElse(""), false);
            }
            if (!publicIpName.isEmpty()) attachPublicIp(ctx, vm, publicIpName);
            if (a.flag("--no-wait")) return Optional.empty(); // the lab finishes the work; the CLI just does not report it
            ObjectNode out = AzOutput.object();
            out.put("fqdns", "");
            out.put("id", ctx.resourceId(g.name(), VmViews.VM_TYPE, name));
            out.put("location", location);
            out.put("macAddress", VmViews.mac(ctx, vm));
            out.put("powerState", AzContext.powerState(v));
            out.put("privateIpAddress", VmViews.privateIps(ctx, vm));
            out.put("publicIpAddress", VmViews.publicIps(ctx, vm));
            out.put("resourceGroup", g.name());
            out.put("zones", "");
            return Optional.of(out);
        }

        private static void attachPublicIp(AzContext ctx, AzureRegistry.Vm vm, String pipName) {
            List<Port> ports = VmViews.ports(ctx, vm);
            if (ports.isEmpty()) return;
            Optional<AzureRegistry.PublicIp> existing = ctx.registry().publicIp(vm.group(), pipName);
            FloatingIp fip = existing.map(p -> ctx.cloud().neutron().floatingIp(ctx.rc(), p.floatingIpId()))
                    .orElseGet(() -> ctx.cloud().neutron().createFloatingIp(ctx.rc(), "public", Optional.empty(), pipName));
            ctx.cloud().neutron().associate(ctx.rc(), fip.id(), ports.get(0).id(), Optional.empty());
            if (existing.isEmpty()) {
                ctx.registry().putPublicIp(new AzureRegistry.PublicIp(pipName, vm.group(), vm.location(), fip.id(), fip.address(), ctx.registry().uuid()));
            }
        }

        /** The public keys to install: --ssh-key-values (keys or files), --ssh-key-name, or ~/.ssh/id_rsa.pub (generated with --generate-ssh-keys). */
        private static List<String> sshKeys(AzContext ctx, AzArgs a, AzureRegistry.Group g) {
            List<String> out = new ArrayList<>();
            for (String v : a.list("--ssh-key-values")) out.add(keyValue(ctx, v));
            if (a.has("--ssh-key-name")) {
                AzureRegistry.SshKey k = ctx.registry().sshKey(g.name(), a.get("--ssh-key-name")).orElseThrow(() ->
                        AzError.resourceNotFound("Microsoft.Compute/sshPublicKeys", a.get("--ssh-key-name"), g.name()));
                out.add(k.publicKey());
            }
            if (out.isEmpty()) {
                String home = ctx.inv().node().home();
                String pub = home + "/.ssh/id_rsa.pub";
                if (!ctx.inv().fs().isFile(pub)) {
                    if (!a.flag("--generate-ssh-keys")) {
                        throw AzError.of("An RSA key file or key value must be supplied to SSH Key Value. You can use --generate-ssh-keys to let CLI generate one for you");
                    }
                    SshKeyPair kp = generated(ctx);
                    ctx.inv().fs().mkdirs(home + "/.ssh");
                    ctx.inv().fs().chmod(home + "/.ssh", 0700);
                    ctx.inv().fs().write(home + "/.ssh/id_rsa", kp.privateKeyPem(), 0600, ctx.inv().node().user());
                    ctx.inv().fs().write(pub, bare(kp.publicKeyLine()) + "\n", 0644, ctx.inv().node().user());
                    ctx.warn("SSH key files '" + home + "/.ssh/id_rsa' and '" + pub + "' have been generated under ~/.ssh to allow SSH access to the VM. "
                            + "If using machines without permanent storage, back up your keys to a safe location.");
                }
                out.add(keyValue(ctx, pub));
            }
            return out;
        }

        private static String keyValue(AzContext ctx, String v) {
            String text = v;
            if (!v.startsWith("ssh-")) {
                text = ctx.inv().fs().file(ctx.inv().path(v)).map(f -> f.content()).orElseThrow(() ->
                        AzError.of("An RSA key file or key value must be supplied to SSH Key Value. You can use --generate-ssh-keys to let CLI generate one for you"));
            }
            String line = text.trim();
            if (SshKeys.parsePublicKeyLine(line).isEmpty()) {
                throw AzError.of("An RSA key file or key value must be supplied to SSH Key Value. You can use --generate-ssh-keys to let CLI generate one for you");
            }
            return line;
        }
    }

    /** paramiko's 2048-bit RSA key as azure-cli writes it (PEM private key, public line without comment), from the lab's seeded pool. */
    static SshKeyPair generated(AzContext ctx) {
        return NovaKeyPool.pick(ctx.cloud().ids().nextInt(NovaKeyPool.size()), java.util.Set.of());
    }

    static String bare(String publicLine) {
        String[] p = publicLine.trim().split("\\s+");
        return p.length >= 2 ? p[0] + " " + p[1] : publicLine.trim();
    }

    /** The VM's key as a Nova key pair (Nova injects keys by key pair name), named {@code az-<group>-<vm>}. */
    static String importKey(AzContext ctx, String group, String vm, String publicKey) {
        String base = ("az-" + group + "-" + vm).replaceAll("[^a-zA-Z0-9 _.@-]", "_");
        String name = base;
        List<String> taken = ctx.cloud().compute().keyPairs(ctx.token()).stream().map(k -> k.name()).toList();
        for (int i = 2; taken.contains(name); i++) name = base + "-" + i;
        ctx.cloud().compute().createKeyPair(ctx.token(), name, Optional.of(publicKey), "ssh");
        return name;
    }

    /** {@code az vm open-port}: rule open-port-<ports> (priority 900 unless given) on the NSG of the VM's NIC, creating <vm>NSG if none. */
    static final class OpenPort implements AzCommand {
        public String name() { return "vm open-port"; }

        public AzArgs.Spec spec() {
            return vmSpec("Opens a VM to inbound traffic on specified ports.").required("--port", "The port or port range (ex: 80-100) to open inbound traffic to. Use '*' to allow traffic to all ports. Use comma separated values to specify more than one port or port range.")
                    .one("--priority", "Rule priority, between 100 (highest priority) and 4096 (lowest priority). Must be unique for each rule in the collection.")
                    .one("--nsg-name", "The name of the network security group to create if one does not exist. Ignored if an NSG already exists.")
                    .flag("--apply-to-subnet", "Allow inbound traffic on the subnet instead of the NIC").flag("--no-wait", "Do not wait for the long-running operation to finish.");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Vm vm = ctx.vm(a.get("--resource-group"), a.get("--name"));
            int priority = a.integer("--priority", "--priority").orElse(900);
            String port = a.get("--port");
            List<String> ranges = List.of(port.split(","));
            for (String r : ranges) NetworkCommands.validPort(r.trim());
            AzureRegistry.Nsg nsg = vm.nsgName().flatMap(n -> ctx.registry().nsg(vm.group(), n)).orElseGet(() -> {
                AzureRegistry.Group g = ctx.group(vm.group());
                String n = a.opt("--nsg-name").orElse(vm.name() + "NSG");
                AzureRegistry.Nsg created = ctx.registry().nsg(g.name(), n).orElseGet(() -> NetworkCommands.create(ctx, g, n, vm.location()));
                ctx.registry().putVm(vm.withNsg(created.name()));
                ctx.cloud().neutron().nsgs().attach(vm.serverId(), created.guid());
                return created;
            });
            String ruleName = port.equals("*") ? "open-port-all" : "open-port-" + port.replace(",", "_");
            NetworkCommands.putRule(ctx, nsg, new SecurityRule(ruleName, priority, "Inbound", "Allow", "*", List.of("*"), List.of("*"),
                    List.of("*"), ranges.stream().map(String::trim).toList(), ""));
            return Optional.of(NetworkCommands.nsgJson(ctx, nsg));
        }
    }

    static final class Show implements AzCommand {
        public String name() { return "vm show"; }

        public AzArgs.Spec spec() { return vmSpec("Get the details of a VM.").flag("--show-details -d", "Show public ip address, FQDN, and power states. command will run slow"); }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Vm vm = ctx.vm(a.get("--resource-group"), a.get("--name"));
            if (!a.flag("--show-details")) return Optional.of(VmViews.model(ctx, vm));
            return Optional.of(VmViews.details(ctx, vm, ctx.server(vm).orElseThrow()));
        }

        public Optional<Function<JsonNode, JsonNode>> tableTransformer(AzArgs a) { return Optional.of(VmViews::table); }
    }

    static final class VmList implements AzCommand {
        public String name() { return "vm list"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("List details of Virtual Machines.").one("--resource-group -g", "Name of resource group.")
                    .flag("--show-details -d", "Show public ip address, FQDN, and power states. command will run slow").flag("--all", "List all VMs.");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            Optional<String> g = a.opt("--resource-group").map(n -> n.equalsIgnoreCase(ctx.rc().projectName()) ? ctx.rc().projectName() : ctx.group(n).name());
            ArrayNode out = AzOutput.NODES.arrayNode();
            for (AzureRegistry.Vm vm : ctx.allVms()) {
                if (g.isPresent() && !vm.group().equals(g.get())) continue;
                Optional<ServerView> v = ctx.server(vm);
                if (v.isEmpty()) continue;
                out.add(a.flag("--show-details") ? VmViews.details(ctx, vm, v.get()) : VmViews.model(ctx, vm));
            }
            return Optional.of(out);
        }

        public Optional<Function<JsonNode, JsonNode>> tableTransformer(AzArgs a) { return Optional.of(VmViews::table); }
    }

    static final class ListIpAddresses implements AzCommand {
        public String name() { return "vm list-ip-addresses"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("List IP addresses associated with a VM.").one("--name -n", "The name of the Virtual Machine.")
                    .one("--resource-group -g", "Name of resource group.");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            ArrayNode out = AzOutput.NODES.arrayNode();
            List<AzureRegistry.Vm> vms = new ArrayList<>();
            if (a.has("--name") && a.has("--resource-group")) vms.add(ctx.vm(a.get("--resource-group"), a.get("--name")));
            else {
                ctx.registry().vms().stream().filter(v -> ctx.server(v).isPresent())
                        .filter(v -> a.opt("--resource-group").map(rg -> rg.equalsIgnoreCase(v.group())).orElse(true))
                        .filter(v -> a.opt("--name").map(n -> n.equalsIgnoreCase(v.name())).orElse(true)).forEach(vms::add);
            }
            for (AzureRegistry.Vm vm : vms) {
                ObjectNode vmNode = out.addObject().putObject("virtualMachine");
                vmNode.put("name", vm.name());
                ObjectNode net = vmNode.putObject("network");
                ArrayNode priv = net.putArray("privateIpAddresses");
                VmViews.ports(ctx, vm).forEach(p -> priv.add(p.firstIp()));
                ArrayNode pub = net.putArray("publicIpAddresses");
                vm.publicIpName().flatMap(n -> ctx.registry().publicIp(vm.group(), n)).ifPresent(p -> pub.addObject()
                        .put("id", ctx.resourceId(p.group(), "Microsoft.Network/publicIPAddresses", p.name())).put("ipAddress", p.address())
                        .put("ipAllocationMethod", "Static").put("name", p.name()).put("resourceGroup", p.group()).putNull("zone"));
                vmNode.put("resourceGroup", vm.group());
            }
            return Optional.of(out);
        }

        public Optional<Function<JsonNode, JsonNode>> tableTransformer(AzArgs a) {
            return Optional.of(r -> {
                ArrayNode rows = AzOutput.NODES.arrayNode();
                for (JsonNode x : r) {
                    JsonNode vm = x.path("virtualMachine");
                    List<String> pubs = new ArrayList<>();
                    vm.path("network").path("publicIpAddresses").forEach(p -> pubs.add(p.path("ipAddress").asText()));
                    List<String> privs = new ArrayList<>();
                    vm.path("network").path("privateIpAddresses").forEach(p -> privs.add(p.asText()));
                    rows.addObject().put("VirtualMachine", vm.path("name").asText()).put("PublicIPAddresses", String.join(",", pubs))
                            .put("PrivateIPAddresses", String.join(",", privs));
                }
                return rows;
            });
        }
    }

    /** {@code az sshkey create}: stores a given public key, or generates a pair into ~/.ssh/<epoch>_<fraction>. */
    static final class SshKeyCreate implements AzCommand {
        public String name() { return "sshkey create"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("Create a new SSH public key resource.").required("--name -n", "The name of the SSH public key.")
                    .required("--resource-group -g", "Name of resource group.").one("--location -l", "Location.")
                    .one("--public-key", "SSH public key used to authenticate to a virtual machine through ssh.")
                    .many("--tags", "Space-separated tags: key[=value] [key[=value] ...].");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Group g = ctx.group(a.get("--resource-group"));
            String location = a.opt("--location").map(GroupCommands::location).orElse(g.location());
            String key;
            if (a.has("--public-key")) {
                String v = a.get("--public-key");
                key = v.startsWith("@") ? ctx.inv().fs().file(ctx.inv().path(v.substring(1))).map(f -> f.content().trim())
                        .orElseThrow(() -> AzError.of("[Errno 2] No such file or directory: '" + v.substring(1) + "'")) : v.trim();
                if (SshKeys.parsePublicKeyLine(key).isEmpty()) {
                    throw AzError.arm("InvalidParameter", "The value of parameter publicKey is invalid.", false);
                }
            } else {
                SshKeyPair kp = generated(ctx);
                key = bare(kp.publicKeyLine()) + " generated-by-azure";
                long ms = ctx.cloud().clock().instant().toEpochMilli(); // python's time.time(), '.' → '_'

                String file = ctx.inv().node().home() + "/.ssh/" + ms / 1000 + "_" + String.format("%06d", (ms % 1000) * 1000);
                ctx.inv().fs().mkdirs(ctx.inv().node().home() + "/.ssh");
                ctx.inv().fs().write(file, kp.privateKeyPem(), 0600, ctx.inv().node().user());
                ctx.inv().fs().write(file + ".pub", key + "\n", 0644, ctx.inv().node().user());
                ctx.warn("No public key is provided. A key pair is being generated for you.");
                ctx.warn("Private key is saved to \"" + file + "\".");
                ctx.warn("Public key is saved to \"" + file + ".pub\".");
            }
            ctx.registry().putSshKey(new AzureRegistry.SshKey(a.get("--name"), g.name(), location, key));
            ObjectNode o = AzOutput.object();
            o.put("id", ctx.resourceId(g.name().toUpperCase(), "Microsoft.Compute/sshPublicKeys", a.get("--name")));
            o.put("location", location);
            o.put("name", a.get("--name"));
            o.put("publicKey", key);
            o.put("resourceGroup", g.name().toUpperCase());
            o.putNull("tags");
            o.putNull("type");
            return Optional.of(o);
        }
    }
}

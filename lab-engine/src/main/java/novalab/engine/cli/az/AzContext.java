package novalab.engine.cli.az;

import java.util.Optional;
import java.util.function.Predicate;
import novalab.engine.Cloud;
import novalab.engine.api.ServerView;
import novalab.engine.common.CloudError;
import novalab.engine.identity.Keystone;
import novalab.engine.identity.RequestContext;
import novalab.engine.shell.Invocation;

/**
 * What an {@code az} command runs with: the cloud's APIs, the Azure registry, the signed-in account
 * (a Keystone token for the scenario's project user, issued per command as the CLI refreshes its ARM
 * token), the streams, and ARM's id and lookup helpers with their error texts.
 */
final class AzContext {
    /** How long a long-running operation polls before giving up (simulated ms). */
    static final long LRO_LIMIT_MS = 1_800_000L;
    static final long POLL_MS = 5_000L;

    private final Cloud cloud;
    private final Invocation inv;
    private final AzureRegistry registry;
    private final boolean quiet;
    private Optional<String> token = Optional.empty();

    AzContext(Cloud cloud, Invocation inv, AzureRegistry registry, boolean quiet) {
        this.cloud = cloud;
        this.inv = inv;
        this.registry = registry;
        this.quiet = quiet;
    }

    Cloud cloud() { return cloud; }

    Invocation inv() { return inv; }

    AzureRegistry registry() { return registry; }

    /** The Keystone token behind the Azure account. */
    String token() {
        if (token.isEmpty()) {
            Keystone ks = cloud.keystone();
            Keystone.User u = ks.domainByName("Default").flatMap(d -> ks.userByName(AzureRegistry.KEYSTONE_USER, d.id()))
                    .orElseThrow(() -> AzError.of("Please run 'az login' to setup account."));
            token = Optional.of(ks.authenticate(u.name(), "Default", u.password(), AzureRegistry.KEYSTONE_PROJECT, "Default").id());
        }
        return token.get();
    }

    RequestContext rc() { return cloud.keystone().validate(token()); }

    /** {@code WARNING: …} on stderr (knack's logger), unless {@code --only-show-errors}. */
    void warn(String message) {
        if (!quiet) inv.errln("WARNING: " + message);
    }

    // ----- ARM ids -----

    String subscriptionPath() { return "/subscriptions/" + registry.subscriptionId(); }

    String groupId(String group) { return subscriptionPath() + "/resourceGroups/" + group; }

    String resourceId(String group, String type, String name) {
        return groupId(group) + "/providers/" + type + "/" + name;
    }

    /** The resource group as stored (ARM keeps the creator's spelling), or ResourceGroupNotFound (exit 3). */
    AzureRegistry.Group group(String name) {
        return registry.group(name).orElseThrow(() -> AzError.groupNotFound(name));
    }

    /**
     * Every VM the account can see: those made with {@code az vm create}, and the project's other Nova
     * servers (made with {@code openstack} or {@code aws ec2}), shown in a resource group named after
     * the Keystone project, since it is one cloud whatever the dialect.
     */
    java.util.List<AzureRegistry.Vm> allVms() {
        java.util.List<AzureRegistry.Vm> out = new java.util.ArrayList<>(registry.vms());
        java.util.Set<String> known = new java.util.HashSet<>();
        out.forEach(v -> known.add(v.serverId()));
        String group = rc().projectName();
        for (ServerView v : cloud.compute().servers(token(), novalab.engine.api.ComputeApi.ServerFilter.none())) {
            if (known.contains(v.id()) || v.status().equals("DELETED")) continue;
            String user = cloud.glance().get(v.imageId()).map(i -> i.defaultUser()).orElse("root");
            out.add(new AzureRegistry.Vm(v.name(), group, "eastus", v.id(), v.flavorName(), v.imageName(), user,
                    v.keyName(), java.util.List.of(), Optional.empty(), Optional.empty(), false, v.created()));
        }
        return out;
    }

    AzureRegistry.Vm vm(String group, String name) {
        if (registry.group(group).isEmpty() && group.equalsIgnoreCase(rc().projectName())) {
            return allVms().stream().filter(v -> v.group().equals(rc().projectName()) && v.name().equals(name)).findFirst()
                    .orElseThrow(() -> AzError.resourceNotFound("Microsoft.Compute/virtualMachines", name, group));
        }
        AzureRegistry.Group g = group(group);
        Optional<AzureRegistry.Vm> vm = registry.vm(g.name(), name);
        if (vm.isEmpty() || server(vm.get()).isEmpty()) {
            throw AzError.resourceNotFound("Microsoft.Compute/virtualMachines", name, g.name());
        }
        return vm.get();
    }

    /** The Nova server behind a VM (empty once it is gone, e.g. deleted with openstack). */
    Optional<ServerView> server(AzureRegistry.Vm vm) {
        try {
            ServerView v = cloud.compute().server(token(), vm.serverId());
            return v.status().equals("DELETED") ? Optional.empty() : Optional.of(v);
        } catch (CloudError e) {
            if (e.status() == 404) return Optional.empty();
            throw e;
        }
    }

    /** Polls the server (as the CLI polls a long-running operation) until {@code done}; empty if it disappeared. */
    Optional<ServerView> waitFor(String serverId, Predicate<ServerView> done) {
        long waited = 0;
        while (true) {
            Optional<ServerView> v;
            try {
                v = Optional.of(cloud.compute().server(token(), serverId));
            } catch (CloudError e) {
                if (e.status() == 404) return Optional.empty();
                throw e;
            }
            if (v.get().status().equals("DELETED")) return Optional.empty();
            if (done.test(v.get()) || v.get().status().equals("ERROR")) return v;
            if (waited >= LRO_LIMIT_MS) {
                throw AzError.of("(OperationTimedOut) The operation did not finish in " + LRO_LIMIT_MS / 60_000
                        + " simulated minutes: the Nova server " + serverId + " is still " + v.get().status()
                        + ". Check the nova services (openstack compute service list).");
            }
            inv.control().sleep(POLL_MS);
            waited += POLL_MS;
        }
    }

    /** Azure's power state display string for a Nova server's status. */
    static String powerState(ServerView v) {
        return switch (v.status()) {
            case "ACTIVE" -> "VM running";
            case "BUILD" -> "VM starting";
            case "SHUTOFF" -> "VM stopped";
            case "SHELVED_OFFLOADED" -> "VM deallocated";
            case "SHELVED" -> "VM deallocating";
            case "REBOOT", "HARD_REBOOT" -> "VM starting";
            default -> "VM " + v.status().toLowerCase().replace('_', ' ');
        };
    }
}

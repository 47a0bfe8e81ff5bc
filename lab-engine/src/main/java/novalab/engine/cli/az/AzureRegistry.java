package novalab.engine.cli.az;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.common.Ids;

/**
 * The Azure side of one cloud, held by the Cloud: the signed-in account, resource groups, and the
 * ARM names of resources whose substance lives in the shared engine (a VM is a Nova server, a public
 * IP a Neutron floating IP, an NSG a {@link novalab.engine.network.NetworkSecurityGroups} group, an
 * SSH public key a string). Names are case-insensitive within a group, as in ARM; ids come from the
 * cloud's seeded {@link Ids}.
 */
public final class AzureRegistry {
    /** The Keystone identity the simulated Azure account acts as (the scenario's project user). */
    static final String KEYSTONE_USER = "nebula_admin";
    static final String KEYSTONE_PROJECT = "nebula_prod";
    static final String SUBSCRIPTION_NAME = "Nebula Inc. Lab";

    private final Ids ids;
    private Optional<String> subscriptionId = Optional.empty();
    private Optional<String> tenantId = Optional.empty();
    private boolean loggedIn;
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Map<String, Vm> vms = new LinkedHashMap<>();
    private final Map<String, Nsg> nsgs = new LinkedHashMap<>();
    private final Map<String, PublicIp> publicIps = new LinkedHashMap<>();
    private final Map<String, SshKey> sshKeys = new LinkedHashMap<>();

    public AzureRegistry(Ids ids) {
        this.ids = ids;
    }

    record Group(String name, String location) {}

    /** An ARM VM over the Nova server {@code serverId}; {@code nsgGuid} is the NSG on its NIC, if any. */
    record Vm(String name, String group, String location, String serverId, String size, String imageUrn,
              String adminUsername, String keyPairName, List<String> sshPublicKeys, Optional<String> nsgName,
              Optional<String> publicIpName, boolean bootDiagnostics, String timeCreated) {
        Vm {
            sshPublicKeys = List.copyOf(sshPublicKeys);
        }

        Vm withBootDiagnostics(boolean on) {
            return new Vm(name, group, location, serverId, size, imageUrn, adminUsername, keyPairName, sshPublicKeys, nsgName,
                    publicIpName, on, timeCreated);
        }

        Vm withNsg(String nsg) {
            return new Vm(name, group, location, serverId, size, imageUrn, adminUsername, keyPairName, sshPublicKeys,
                    Optional.of(nsg), publicIpName, bootDiagnostics, timeCreated);
        }
    }

    record Nsg(String name, String group, String location, String guid) {}

    record PublicIp(String name, String group, String location, String floatingIpId, String address, String guid) {}

    record SshKey(String name, String group, String location, String publicKey) {}

    private static String key(String group, String name) { return (group + "/" + name).toLowerCase(); }

    // ----- account -----

    boolean loggedIn() { return loggedIn; }

    void login() {
        if (subscriptionId.isEmpty()) {
            subscriptionId = Optional.of(ids.uuid());
            tenantId = Optional.of(ids.uuid());
        }
        loggedIn = true;
    }

    void logout() { loggedIn = false; }

    String subscriptionId() { return subscriptionId.orElse(""); }

    String tenantId() { return tenantId.orElse(""); }

    String uuid() { return ids.uuid(); }

    String hex(int n) { return ids.hex(n); }

    /** The admin username {@code az vm create} gave the VM over this Nova server (its login user), if it is an Azure VM. */
    public Optional<String> adminUsernameOf(String serverId) {
        return vms.values().stream().filter(v -> v.serverId().equals(serverId)).map(Vm::adminUsername).findFirst();
    }

    // ----- resource groups -----

    Optional<Group> group(String name) { return Optional.ofNullable(groups.get(name.toLowerCase())); }

    Group putGroup(Group g) {
        groups.put(g.name().toLowerCase(), g);
        return g;
    }

    List<Group> groups() { return List.copyOf(groups.values()); }

    void removeGroup(String name) {
        groups.remove(name.toLowerCase());
        String prefix = name.toLowerCase() + "/";
        vms.keySet().removeIf(k -> k.startsWith(prefix));
        nsgs.keySet().removeIf(k -> k.startsWith(prefix));
        publicIps.keySet().removeIf(k -> k.startsWith(prefix));
        sshKeys.keySet().removeIf(k -> k.startsWith(prefix));
    }

    // ----- resources -----

    Optional<Vm> vm(String group, String name) { return Optional.ofNullable(vms.get(key(group, name))); }

    void putVm(Vm vm) { vms.put(key(vm.group(), vm.name()), vm); }

    void removeVm(Vm vm) { vms.remove(key(vm.group(), vm.name())); }

    List<Vm> vms() { return new ArrayList<>(vms.values()); }

    Optional<Nsg> nsg(String group, String name) { return Optional.ofNullable(nsgs.get(key(group, name))); }

    void putNsg(Nsg n) { nsgs.put(key(n.group(), n.name()), n); }

    List<Nsg> nsgs() { return List.copyOf(nsgs.values()); }

    Optional<PublicIp> publicIp(String group, String name) { return Optional.ofNullable(publicIps.get(key(group, name))); }

    void putPublicIp(PublicIp p) { publicIps.put(key(p.group(), p.name()), p); }

    List<PublicIp> publicIps() { return List.copyOf(publicIps.values()); }

    Optional<SshKey> sshKey(String group, String name) { return Optional.ofNullable(sshKeys.get(key(group, name))); }

    void putSshKey(SshKey k) { sshKeys.put(key(k.group(), k.name()), k); }
}

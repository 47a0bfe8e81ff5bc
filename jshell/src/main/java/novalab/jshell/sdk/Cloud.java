package novalab.jshell.sdk;

import java.util.List;

/**
 * Your sandbox cloud, as openstacksdk's {@code Connection} shows it: {@code cloud.flavors()}, {@code cloud.images()},
 * {@code cloud.networks()}, {@code cloud.hypervisors()} list; {@code cloud.servers()}, {@code cloud.keypairs()},
 * {@code cloud.securityGroups()} and {@code cloud.scheduler()} are the nouns with more verbs. Every call is one or a
 * few API requests, recorded in your history like a typed command.
 */
public final class Cloud {
    private static final Cloud PROJECT = new Cloud("nebula", "");
    private static final Cloud ADMIN = new Cloud("admin", "/@admin");
    private final String name;
    private final String prefix;
    private final Servers servers;
    private final Keypairs keypairs;
    private final SecurityGroups securityGroups;
    private final Scheduler scheduler;

    private Cloud(String name, String prefix) {
        this.name = name;
        this.prefix = prefix;
        this.servers = new Servers(this);
        this.keypairs = new Keypairs(this);
        this.securityGroups = new SecurityGroups(this);
        this.scheduler = new Scheduler(this);
    }

    /** The playground's {@code cloud} variable: your project ({@code nebula_prod}, as {@code source nebula-openrc.sh}). */
    public static Cloud connect() { return PROJECT; }

    /**
     * A cloud by its {@code clouds.yaml} name, as {@code openstack.connect(cloud=...)}: {@code "nebula"} (your project) or
     * {@code "admin"} (the cloud administrator, as {@code source admin-openrc.sh}; needed for {@code hypervisors()}).
     */
    public static Cloud connect(String cloudName) {
        return switch (cloudName) {
            case "nebula" -> PROJECT;
            case "admin" -> ADMIN;
            default -> throw new IllegalArgumentException("No cloud named '" + cloudName
                    + "': use \"nebula\" (your project) or \"admin\" (the administrator, like source admin-openrc.sh).");
        };
    }

    String prefix() { return prefix; }

    public List<Flavor> flavors() {
        return Json.list(Api.get(this, "/compute/v2.1/flavors/detail"), "flavors").stream().map(Flavor::of).toList();
    }

    public List<Image> images() {
        return Json.list(Api.get(this, "/image/v2/images"), "images").stream().map(Image::of).toList();
    }

    public List<Network> networks() {
        return Json.list(Api.get(this, "/network/v2.0/networks"), "networks").stream().map(Network::of).toList();
    }

    public List<Hypervisor> hypervisors() {
        return Json.list(Api.get(this, "/compute/v2.1/os-hypervisors/detail"), "hypervisors").stream().map(Hypervisor::of).toList();
    }

    public Servers servers() { return servers; }

    public Keypairs keypairs() { return keypairs; }

    public SecurityGroups securityGroups() { return securityGroups; }

    public Scheduler scheduler() { return scheduler; }

    @Override
    public String toString() {
        return "Cloud[" + name + ": flavors() images() networks() hypervisors() servers() keypairs() securityGroups() scheduler()]";
    }

    /** The id of the item called {@code nameOrId} (by id first, then by unique name), or a clear error. */
    static String resolve(String kind, String nameOrId, List<String[]> idAndName) {
        for (String[] x : idAndName) if (x[0].equals(nameOrId)) return x[0];
        String found = null;
        for (String[] x : idAndName) {
            if (x[1].equals(nameOrId)) {
                if (found != null) throw new IllegalArgumentException("More than one " + kind + " is called " + nameOrId + "; use its id.");
                found = x[0];
            }
        }
        if (found == null) throw new IllegalArgumentException("No " + kind + " with a name or ID of '" + nameOrId + "' exists.");
        return found;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}

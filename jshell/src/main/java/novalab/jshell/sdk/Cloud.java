package novalab.jshell.sdk;

import java.util.List;

/**
 * Your sandbox cloud, as openstacksdk's {@code Connection} shows it: {@code cloud.flavors()}, {@code cloud.images()},
 * {@code cloud.networks()}, {@code cloud.hypervisors()} list; {@code cloud.servers()}, {@code cloud.keypairs()},
 * {@code cloud.securityGroups()} and {@code cloud.scheduler()} are the nouns with more verbs. Every call is one or a
 * few API requests, recorded in your history like a typed command.
 */
public final class Cloud {
    private static final Cloud CLOUD = new Cloud();

    private Cloud() {}

    /** The playground's {@code cloud} variable. */
    public static Cloud connect() { return CLOUD; }

    public List<Flavor> flavors() {
        return Json.list(Api.get("/compute/v2.1/flavors/detail"), "flavors").stream().map(Flavor::of).toList();
    }

    public List<Image> images() {
        return Json.list(Api.get("/image/v2/images"), "images").stream().map(Image::of).toList();
    }

    public List<Network> networks() {
        return Json.list(Api.get("/network/v2.0/networks"), "networks").stream().map(Network::of).toList();
    }

    public List<Hypervisor> hypervisors() {
        return Json.list(Api.get("/compute/v2.1/os-hypervisors/detail"), "hypervisors").stream().map(Hypervisor::of).toList();
    }

    public Servers servers() { return Servers.INSTANCE; }

    public Keypairs keypairs() { return Keypairs.INSTANCE; }

    public SecurityGroups securityGroups() { return SecurityGroups.INSTANCE; }

    public Scheduler scheduler() { return Scheduler.INSTANCE; }

    @Override
    public String toString() {
        return "Cloud[your sandbox: flavors() images() networks() hypervisors() servers() keypairs() securityGroups() scheduler()]";
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

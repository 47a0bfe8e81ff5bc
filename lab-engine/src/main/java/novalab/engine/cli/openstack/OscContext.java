package novalab.engine.cli.openstack;

import java.util.List;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.api.ComputeApi;
import novalab.engine.api.ServerView;
import novalab.engine.cli.FormatOptions;
import novalab.engine.cli.Listing;
import novalab.engine.cli.OscFormat;
import novalab.engine.cli.ShowOne;
import novalab.engine.common.CloudError;
import novalab.engine.compute.Flavor;
import novalab.engine.identity.RequestContext;
import novalab.engine.image.Image;
import novalab.engine.network.Model.Network;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Neutron;
import novalab.engine.shell.Invocation;

/**
 * What an {@code openstack} command runs with: the cloud's APIs, the session's credentials (from the
 * {@code OS_*} variables an openrc file exports, authenticated once per command as keystoneauth does),
 * the output streams, and OSC's find-by-name-or-ID helpers with their error texts.
 */
final class OscContext {
    private final Cloud cloud;
    private final Invocation inv;
    private final String token;
    private final RequestContext rc;
    private FormatOptions format = FormatOptions.defaults();

    OscContext(Cloud cloud, Invocation inv, String token) {
        this.cloud = cloud;
        this.inv = inv;
        this.token = token;
        this.rc = cloud.keystone().validate(token);
    }

    Cloud cloud() { return cloud; }
    Invocation inv() { return inv; }
    String token() { return token; }
    ComputeApi compute() { return cloud.compute(); }
    Neutron neutron() { return cloud.neutron(); }

    /** The Keystone context behind the token (neutron and glance calls validate the same token). */
    RequestContext rc() { return cloud.keystone().validate(token); }

    boolean isAdmin() { return rc.isAdmin(); }

    void format(FormatOptions f) { this.format = f; }

    private java.util.Map<String, String> globals = java.util.Map.of();

    /** The session's variables after the global options ({@code --os-compute-api-version} → OS_COMPUTE_API_VERSION). */
    void globals(java.util.Map<String, String> env) { this.globals = new java.util.HashMap<>(env); }

    Optional<String> global(String name) {
        return Optional.ofNullable(globals.get(name)).or(() -> Optional.ofNullable(inv.env().get(name))).filter(v -> !v.isEmpty());
    }

    void print(Listing l) { inv.out(OscFormat.render(l, format)); }

    void print(ShowOne s) { inv.out(OscFormat.render(s, format)); }

    void out(String s) { inv.out(s); }

    /** One deletion of a multi-item delete; its message is printed when it fails. */
    @FunctionalInterface
    interface Deletion {
        void delete(String item);
    }

    /**
     * OSC's multi-item delete: every item is tried, each failure is reported with {@code failure(item, message)},
     * and the command ends with "N of M <noun> failed to delete." (exit 1) if any failed.
     */
    void deleteEach(java.util.List<String> items, String noun, Deletion deletion,
                    java.util.function.BiFunction<String, String, String> failure) {
        int failed = 0;
        for (String item : items) {
            try {
                deletion.delete(item);
            } catch (RuntimeException e) {
                failed++;
                inv.errln(failure.apply(item, e.getMessage()));
            }
        }
        if (failed > 0) throw new OscError(failed + " of " + items.size() + " " + noun + " failed to delete.");
    }

    // ----- OSC's find_resource, with its messages -----

    Flavor flavor(String nameOrId) {
        try {
            return compute().flavor(token, nameOrId);
        } catch (CloudError e) {
            if (e.status() != 404) throw e;
        }
        List<Flavor> all = compute().flavors(token, Optional.empty());
        List<Flavor> named = all.stream().filter(f -> f.name().equals(nameOrId)).toList();
        if (named.size() > 1) throw new OscError("More than one Flavor exists with the name '" + nameOrId + "'.");
        if (named.isEmpty()) throw new OscError("No Flavor found for " + nameOrId);
        return named.get(0);
    }

    Image image(String nameOrId) {
        Optional<Image> byId = cloud.glance().get(nameOrId).filter(i -> cloud.glance().list(rc()).contains(i));
        if (byId.isPresent()) return byId.get();
        List<Image> named = cloud.glance().findByName(rc(), nameOrId);
        if (named.size() > 1) throw new OscError("More than one Image exists with the name '" + nameOrId + "'.");
        if (named.isEmpty()) throw new OscError("No Image found for " + nameOrId);
        return named.get(0);
    }

    Network network(String nameOrId) {
        try {
            return neutron().network(rc(), nameOrId);
        } catch (CloudError e) {
            if (e.status() == 404) throw new OscError("Error while executing command: No Network found for " + nameOrId);
            throw e;
        }
    }

    SecurityGroup securityGroup(String nameOrId) {
        try {
            return neutron().securityGroup(rc(), nameOrId);
        } catch (CloudError e) {
            if (e.status() == 404) throw new OscError("Error while executing command: No SecurityGroup found for " + nameOrId);
            if (e.status() == 409) throw new OscError("More than one SecurityGroup exists with the name '" + nameOrId + "'.");
            throw e;
        }
    }

    ServerView server(String nameOrId) {
        List<ServerView> found = compute().serversByIdOrName(token, nameOrId);
        if (found.size() > 1) throw new OscError("More than one server exists with the name '" + nameOrId + "'.");
        if (found.isEmpty()) throw new OscError("No server with a name or ID of '" + nameOrId + "' exists.");
        return found.get(0);
    }

    /** A project name or id → id (for --project options). */
    String projectId(String nameOrId) {
        return cloud.keystone().project(nameOrId).or(() -> cloud.keystone().projectByName(nameOrId, "default"))
                .map(p -> p.id()).orElseThrow(() -> new OscError("No project with a name or ID of '" + nameOrId + "' exists."));
    }
}

package novalab.web.drill;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import novalab.engine.Cloud;
import novalab.engine.api.ServerStatus;
import novalab.engine.compute.Flavor;
import novalab.engine.compute.Instance;
import novalab.engine.db.KeyPair;
import novalab.engine.identity.RequestContext;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Model.SecurityGroupRule;

/**
 * What a cloud holds, by name and never by id: servers (status, flavor, image, networks, key pair, security groups,
 * floating IPs), key pairs (owner), security groups (their rules; the per-project {@code default} groups are left out,
 * as every dialect makes them behind the scenes), floating IPs (attached to which server, or spare), flavors and images.
 * Each resource maps its attributes to plain-word values, so two fingerprints can be compared attribute by attribute.
 */
public record CloudFingerprint(Map<String, Map<String, String>> resources) {
    public CloudFingerprint {
        resources = java.util.Collections.unmodifiableMap(new TreeMap<>(resources));
    }

    /** Takes the fingerprint; reads the stores directly (the sandbox is thrown away afterwards anyway). */
    public static CloudFingerprint of(Cloud cloud) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        String adminProject = cloud.keystone().projectByName("admin", "default").map(p -> p.id()).orElse("");
        RequestContext admin = new RequestContext("", "drill", adminProject, "admin", List.of("admin"), "");
        List<SecurityGroup> groups = cloud.neutron().securityGroups(admin);
        List<FloatingIp> fips = cloud.neutron().floatingIps(admin);

        Map<String, Integer> seen = new TreeMap<>();
        Map<String, String> portOwner = new LinkedHashMap<>();
        for (Instance i : cloud.db().instances()) {
            int n = seen.merge(i.displayName, 1, Integer::sum);
            String name = "server " + i.displayName + (n > 1 ? " (#" + n + ")" : "");
            Map<String, String> a = new LinkedHashMap<>();
            a.put("status", ServerStatus.of(i.vmState(), i.taskState(), i.deleted()));
            a.put("flavor", i.flavor.name());
            a.put("image", cloud.glance().get(i.imageRef).map(x -> x.name()).orElse("(none)"));
            List<String> nets = new ArrayList<>();
            List<String> sgs = new ArrayList<>();
            for (Port p : cloud.neutron().portsOfDevice(i.uuid)) {
                portOwner.put(p.id(), i.displayName);
                cloud.neutron().network(p.networkId()).ifPresent(x -> nets.add(x.name()));
                for (String g : p.securityGroupIds()) cloud.neutron().securityGroup(g).ifPresent(x -> sgs.add(x.name()));
            }
            a.put("networks", words(nets));
            a.put("key pair", i.keyName.orElse("(none)"));
            a.put("security groups", words(sgs));
            long attached = fips.stream().filter(f -> f.portId().isPresent() && cloud.neutron().portsOfDevice(i.uuid).stream()
                    .anyMatch(p -> p.id().equals(f.portId().get()))).count();
            a.put("floating IPs", Long.toString(attached));
            out.put(name, a);
        }
        for (KeyPair k : cloud.db().api.keyPairs) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("owner", cloud.keystone().user(k.userId()).map(u -> u.name()).orElse(k.userId()));
            a.put("type", k.type());
            out.put("key pair " + k.name(), a);
        }
        for (SecurityGroup g : groups) {
            if (g.name().equals("default")) continue;
            String project = cloud.keystone().project(g.projectId()).map(p -> p.name()).orElse(g.projectId());
            List<String> rules = new ArrayList<>();
            for (SecurityGroupRule r : cloud.neutron().rulesOf(g.id())) rules.add(rule(cloud, r));
            rules.sort(null);
            Map<String, String> a = new LinkedHashMap<>();
            a.put("rules", rules.isEmpty() ? "(none)" : String.join("; ", rules));
            out.put("security group " + g.name() + " of project " + project, a);
        }
        Map<String, String> addresses = new TreeMap<>();
        for (FloatingIp f : fips) {
            String where = f.portId().map(p -> "attached to " + portOwner.getOrDefault(p, "a port of no server")).orElse("spare (not attached)");
            addresses.merge(where, "1", (x, y) -> Integer.toString(Integer.parseInt(x) + 1));
        }
        if (!addresses.isEmpty()) out.put("floating IPs", addresses);
        for (Flavor f : cloud.db().api.flavors.values()) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("vCPUs", Integer.toString(f.vcpus()));
            a.put("RAM", f.ramMb() + " MB");
            a.put("disk", f.diskGb() + " GB");
            a.put("public", f.isPublic() ? "yes" : "no");
            out.put("flavor " + f.name(), a);
        }
        for (var img : cloud.glance().list(admin)) {
            Map<String, String> a = new LinkedHashMap<>();
            a.put("status", img.status());
            a.put("visibility", img.visibility());
            out.put("image " + img.name(), a);
        }
        return new CloudFingerprint(out);
    }

    private static String rule(Cloud cloud, SecurityGroupRule r) {
        String proto = r.protocol().orElse("any protocol");
        String ports = r.portRangeMin().isPresent()
                ? (r.portRangeMin().getAsInt() == r.portRangeMax().orElse(r.portRangeMin().getAsInt()) ? " port " + r.portRangeMin().getAsInt()
                : " ports " + r.portRangeMin().getAsInt() + "-" + r.portRangeMax().getAsInt()) : "";
        String remote = r.remoteIpPrefix().map(p -> " " + (r.direction().equals("ingress") ? "from " : "to ") + p)
                .or(() -> r.remoteGroupId().map(g -> " with members of " + cloud.neutron().securityGroup(g).map(SecurityGroup::name).orElse("a group")))
                .orElse(" any address");
        return r.direction() + " " + r.ethertype() + " " + proto + ports + remote;
    }

    private static String words(List<String> xs) {
        return xs.isEmpty() ? "(none)" : String.join(", ", xs.stream().sorted().toList());
    }

    /** The differences from {@code expected} (the given command's cloud) to this one (the student's), in plain words. */
    public List<String> differencesFrom(CloudFingerprint expected) {
        List<String> out = new ArrayList<>();
        TreeMap<String, Boolean> keys = new TreeMap<>();
        expected.resources.keySet().forEach(k -> keys.put(k, true));
        resources.keySet().forEach(k -> keys.put(k, true));
        for (String k : keys.keySet()) {
            Map<String, String> want = expected.resources.get(k);
            Map<String, String> got = resources.get(k);
            if (got == null) {
                out.add("The given command leaves " + k + " (" + describe(want) + "); after yours there is none.");
            } else if (want == null) {
                out.add("Yours leaves " + k + " (" + describe(got) + "), which the given command does not.");
            } else {
                TreeMap<String, Boolean> attrs = new TreeMap<>();
                want.keySet().forEach(a -> attrs.put(a, true));
                got.keySet().forEach(a -> attrs.put(a, true));
                for (String a : attrs.keySet()) {
                    String w = want.getOrDefault(a, "(none)");
                    String g = got.getOrDefault(a, "(none)");
                    if (!w.equals(g)) out.add(cap(k) + ": " + a + " is " + w + " after the given command, but " + g + " after yours.");
                }
            }
        }
        return out;
    }

    private static String describe(Map<String, String> attrs) {
        List<String> parts = new ArrayList<>();
        attrs.forEach((a, v) -> parts.add(a + " " + v));
        return String.join(", ", parts);
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package novalab.engine.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import novalab.engine.bus.MessageBus;
import novalab.engine.common.CloudError;
import novalab.engine.common.Ids;
import novalab.engine.common.Timeline;
import novalab.engine.compute.BuildRequestSpec;
import novalab.engine.compute.ComputeManager;
import novalab.engine.compute.Flavor;
import novalab.engine.compute.Instance;
import novalab.engine.compute.InstanceChange;
import novalab.engine.compute.TaskState;
import novalab.engine.compute.VmState;
import novalab.engine.conductor.ConductorManager;
import novalab.engine.conf.NovaConf;
import novalab.engine.crypto.SshKeyPair;
import novalab.engine.crypto.SshKeys;
import novalab.engine.db.Aggregate;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.db.KeyPair;
import novalab.engine.db.NovaDb;
import novalab.engine.db.Service;
import novalab.engine.identity.Keystone;
import novalab.engine.identity.RequestContext;
import novalab.engine.image.Glance;
import novalab.engine.image.Image;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Network;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Neutron;
import novalab.engine.scheduler.HostManager;
import novalab.engine.scheduler.RequestSpec;

/**
 * Simulates nova-api (nova.compute.api.API behind the v2.1 REST layer). Stateless: each call validates
 * the token with Keystone (401) and the policy (403), checks quotas and input (400/404/409), writes
 * through the conductor and casts work to it; it never calls a compute host except for the blocking
 * {@code get_console_output}. Answers with view records.
 */
public final class ComputeApi {
    private final Keystone keystone;
    private final Glance glance;
    private final Neutron neutron;
    private final NovaDb db;
    private final ConductorManager conductor;
    private final MessageBus bus;
    private final Map<String, ComputeManager> computes;
    private final HostManager hostManager;
    private final Timeline timeline;
    private final Ids ids;
    private final Supplier<NovaConf> conf;
    private final BooleanSupplier apiUp;

    public ComputeApi(Keystone keystone, Glance glance, Neutron neutron, NovaDb db, ConductorManager conductor, MessageBus bus,
                      Map<String, ComputeManager> computes, HostManager hostManager, Timeline timeline, Ids ids,
                      Supplier<NovaConf> conf, BooleanSupplier apiUp) {
        this.keystone = keystone;
        this.glance = glance;
        this.neutron = neutron;
        this.db = db;
        this.conductor = conductor;
        this.bus = bus;
        this.computes = computes;
        this.hostManager = hostManager;
        this.timeline = timeline;
        this.ids = ids;
        this.conf = conf;
        this.apiUp = apiUp;
    }

    /** keystonemiddleware: a valid token or 401; nova-api must be running. */
    public RequestContext context(String token) {
        if (!apiUp.getAsBoolean()) throw new CloudError(0, "ConnectFailure", "nova-api is not running");
        return keystone.validate(token);
    }

    private static void authorize(RequestContext ctx, String rule) {
        if (!ctx.isAdmin()) throw CloudError.policy(rule);
    }

    private String now() { return timeline.clock().isoZ(); }

    // ===================== flavors =====================

    /** {@code GET /flavors/detail}: public flavors, plus private ones the project may use (admins: all with isPublic=None). */
    public List<Flavor> flavors(String token, Optional<Boolean> isPublic) {
        return served(token, "GET", "/v2.1/flavors/detail", 200, "2.61", true, () -> flavors0(token, isPublic));
    }

    private List<Flavor> flavors0(String token, Optional<Boolean> isPublic) {
        RequestContext ctx = context(token);
        List<Flavor> out = new ArrayList<>();
        for (Flavor f : db.api.flavors.values()) {
            if (f.disabled()) continue;
            boolean accessible = f.isPublic() || ctx.isAdmin()
                    || db.api.flavorProjects.getOrDefault(f.id(), Set.of()).contains(ctx.projectId());
            if (!accessible) continue;
            if (isPublic.isPresent() && ctx.isAdmin() && f.isPublic() != isPublic.get()) continue;
            if (isPublic.isPresent() && !ctx.isAdmin() && isPublic.get() && !f.isPublic()) continue;
            out.add(f);
        }
        out.sort((a, b) -> a.id().compareTo(b.id()));
        return out;
    }

    /** {@code GET /flavors/{id}}. */
    public Flavor flavor(String token, String id) {
        RequestContext ctx = context(token);
        Flavor f = db.api.flavors.get(id);
        if (f == null || !(f.isPublic() || ctx.isAdmin() || db.api.flavorProjects.getOrDefault(id, Set.of()).contains(ctx.projectId()))) {
            throw CloudError.notFound("Flavor " + id + " could not be found.");
        }
        return f;
    }

    /** What {@code POST /flavors} carries. {@code id} empty means Nova generates a UUID. */
    public record FlavorCreate(String name, Optional<String> id, int ramMb, int vcpus, int diskGb, int ephemeralGb,
                               int swapMb, double rxtxFactor, boolean isPublic, String description) {}

    public Flavor createFlavor(String token, FlavorCreate req) {
        return served(token, "POST", "/v2.1/flavors", 200, "2.55", true, () -> createFlavor0(token, req));
    }

    private Flavor createFlavor0(String token, FlavorCreate req) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-flavor-manage:create");
        String name = req.name().trim();
        if (name.isEmpty() || name.length() > 255) {
            throw CloudError.badRequest("Invalid input for field/attribute name. Value: " + req.name() + ". '" + req.name() + "' does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'");
        }
        if (!name.matches("[a-zA-Z0-9. _-]+")) {
            throw CloudError.badRequest("Invalid input for field/attribute name. Value: " + name + ". '" + name + "' does not match '^(?! )[a-zA-Z0-9. _-]+(?<! )$'");
        }
        if (req.ramMb() < 1) throw CloudError.badRequest("Invalid input for field/attribute ram. Value: " + req.ramMb() + ". " + req.ramMb() + " is less than the minimum of 1");
        if (req.vcpus() < 1) throw CloudError.badRequest("Invalid input for field/attribute vcpus. Value: " + req.vcpus() + ". " + req.vcpus() + " is less than the minimum of 1");
        if (req.diskGb() < 0) throw CloudError.badRequest("Invalid input for field/attribute disk. Value: " + req.diskGb() + ". " + req.diskGb() + " is less than the minimum of 0");
        String id = req.id().filter(s -> !s.equals("auto")).orElseGet(ids::uuid);
        if (db.api.flavors.values().stream().anyMatch(f -> f.name().equals(name))) {
            throw CloudError.conflict("Flavor with name " + name + " already exists.");
        }
        if (db.api.flavors.containsKey(id)) throw CloudError.conflict("Flavor with ID " + id + " already exists.");
        Flavor f = new Flavor(id, name, req.vcpus(), req.ramMb(), req.diskGb(), req.ephemeralGb(), req.swapMb(),
                req.rxtxFactor(), req.isPublic(), false, req.description(), Map.of());
        db.api.flavors.put(id, f);
        return f;
    }

    public void deleteFlavor(String token, String id) {
        served(token, "DELETE", "/v2.1/flavors/" + id, 202, "2.55", false, () -> { deleteFlavor0(token, id); return null; });
    }

    private void deleteFlavor0(String token, String id) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-flavor-manage:delete");
        if (db.api.flavors.remove(id) == null) throw CloudError.notFound("Flavor " + id + " could not be found.");
        db.api.flavorProjects.remove(id);
    }

    public Flavor setFlavorExtraSpecs(String token, String id, Map<String, String> specs) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-flavor-extra-specs:create");
        Flavor f = flavor(token, id);
        Map<String, String> merged = new LinkedHashMap<>(f.extraSpecs());
        merged.putAll(specs);
        Flavor updated = f.withExtraSpecs(merged);
        db.api.flavors.put(id, updated);
        return updated;
    }

    public Flavor unsetFlavorExtraSpec(String token, String id, String key) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-flavor-extra-specs:delete");
        Flavor f = flavor(token, id);
        if (!f.extraSpecs().containsKey(key)) {
            throw CloudError.notFound("Flavor " + id + " has no extra specs with key " + key + ".");
        }
        Map<String, String> m = new LinkedHashMap<>(f.extraSpecs());
        m.remove(key);
        Flavor updated = f.withExtraSpecs(m);
        db.api.flavors.put(id, updated);
        return updated;
    }

    public void addFlavorAccess(String token, String id, String projectId) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-flavor-access:add_tenant_access");
        Flavor f = flavor(token, id);
        if (f.isPublic()) throw CloudError.conflict("Can not add access to a public flavor.");
        db.api.flavorProjects.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(projectId);
    }

    public List<String> flavorAccess(String token, String id) {
        context(token);
        return List.copyOf(db.api.flavorProjects.getOrDefault(id, Set.of()));
    }

    // ===================== key pairs =====================

    /** A key pair as created: the private key only when Nova generated it. */
    public record CreatedKeyPair(KeyPair keyPair, Optional<String> privateKey) {}

    /** {@code POST /os-keypairs}: generate (RSA 2048, "Generated-by-Nova") or import a public key. */
    public CreatedKeyPair createKeyPair(String token, String name, Optional<String> publicKey, String type) {
        return served(token, "POST", "/v2.1/os-keypairs", 200, "2.10", true, () -> createKeyPair0(token, name, publicKey, type));
    }

    private CreatedKeyPair createKeyPair0(String token, String name, Optional<String> publicKey, String type) {
        RequestContext ctx = context(token);
        if (name.isBlank() || name.length() > 255 || !name.matches("[a-zA-Z0-9 _.@-]+")) {
            throw CloudError.badRequest("Keypair data is invalid: Keypair name contains unsafe characters");
        }
        if (db.api.keyPair(ctx.userId(), name).isPresent()) throw CloudError.conflict("Key pair '" + name + "' already exists.");
        int count = (int) db.api.keyPairs.stream().filter(k -> k.userId().equals(ctx.userId())).count();
        if (count >= conf.get().quotaOptions().keyPairs()) throw CloudError.forbidden("Quota exceeded, too many key pairs.");
        String pub;
        String fingerprint;
        Optional<String> priv = Optional.empty();
        if (publicKey.isPresent()) {
            var parsed = SshKeys.parsePublicKeyLine(publicKey.get().trim());
            if (parsed.isEmpty()) throw CloudError.badRequest("Keypair data is invalid: failed to generate fingerprint");
            pub = publicKey.get().trim();
            fingerprint = SshKeys.md5Fingerprint(parsed.get().blob());
        } else {
            Set<String> taken = new java.util.HashSet<>();
            db.api.keyPairs.forEach(x -> taken.add(x.fingerprint()));
            SshKeyPair kp = novalab.engine.crypto.NovaKeyPool.pick(ids.nextInt(novalab.engine.crypto.NovaKeyPool.size()), taken);
            pub = kp.publicKeyLine() + "\n";
            fingerprint = kp.md5Fingerprint();
            priv = Optional.of(kp.privateKeyPem());
        }
        KeyPair k = new KeyPair(db.api.nextKeyPairId(), name, ctx.userId(), type, pub, fingerprint, timeline.clock().isoMicro());
        db.api.keyPairs.add(k);
        return new CreatedKeyPair(k, priv);
    }

    public List<KeyPair> keyPairs(String token) {
        return served(token, "GET", "/v2.1/os-keypairs", 200, "2.10", true, () -> keyPairs0(token));
    }

    private List<KeyPair> keyPairs0(String token) {
        RequestContext ctx = context(token);
        return db.api.keyPairs.stream().filter(k -> k.userId().equals(ctx.userId())).toList();
    }

    public KeyPair keyPair(String token, String name) {
        RequestContext ctx = context(token);
        return db.api.keyPair(ctx.userId(), name)
                .orElseThrow(() -> CloudError.notFound("Keypair " + name + " not found for user " + ctx.userId()));
    }

    public void deleteKeyPair(String token, String name) {
        served(token, "DELETE", "/v2.1/os-keypairs/" + name, 202, "2.10", false, () -> { deleteKeyPair0(token, name); return null; });
    }

    private void deleteKeyPair0(String token, String name) {
        KeyPair k = keyPair(token, name);
        db.api.keyPairs.remove(k);
    }

    // ===================== servers =====================

    /** The answer to {@code POST /servers}: the first server's id and its adminPass, and all ids of a multi-create. */
    public record CreatedServer(String id, String adminPass, List<String> ids, String requestId) {}

    public CreatedServer createServer(String token, ServerCreate req) {
        return served(token, "POST", "/v2.1/servers", 202, "2.1", true, () -> createServer0(token, req));
    }

    private CreatedServer createServer0(String token, ServerCreate req) {
        RequestContext ctx = context(token);
        String requestId = ids.requestId();
        bus.note(requestId, "client", "nova-api", "POST /v2.1/servers");
        if (req.name().isBlank() || req.name().length() > 255) {
            throw CloudError.badRequest("Invalid input for field/attribute name. Value: " + req.name() + ". '' is too short");
        }
        Flavor flavor = Optional.ofNullable(db.api.flavors.get(req.flavorRef()))
                .orElseThrow(() -> CloudError.badRequest("Flavor " + req.flavorRef() + " could not be found."));
        Image image = glance.get(req.imageRef()).filter(i -> glance.list(ctx).contains(i))
                .orElseThrow(() -> CloudError.badRequest("Can not find requested image"));
        if (!image.status().equals("active")) throw CloudError.badRequest("Image " + image.id() + " is not active.");
        long flavorBytes = flavor.diskGb() * 1024L * 1024 * 1024;
        if (flavor.diskGb() > 0 && image.size() > flavorBytes) {
            throw CloudError.badRequest("Flavor's disk is too small for requested image. Flavor disk is " + flavorBytes
                    + " bytes, image is " + image.size() + " bytes.");
        }
        if (flavor.diskGb() > 0 && image.minDisk() > flavor.diskGb()) {
            throw CloudError.badRequest("Flavor's disk is smaller than the minimum size specified in image metadata. Flavor disk is "
                    + flavorBytes + " bytes, minimum size is " + image.minDisk() * 1024L * 1024 * 1024 + " bytes.");
        }
        if (image.minRam() > flavor.ramMb()) throw CloudError.badRequest("Flavor's memory is too small for requested image.");
        Optional<KeyPair> key = Optional.empty();
        if (req.keyName().isPresent()) {
            key = db.api.keyPair(ctx.userId(), req.keyName().get());
            if (key.isEmpty()) throw CloudError.badRequest("Invalid key_name provided.");
        }
        List<String> networkIds = new ArrayList<>();
        boolean noNetwork = req.networkIds().equals(List.of(ServerCreate.NO_NETWORK));
        for (String n : noNetwork ? List.<String>of() : req.networkIds()) {
            Network net = neutron.network(n).filter(x -> ctx.isAdmin() || x.shared() || x.projectId().equals(ctx.projectId()))
                    .orElseThrow(() -> CloudError.badRequest("Network " + n + " could not be found."));
            networkIds.add(net.id());
        }
        if (networkIds.isEmpty() && !noNetwork) {
            List<Network> usable = neutron.networks(ctx).stream().filter(x -> !x.external()
                    && (x.shared() || x.projectId().equals(ctx.projectId()))).toList();
            if (usable.size() > 1) {
                throw CloudError.conflict("More than one possible network found. Specify network ID(s) to select which one(s) to connect to.");
            }
            usable.forEach(x -> networkIds.add(x.id()));
        }
        List<String> groupIds = new ArrayList<>();
        List<String> groupNames = new ArrayList<>();
        for (String g : req.securityGroups().isEmpty() ? List.of("default") : req.securityGroups()) {
            SecurityGroup sg;
            try {
                sg = g.equals("default") ? neutron.defaultGroup(ctx.projectId()) : neutron.securityGroup(ctx, g);
            } catch (CloudError e) {
                throw CloudError.badRequest("Security group " + g + " not found for project " + ctx.projectId() + ".");
            }
            groupIds.add(sg.id());
            groupNames.add(sg.name());
        }
        Optional<String> az = req.availabilityZone().filter(s -> !s.isBlank());
        Optional<String> forcedHost = Optional.empty();
        if (az.isPresent() && az.get().contains(":")) {
            authorize(ctx, "os_compute_api:servers:create:forced_host");
            String[] parts = az.get().split(":");
            forcedHost = parts.length > 1 && !parts[1].isEmpty() ? Optional.of(parts[1]) : Optional.empty();
            az = parts[0].isEmpty() ? Optional.empty() : Optional.of(parts[0]);
        }
        if (az.isPresent()) {
            Set<String> zones = new LinkedHashSet<>();
            db.api.aggregates.values().forEach(a -> a.availabilityZone().ifPresent(zones::add));
            zones.add(conf.get().computeOptions().defaultAvailabilityZone());
            if (!zones.contains(az.get())) throw CloudError.badRequest("The requested availability zone is not available");
        }
        int count = Math.max(1, req.maxCount());
        checkQuota(ctx, flavor, Math.max(1, req.minCount()), count);
        List<String> uuids = new ArrayList<>();
        List<BuildRequestSpec> builds = new ArrayList<>();
        String adminPass = req.adminPass().orElseGet(ids::password);
        String reservation = "r-" + ids.hex(8);
        for (int i = 0; i < count; i++) uuids.add(ids.uuid());
        Map<String, Integer> pci = RequestSpec.pciRequestsOf(flavor);
        Map<String, String> hints = forcedHost.map(h -> Map.of("force_hosts", h)).orElse(Map.of());
        RequestSpec spec = new RequestSpec(uuids, ctx.projectId(), flavor, image.meta(), az, pci, hints);
        Optional<String> pubKey = key.map(KeyPair::publicKey).map(String::trim);
        Optional<String> fp = pubKey.flatMap(SshKeys::parsePublicKeyLine).map(p -> SshKeys.sha256Fingerprint(p.blob()));
        for (int i = 0; i < count; i++) {
            String display = count > 1 ? req.name() + "-" + (i + 1) : req.name();
            Instance inst = new Instance(uuids.get(i), ctx.projectId(), ctx.userId(), display, Instance.sanitizeHostname(display),
                    flavor, image.id(), req.keyName(), pubKey, now(), groupNames, networkIds, az, adminPass, reservation, i);
            inst.putMetadata(req.metadata());
            inst.addAction(new Instance.Action("create", requestId, timeline.clock().isoMicro(), ctx.userId(), ctx.projectId(), Optional.empty()));
            db.api.buildRequests.put(inst.uuid, inst);
            db.api.instanceMappings.put(inst.uuid, Optional.empty());
            RequestSpec one = new RequestSpec(List.of(inst.uuid), ctx.projectId(), flavor, image.meta(), az, pci, hints);
            BuildRequestSpec b = new BuildRequestSpec(inst.uuid, display, inst.hostname, "", flavor, image, req.keyName(), pubKey,
                    fp, groupIds, networkIds, ctx.projectId(), ctx.projectName(), ctx.userId(), ctx.userName(), count > 1 ? spec : one, List.of());
            builds.add(b);
            db.api.requestSpecs.put(inst.uuid, b);
        }
        long deadline = timeline.clock().nowMs() + 1_800_000L;
        bus.cast(requestId, "nova-api", "conductor", "schedule_and_build_instances", count + " instance(s) " + req.name(),
                () -> conductor.scheduleAndBuildInstances(requestId, builds, deadline));
        return new CreatedServer(uuids.get(0), adminPass, uuids, requestId);
    }

    private void checkQuota(RequestContext ctx, Flavor flavor, int min, int max) {
        NovaConf.QuotaOptions q = conf.get().quotaOptions();
        List<Instance> mine = db.instances().stream().filter(i -> i.projectId.equals(ctx.projectId())).toList();
        int usedInstances = mine.size();
        int usedCores = mine.stream().mapToInt(i -> i.flavor.vcpus()).sum();
        int usedRam = mine.stream().mapToInt(i -> i.flavor.ramMb()).sum();
        if (q.instances() >= 0 && usedInstances + min > q.instances()) {
            throw CloudError.forbidden("Quota exceeded for instances: Requested " + min + ", but already used " + usedInstances
                    + " of " + q.instances() + " instances");
        }
        if (q.cores() >= 0 && usedCores + min * flavor.vcpus() > q.cores()) {
            throw CloudError.forbidden("Quota exceeded for cores: Requested " + min * flavor.vcpus() + ", but already used "
                    + usedCores + " of " + q.cores() + " cores");
        }
        if (q.ram() >= 0 && usedRam + min * flavor.ramMb() > q.ram()) {
            throw CloudError.forbidden("Quota exceeded for ram: Requested " + min * flavor.ramMb() + ", but already used "
                    + usedRam + " of " + q.ram() + " ram");
        }
    }

    /** Filters of {@code GET /servers/detail}. */
    public record ServerFilter(Optional<String> name, Optional<String> status, Optional<String> host, boolean allProjects) {
        public static ServerFilter none() { return new ServerFilter(Optional.empty(), Optional.empty(), Optional.empty(), false); }
    }

    public List<ServerView> servers(String token, ServerFilter filter) {
        return served(token, "GET", "/v2.1/servers/detail", 200, "2.1", true, () -> servers0(token, filter));
    }

    private List<ServerView> servers0(String token, ServerFilter filter) {
        RequestContext ctx = context(token);
        if (filter.allProjects()) authorize(ctx, "os_compute_api:servers:index:get_all_tenants");
        if (filter.host().isPresent()) authorize(ctx, "os_compute_api:servers:index:get_all_tenants");
        Pattern namePattern = null;
        if (filter.name().isPresent()) {
            try {
                namePattern = Pattern.compile(filter.name().get());
            } catch (PatternSyntaxException e) {
                namePattern = Pattern.compile(Pattern.quote(filter.name().get()));
            }
        }
        List<ServerView> out = new ArrayList<>();
        List<Instance> all = new ArrayList<>(db.instances());
        java.util.Collections.reverse(all); // created_at descending
        for (Instance i : all) {
            if (!filter.allProjects() && !i.projectId.equals(ctx.projectId())) continue;
            if (namePattern != null && !namePattern.matcher(i.displayName).find()) continue;
            ServerView v = view(ctx, i);
            if (filter.status().isPresent() && !v.status().equalsIgnoreCase(filter.status().get())) continue;
            if (filter.host().isPresent() && !i.host().equals(filter.host())) continue;
            out.add(v);
        }
        return out;
    }

    private Instance instance(RequestContext ctx, String id) {
        Optional<Instance> i = db.instance(id).filter(x -> !x.deleted());
        if (i.isEmpty() || !(ctx.isAdmin() || i.get().projectId.equals(ctx.projectId()))) {
            throw CloudError.notFound("Instance " + id + " could not be found.");
        }
        return i.get();
    }

    /** {@code GET /servers/{id}}. */
    public ServerView server(String token, String id) {
        return served(token, "GET", "/v2.1/servers/" + id, 200, "2.1", true, () -> server0(token, id));
    }

    private ServerView server0(String token, String id) {
        RequestContext ctx = context(token);
        return view(ctx, instance(ctx, id));
    }

    /**
     * What OSC's find_resource asks for: the server with this id, else the servers with exactly this
     * name in the caller's project (for an admin with none there, in any project).
     */
    public List<ServerView> serversByIdOrName(String token, String nameOrId) {
        try {
            return List.of(server(token, nameOrId));
        } catch (CloudError e) {
            if (e.status() != 404) throw e;
        }
        return served(token, "GET", "/v2.1/servers?name=" + nameOrId, 200, "2.1", true, () -> serversNamed0(token, nameOrId));
    }

    private List<ServerView> serversNamed0(String token, String name) {
        RequestContext ctx = context(token);
        List<Instance> named = db.instances().stream()
                .filter(i -> i.displayName.equals(name) && i.projectId.equals(ctx.projectId())).toList();
        if (named.isEmpty() && ctx.isAdmin()) named = db.instances().stream().filter(i -> i.displayName.equals(name)).toList();
        return named.stream().map(i -> view(ctx, i)).toList();
    }

    ServerView view(RequestContext ctx, Instance i) {
        String status = ServerStatus.of(i.vmState(), i.taskState(), i.deleted());
        Map<String, List<ServerView.Address>> addresses = new LinkedHashMap<>();
        List<Port> ports = neutron.portsOfDevice(i.uuid);
        if (i.vmState() != VmState.BUILDING) {
            for (Port p : ports) {
                String net = neutron.network(p.networkId()).map(Network::name).orElse("");
                List<ServerView.Address> list = addresses.computeIfAbsent(net, k -> new ArrayList<>());
                for (var f : p.fixedIps()) list.add(new ServerView.Address(f.ipAddress(), "fixed", p.macAddress()));
                for (FloatingIp fip : neutron.floatingIps(adminContext())) {
                    if (fip.portId().equals(Optional.of(p.id()))) list.add(new ServerView.Address(fip.address(), "floating", p.macAddress()));
                }
            }
        }
        String hostId = i.host().map(h -> sha224(i.projectId + h)).orElse("");
        Image img = glance.get(i.imageRef).orElse(null);
        boolean admin = ctx.isAdmin();
        Optional<Integer> progress = ServerStatus.showsProgress(status) ? Optional.of(i.progress()) : Optional.empty();
        Optional<ServerView.FaultView> fault = (status.equals("ERROR") || status.equals("DELETED"))
                ? i.fault().map(f -> new ServerView.FaultView(f.code(), f.created(), f.message())) : Optional.empty();
        List<String> sgs = ports.isEmpty() ? List.of() : i.securityGroups;
        return new ServerView(i.uuid, i.displayName, status, i.projectId, i.userId, hostId, i.imageRef,
                img == null ? "" : img.name(), i.flavor.id(), i.flavor.name(), i.createdAt, i.updatedAt(), addresses,
                i.keyName.orElse(""), i.availabilityZone(), admin ? i.host() : Optional.empty(),
                admin ? i.node() : Optional.empty(), admin && i.id() > 0 ? Optional.of(i.instanceName()) : Optional.empty(),
                i.vmState().value(), i.taskState().map(TaskState::value), i.powerState().code(), i.powerState().display(),
                i.launchedAt(), i.terminatedAt(), sgs, !ports.isEmpty(), progress, fault, i.metadata(), i.locked(), i.cell(), admin);
    }

    private RequestContext adminContext() {
        return new RequestContext("", "", "", "", List.of("admin"), "");
    }

    static String sha224(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-224").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CloudError invalidState(String action, Instance i, boolean task) {
        String what = task ? "task_state " + i.taskState().map(TaskState::value).orElse("None") : "vm_state " + i.vmState().value();
        return CloudError.conflict("Cannot '" + action + "' instance " + i.uuid + " while it is in " + what);
    }

    private void checkState(ServerAction a, Instance i, Set<VmState> vmStates, boolean requireNoTask, boolean mustHaveHost) {
        if (i.locked() && a != ServerAction.UNLOCK && a != ServerAction.LOCK) {
            throw CloudError.conflict("Instance " + i.uuid + " is locked");
        }
        if (mustHaveHost && i.host().isEmpty()) throw CloudError.conflict("Instance " + i.uuid + " is not ready");
        if (!vmStates.contains(i.vmState())) throw invalidState(a.apiName(), i, false);
        if (requireNoTask && i.taskState().isPresent()) throw invalidState(a.apiName(), i, true);
    }

    /** {@code POST /servers/{id}/action}: validates the state, records the action, casts to the conductor or the host. */
    public String action(String token, String id, ServerAction action) {
        return served(token, "POST", "/v2.1/servers/" + id + "/action", 202, "2.1", false, () -> action0(token, id, action));
    }

    private String action0(String token, String id, ServerAction action) {
        RequestContext ctx = context(token);
        Instance i = instance(ctx, id);
        String requestId = ids.requestId();
        bus.note(requestId, "client", "nova-api", "POST /v2.1/servers/" + i.uuid + "/action (" + action.apiName() + ")");
        switch (action) {
            case STOP -> {
                checkState(action, i, Set.of(VmState.ACTIVE, VmState.ERROR), true, true);
                begin(requestId, i, "stop", ctx, InstanceChange.of().task(TaskState.POWERING_OFF).expectingNoTask());
                ComputeManager cm = computes.get(i.host().get());
                bus.cast(requestId, "nova-api", "compute." + cm.host(), "stop_instance", i.instanceName(), () -> cm.stopInstance(requestId, i.uuid));
            }
            case START -> {
                checkState(action, i, Set.of(VmState.STOPPED), true, true);
                begin(requestId, i, "start", ctx, InstanceChange.of().task(TaskState.POWERING_ON).expectingNoTask());
                ComputeManager cm = computes.get(i.host().get());
                bus.cast(requestId, "nova-api", "compute." + cm.host(), "start_instance", i.instanceName(), () -> cm.startInstance(requestId, i.uuid));
            }
            case REBOOT_SOFT, REBOOT_HARD -> {
                boolean hard = action == ServerAction.REBOOT_HARD;
                if (hard) {
                    checkState(action, i, Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED, VmState.ERROR), false, true);
                    if (i.taskState().isPresent() && !Set.of(TaskState.REBOOTING, TaskState.REBOOT_PENDING, TaskState.REBOOT_STARTED,
                            TaskState.REBOOTING_HARD).contains(i.taskState().get())) {
                        throw invalidState("reboot", i, true);
                    }
                } else {
                    checkState(action, i, Set.of(VmState.ACTIVE), true, true);
                }
                begin(requestId, i, "reboot", ctx, InstanceChange.of().task(hard ? TaskState.REBOOTING_HARD : TaskState.REBOOTING));
                ComputeManager cm = computes.get(i.host().get());
                bus.cast(requestId, "nova-api", "compute." + cm.host(), "reboot_instance", i.instanceName() + (hard ? " HARD" : " SOFT"),
                        () -> cm.rebootInstance(requestId, i.uuid, hard));
            }
            case SHELVE -> {
                checkState(action, i, Set.of(VmState.ACTIVE, VmState.STOPPED, VmState.PAUSED, VmState.SUSPENDED), true, true);
                begin(requestId, i, "shelve", ctx, InstanceChange.of().task(TaskState.SHELVING).expectingNoTask());
                ComputeManager cm = computes.get(i.host().get());
                bus.cast(requestId, "nova-api", "compute." + cm.host(), "shelve_instance", i.instanceName(), () -> cm.shelveInstance(requestId, i.uuid));
            }
            case SHELVE_OFFLOAD -> {
                checkState(action, i, Set.of(VmState.SHELVED), true, true);
                begin(requestId, i, "shelveOffload", ctx, InstanceChange.of());
                ComputeManager cm = computes.get(i.host().get());
                bus.cast(requestId, "nova-api", "compute." + cm.host(), "shelve_offload_instance", i.instanceName(),
                        () -> cm.shelveOffloadInstance(requestId, i.uuid));
            }
            case UNSHELVE -> {
                checkState(action, i, Set.of(VmState.SHELVED, VmState.SHELVED_OFFLOADED), true, false);
                begin(requestId, i, "unshelve", ctx, InstanceChange.of().task(TaskState.UNSHELVING).expectingNoTask());
                bus.cast(requestId, "nova-api", "conductor", "unshelve_instance", i.instanceName(), () -> conductor.unshelveInstance(requestId, i.uuid));
            }
            case LOCK -> conductor.instanceUpdate(requestId, "nova-api", i.uuid, InstanceChange.of().locked(true));
            case UNLOCK -> conductor.instanceUpdate(requestId, "nova-api", i.uuid, InstanceChange.of().locked(false));
            case MIGRATE -> migrate(ctx, i, requestId, Optional.empty());
            case REVERT_RESIZE -> {
                checkState(action, i, Set.of(VmState.RESIZED), false, true);
                ConductorManager.Migration m = conductor.unconfirmedMigration(i.uuid)
                        .orElseThrow(() -> CloudError.badRequest("Instance has not been resized."));
                begin(requestId, i, "revertResize", ctx, InstanceChange.of().task(TaskState.RESIZE_REVERTING));
                conductor.closeMigration(i.uuid, "reverted");
                ComputeManager dst = computes.get(m.destCompute());
                ComputeManager src = computes.get(m.sourceCompute());
                boolean powerOn = !"stopped".equals(i.systemMetadata().get("old_vm_state"));
                bus.cast(requestId, "nova-api", "compute." + dst.host(), "revert_resize", i.instanceName(),
                        () -> dst.revertResize(requestId, i.uuid, src.host(),
                                () -> bus.cast(requestId, "nova-compute@" + dst.host(), "compute." + src.host(), "finish_revert_resize",
                                        i.instanceName(), () -> {
                                            conductor.settleAvailabilityZone(i.uuid, src.host());
                                            src.finishRevertResize(requestId, i.uuid, powerOn);
                                        })));
            }
            case CONFIRM_RESIZE -> {
                checkState(action, i, Set.of(VmState.RESIZED), false, true);
                ConductorManager.Migration m = conductor.unconfirmedMigration(i.uuid)
                        .orElseThrow(() -> CloudError.badRequest("Instance has not been resized."));
                begin(requestId, i, "confirmResize", ctx, InstanceChange.of());
                conductor.closeMigration(i.uuid, "confirmed");
                ComputeManager src = computes.get(m.sourceCompute());
                VmState end = "stopped".equals(i.systemMetadata().get("old_vm_state")) ? VmState.STOPPED : VmState.ACTIVE;
                bus.cast(requestId, "nova-api", "compute." + src.host(), "confirm_resize", i.instanceName(),
                        () -> src.confirmResize(requestId, i.uuid, m.destCompute(), end));
            }
        }
        return requestId;
    }

    /** {@code POST /servers/{id}/action {"migrate": {"host": ...}}} (host from 2.56): a cold migration. */
    public String migrateServer(String token, String id, Optional<String> host) {
        return served(token, "POST", "/v2.1/servers/" + id + "/action", 202, host.isPresent() ? "2.56" : "2.1", false, () -> migrateServer0(token, id, host));
    }

    private String migrateServer0(String token, String id, Optional<String> host) {
        RequestContext ctx = context(token);
        Instance i = instance(ctx, id);
        String requestId = ids.requestId();
        bus.note(requestId, "client", "nova-api", "POST /v2.1/servers/" + i.uuid + "/action (migrate)");
        migrate(ctx, i, requestId, host);
        return requestId;
    }

    /**
     * {@code os-migrateLive} with {@code block_migration: false} (OSC's default below 2.25): the pre-checks on the
     * hosts find the instance's disk local (no shared instances_path), so Nova refuses with a 400.
     */
    public void liveMigrateShared(String token, String id, Optional<String> host) {
        served(token, "POST", "/v2.1/servers/" + id + "/action", 202, host.isPresent() ? "2.30" : "2.1", false, () -> {
            RequestContext ctx = context(token);
            authorize(ctx, "os_compute_api:os-migrate-server:migrate_live");
            Instance i = instance(ctx, id);
            if (host.isPresent() && db.computeNodes().stream().noneMatch(n -> n.host().equals(host.get()))) {
                throw CloudError.badRequest("Compute host " + host.get() + " could not be found.");
            }
            checkState(ServerAction.MIGRATE, i, Set.of(VmState.ACTIVE, VmState.PAUSED), true, true);
            if (host.isPresent() && i.host().equals(host)) {
                throw CloudError.badRequest("Unable to migrate instance (" + i.uuid + ") to current host (" + host.get() + ").");
            }
            throw CloudError.badRequest(i.host().orElse("") + " is not on shared storage: Shared storage live-migration requires either "
                    + "shared storage or boot-from-volume with no local disks.");
        });
    }

    private void migrate(RequestContext ctx, Instance i, String requestId, Optional<String> host) {
        authorize(ctx, "os_compute_api:os-migrate-server:migrate");
        if (host.isPresent() && db.computeNodes().stream().noneMatch(n -> n.host().equals(host.get()))) {
            throw CloudError.badRequest("Compute host " + host.get() + " could not be found.");
        }
        checkState(ServerAction.MIGRATE, i, Set.of(VmState.ACTIVE, VmState.STOPPED), true, true);
        if (host.isPresent() && i.host().equals(host)) throw CloudError.badRequest("Cannot migrate to the host where the server exists.");
        boolean powerOn = i.vmState() == VmState.ACTIVE;
        begin(requestId, i, "migrate", ctx, InstanceChange.of().task(TaskState.RESIZE_PREP).expectingNoTask()
                .sysmeta("old_vm_state", i.vmState().value()));
        try {
            bus.call(requestId, "nova-api", "conductor", "migrate_server", i.instanceName(), () -> {
                conductor.migrateServer(requestId, i.uuid, host, powerOn);
                return true;
            });
        } catch (CloudError e) {
            if (bus.isConsuming("conductor")) conductor.instanceUpdate(requestId, "nova-api", i.uuid, InstanceChange.of().noTask());
            conductor.actionFinished(requestId, i.uuid, "migrate", Optional.of(e.getMessage()));
            throw e;
        }
    }

    private void begin(String requestId, Instance i, String action, RequestContext ctx, InstanceChange change) {
        conductor.instanceUpdate(requestId, "nova-api", i.uuid, change);
        i.addAction(new Instance.Action(action, requestId, timeline.clock().isoMicro(), ctx.userId(), ctx.projectId(), Optional.empty()));
    }

    /** {@code DELETE /servers/{id}}: a host deletes it; without one ("local delete") nova-api finishes at once. */
    public void deleteServer(String token, String id) {
        served(token, "DELETE", "/v2.1/servers/" + id, 204, "2.1", false, () -> { deleteServer0(token, id); return null; });
    }

    private void deleteServer0(String token, String id) {
        RequestContext ctx = context(token);
        Instance i = instance(ctx, id);
        if (i.locked() && !ctx.isAdmin()) throw CloudError.conflict("Instance " + i.uuid + " is locked");
        String requestId = ids.requestId();
        bus.note(requestId, "client", "nova-api", "DELETE /v2.1/servers/" + i.uuid);
        i.addAction(new Instance.Action("delete", requestId, timeline.clock().isoMicro(), ctx.userId(), ctx.projectId(), Optional.empty()));
        if (i.host().isEmpty()) {
            neutron.deletePortsOf(i.uuid);
            if (db.api.buildRequests.containsKey(i.uuid)) {
                InstanceChange.of().noTask().markDeleted().applyTo(i, now(), timeline.clock().isoMicro());
                db.api.buildRequests.remove(i.uuid);
                db.api.instanceMappings.remove(i.uuid);
            } else {
                conductor.instanceUpdate(requestId, "nova-api", i.uuid, InstanceChange.of().noTask().markDeleted());
            }
            Optional.ofNullable(i.systemMetadata().get("shelved_image_id")).ifPresent(glance::delete);
            return;
        }
        conductor.instanceUpdate(requestId, "nova-api", i.uuid, InstanceChange.of().task(TaskState.DELETING));
        conductor.unconfirmedMigration(i.uuid).filter(m -> i.vmState() == VmState.RESIZED).ifPresent(m -> {
            conductor.closeMigration(i.uuid, "confirmed");
            ComputeManager src = computes.get(m.sourceCompute());
            bus.cast(requestId, "nova-api", "compute." + src.host(), "confirm_resize", i.instanceName(), () -> src.cleanupMigrationSource(i.uuid));
        });
        ComputeManager cm = computes.get(i.host().get());
        bus.cast(requestId, "nova-api", "compute." + cm.host(), "terminate_instance", i.instanceName(), () -> cm.terminateInstance(requestId, i.uuid));
    }

    /** {@code os-getConsoleOutput}: a blocking call to the instance's host; {@code length} keeps the last lines. */
    public String consoleOutput(String token, String id, Optional<Integer> length) {
        return served(token, "POST", "/v2.1/servers/" + id + "/action", 200, "2.1", true, () -> consoleOutput0(token, id, length));
    }

    private String consoleOutput0(String token, String id, Optional<Integer> length) {
        RequestContext ctx = context(token);
        Instance i = instance(ctx, id);
        if (i.host().isEmpty()) throw CloudError.conflict("Instance " + i.uuid + " is not ready");
        ComputeManager cm = computes.get(i.host().get());
        String requestId = ids.requestId();
        String text = bus.call(requestId, "nova-api", "compute." + cm.host(), "get_console_output", i.instanceName(),
                () -> cm.getConsoleOutput(i.uuid));
        if (length.isPresent() && length.get() >= 0) {
            String[] lines = text.split("\n", -1);
            int n = text.endsWith("\n") ? lines.length - 1 : lines.length;
            int from = Math.max(0, n - length.get());
            StringBuilder sb = new StringBuilder();
            for (int k = from; k < n; k++) sb.append(lines[k]).append('\n');
            return sb.toString();
        }
        return text;
    }

    public List<Instance.Action> serverActions(String token, String id) {
        return served(token, "GET", "/v2.1/servers/" + id + "/os-instance-actions", 200, "2.1", true, () -> serverActions0(token, id));
    }

    private List<Instance.Action> serverActions0(String token, String id) {
        RequestContext ctx = context(token);
        return instance(ctx, id).actions();
    }

    /** One event of an instance action ({@code compute__do_build_and_run_instance}, ...), from the request's bus trace. */
    public record ActionEvent(String event, String startTime, Optional<String> finishTime, String result, String host) {}

    /** {@code GET /servers/{id}/os-instance-actions/{request_id}}: the action, and (admin) its events. */
    public record ActionDetail(Instance.Action action, String instanceUuid, List<ActionEvent> events, boolean withEvents) {}

    public ActionDetail serverAction(String token, String id, String requestId) {
        return served(token, "GET", "/v2.1/servers/" + id + "/os-instance-actions/" + requestId, 200, "2.1", true, () -> {
            RequestContext ctx = context(token);
            Instance i = instance(ctx, id);
            Instance.Action act = i.actions().stream().filter(a -> a.requestId().equals(requestId)).findFirst()
                    .orElseThrow(() -> CloudError.notFound("Action for request_id " + requestId + " on instance " + i.uuid + " not found"));
            List<MessageBus.Message> trace = bus.trace(requestId);
            Set<String> conductorEvents = Set.of("schedule_and_build_instances", "migrate_server", "unshelve_instance");
            Set<String> computeEvents = Set.of("build_and_run_instance", "stop_instance", "start_instance", "reboot_instance",
                    "shelve_instance", "shelve_offload_instance", "unshelve_instance", "terminate_instance", "prep_resize",
                    "resize_instance", "finish_resize", "confirm_resize", "revert_resize", "finish_revert_resize");
            record Started(String name, String service, String host, long startMs) {}
            List<Started> started = new ArrayList<>();
            for (MessageBus.Message m : trace) {
                if (m.topic().equals("conductor") && conductorEvents.contains(m.method())) {
                    started.add(new Started("conductor_" + m.method(), "nova-conductor", "controller", m.atMs()));
                } else if (m.topic().startsWith("compute.") && computeEvents.contains(m.method())) {
                    String host = m.topic().substring(8);
                    started.add(new Started("compute_" + (m.method().equals("build_and_run_instance") ? "_do_build_and_run_instance" : m.method()),
                            "nova-compute@" + host, host, m.atMs() + (m.call() ? 0 : MessageBus.CAST_LATENCY_MS)));
                }
            }
            List<ActionEvent> events = new ArrayList<>();
            for (int k = 0; k < started.size(); k++) {
                Started e = started.get(k);
                long until = Long.MAX_VALUE;
                for (int j = k + 1; j < started.size(); j++) {
                    if (started.get(j).service().equals(e.service())) { until = started.get(j).startMs(); break; }
                }
                // the event ends with the last message its service sent for this request before its next event
                long end = e.startMs();
                for (MessageBus.Message n : trace) {
                    if (n.from().equals(e.service()) && n.atMs() >= e.startMs() && n.atMs() < until) end = Math.max(end, n.atMs());
                }
                boolean running = k == started.size() - 1 && i.taskState().isPresent();
                events.add(new ActionEvent(e.name(), novalab.engine.common.SimClock.isoMicro(timeline.clock().instantAt(e.startMs())),
                        running ? Optional.empty() : Optional.of(novalab.engine.common.SimClock.isoMicro(timeline.clock().instantAt(end))),
                        "Success", e.host()));
            }
            return new ActionDetail(act, i.uuid, events, ctx.isAdmin());
        });
    }

    /** The instance behind a server (for the operator views and the checks); admin or owner only. */
    public Instance instanceOf(String token, String id) {
        RequestContext ctx = context(token);
        return instance(ctx, id);
    }

    // ===================== admin views =====================

    /** One row of {@code os-hypervisors/detail}, with the service's state. */
    public record HypervisorView(ComputeNodeRecord node, String state, String status, int serviceId,
                                 Optional<String> disabledReason, List<String> aggregates) {}

    public List<HypervisorView> hypervisors(String token) {
        return served(token, "GET", "/v2.1/os-hypervisors/detail", 200, "2.1", true, () -> hypervisors0(token));
    }

    private List<HypervisorView> hypervisors0(String token) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-hypervisors:list-detail");
        List<HypervisorView> out = new ArrayList<>();
        for (ComputeNodeRecord n : db.computeNodes()) {
            Service s = db.service("nova-compute", n.host()).orElseThrow();
            List<String> aggs = db.api.aggregates.values().stream().filter(a -> a.hosts().contains(n.host())).map(Aggregate::name).toList();
            out.add(new HypervisorView(n, hostManager.isUp(s) ? "up" : "down", s.disabled() ? "disabled" : "enabled", s.id,
                    s.disabledReason(), aggs));
        }
        return out;
    }

    /** A service row with its computed state and zone. */
    public record ServiceView(Service service, String zone, String state) {}

    public List<ServiceView> services(String token) {
        return served(token, "GET", "/v2.1/os-services", 200, "2.53", true, () -> services0(token));
    }

    private List<ServiceView> services0(String token) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-services:list");
        List<ServiceView> out = new ArrayList<>();
        for (Service s : db.services()) {
            String zone = s.binary.equals("nova-compute") ? conductor.availabilityZoneOf(s.host) : "internal";
            out.add(new ServiceView(s, zone, hostManager.isUp(s) ? "up" : "down"));
        }
        return out;
    }

    /** {@code PUT /os-services/{id}}: enable, disable (with reason) or force down. */
    public ServiceView setService(String token, String host, String binary, Optional<Boolean> enabled, Optional<String> reason,
                                  Optional<Boolean> forcedDown) {
        return served(token, "PUT", "/v2.1/os-services/" + host, 200, "2.53", true, () -> setService0(token, host, binary, enabled, reason, forcedDown));
    }

    private ServiceView setService0(String token, String host, String binary, Optional<Boolean> enabled, Optional<String> reason,
                                  Optional<Boolean> forcedDown) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-services:update");
        Service s = db.service(binary, host).orElseThrow(() -> CloudError.notFound("Service " + binary + " on host " + host + " not found."));
        long now = timeline.clock().nowMs();
        enabled.ifPresent(e -> s.setDisabled(!e, e ? Optional.empty() : reason, now));
        forcedDown.ifPresent(f -> s.setForcedDown(f, now));
        String zone = s.binary.equals("nova-compute") ? conductor.availabilityZoneOf(s.host) : "internal";
        return new ServiceView(s, zone, hostManager.isUp(s) ? "up" : "down");
    }

    public List<Aggregate> aggregates(String token) {
        return served(token, "GET", "/v2.1/os-aggregates", 200, "2.1", true, () -> aggregates0(token));
    }

    private List<Aggregate> aggregates0(String token) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-aggregates:index");
        return List.copyOf(db.api.aggregates.values());
    }

    /** One row of {@code GET /os-migrations} (2.1), with the destination host's address and the flavor. */
    public record MigrationView(ConductorManager.Migration migration, String destHostIp, String flavorId) {}

    public List<MigrationView> migrations(String token, Optional<String> instanceUuid, Optional<String> host, Optional<String> status) {
        return served(token, "GET", "/v2.1/os-migrations", 200, "2.1", true, () -> {
            RequestContext ctx = context(token);
            authorize(ctx, "os_compute_api:os-migrations:index");
            List<MigrationView> out = new ArrayList<>();
            List<ConductorManager.Migration> all = new ArrayList<>(conductor.migrations());
            java.util.Collections.reverse(all);
            for (ConductorManager.Migration m : all) {
                if (instanceUuid.isPresent() && !m.instanceUuid().equals(instanceUuid.get())) continue;
                if (host.isPresent() && !m.sourceCompute().equals(host.get()) && !m.destCompute().equals(host.get())) continue;
                if (status.isPresent() && !m.status().equalsIgnoreCase(status.get())) continue;
                String ip = db.computeNodes().stream().filter(n -> n.host().equals(m.destCompute())).map(ComputeNodeRecord::hostIp)
                        .findFirst().orElse("");
                String flavor = db.instance(m.instanceUuid()).map(i -> i.flavor.id()).orElse("");
                out.add(new MigrationView(m, ip, flavor));
            }
            return out;
        });
    }

    /** {@code GET /os-aggregates/{id}}: by id (OSC finds by name by listing). */
    public Aggregate aggregate(String token, int id) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-aggregates:show");
        return Optional.ofNullable(db.api.aggregates.get(id)).orElseThrow(() -> CloudError.notFound("Aggregate " + id + " could not be found."));
    }

    /** {@code POST /os-aggregates}: a name, and an availability zone that makes it an AZ. */
    public Aggregate createAggregate(String token, String name, Optional<String> zone) {
        return served(token, "POST", "/v2.1/os-aggregates", 200, "2.1", true, () -> createAggregate0(token, name, zone));
    }

    private Aggregate createAggregate0(String token, String name, Optional<String> zone) {
        RequestContext ctx = context(token);
        authorize(ctx, "os_compute_api:os-aggregates:create");
        if (name.isBlank() || name.length() > 255) {
            throw CloudError.badRequest("Invalid input for field/attribute name. Value: " + name + ". '" + name + "' is too short");
        }
        if (zone.isPresent() && (zone.get().isBlank() || zone.get().contains(":"))) {
            throw CloudError.badRequest("Invalid input for field/attribute availability_zone. Value: " + zone.get()
                    + ". '" + zone.get() + "' does not match '^[a-zA-Z0-9-_:. ]{1,255}$'");
        }
        if (db.api.aggregates.values().stream().anyMatch(a -> a.name().equals(name))) {
            throw CloudError.conflict("Aggregate " + name + " already exists.");
        }
        int id = db.api.aggregates.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        Map<String, String> md = new LinkedHashMap<>();
        zone.ifPresent(z -> md.put("availability_zone", z));
        Aggregate a = new Aggregate(id, ids.uuid(), name, List.of(), md, timeline.clock().isoMicro());
        db.api.aggregates.put(id, a);
        return a;
    }

    /** {@code POST /os-aggregates/{id}/action {"add_host"}}: a host may sit in one availability zone only. */
    public Aggregate addAggregateHost(String token, int id, String host) {
        return served(token, "POST", "/v2.1/os-aggregates/" + id + "/action", 200, "2.1", true, () -> addAggregateHost0(token, id, host));
    }

    private Aggregate addAggregateHost0(String token, int id, String host) {
        Aggregate a = aggregate(token, id);
        authorize(context(token), "os_compute_api:os-aggregates:add_host");
        if (db.computeNodes().stream().noneMatch(n -> n.host().equals(host))) {
            throw CloudError.notFound("Compute host " + host + " could not be found.");
        }
        if (a.hosts().contains(host)) throw CloudError.conflict("Aggregate " + id + " already has host " + host + ".");
        if (a.availabilityZone().isPresent()) {
            Set<String> other = new LinkedHashSet<>(db.api.zonesOf(host));
            other.remove(a.availabilityZone().get());
            if (!other.isEmpty()) {
                throw CloudError.badRequest("Cannot add host to aggregate " + id + ". Reason: One or more hosts already in availability zone(s) "
                        + other.stream().map(z -> "'" + z + "'").toList() + ".");
            }
        }
        List<String> hosts = new ArrayList<>(a.hosts());
        hosts.add(host);
        return putAggregate(new Aggregate(a.id(), a.uuid(), a.name(), hosts, a.metadata(), a.createdAt()));
    }

    /** {@code POST /os-aggregates/{id}/action {"remove_host"}}. */
    public Aggregate removeAggregateHost(String token, int id, String host) {
        return served(token, "POST", "/v2.1/os-aggregates/" + id + "/action", 200, "2.1", true, () -> removeAggregateHost0(token, id, host));
    }

    private Aggregate removeAggregateHost0(String token, int id, String host) {
        Aggregate a = aggregate(token, id);
        authorize(context(token), "os_compute_api:os-aggregates:remove_host");
        if (!a.hosts().contains(host)) throw CloudError.notFound("Aggregate " + id + " has no host " + host + ".");
        List<String> hosts = new ArrayList<>(a.hosts());
        hosts.remove(host);
        return putAggregate(new Aggregate(a.id(), a.uuid(), a.name(), hosts, a.metadata(), a.createdAt()));
    }

    /** {@code PUT /os-aggregates/{id}} (name, zone) and {@code set_metadata} (a null value deletes a key). */
    public Aggregate updateAggregate(String token, int id, Optional<String> name, Map<String, Optional<String>> metadata) {
        return served(token, "PUT", "/v2.1/os-aggregates/" + id, 200, "2.1", true, () -> updateAggregate0(token, id, name, metadata));
    }

    private Aggregate updateAggregate0(String token, int id, Optional<String> name, Map<String, Optional<String>> metadata) {
        Aggregate a = aggregate(token, id);
        authorize(context(token), "os_compute_api:os-aggregates:update");
        if (name.isPresent() && !name.get().equals(a.name()) && db.api.aggregates.values().stream().anyMatch(x -> x.name().equals(name.get()))) {
            throw CloudError.conflict("Aggregate " + name.get() + " already exists.");
        }
        Map<String, String> md = new LinkedHashMap<>(a.metadata());
        metadata.forEach((k, v) -> { if (v.isPresent()) md.put(k, v.get()); else md.remove(k); });
        String zone = md.get("availability_zone");
        if (metadata.containsKey("availability_zone") && zone != null) {
            if (zone.isEmpty()) {
                throw CloudError.badRequest("Cannot update aggregate " + id + ". Reason: Aggregate " + a.name()
                        + " does not support empty named availability zone.");
            }
            List<String> conflicting = db.api.aggregates.values().stream()
                    .filter(x -> x.id() != a.id() && x.availabilityZone().isPresent() && !x.availabilityZone().get().equals(zone)
                            && x.hosts().stream().anyMatch(a.hosts()::contains))
                    .map(x -> "'" + x.availabilityZone().get() + "'").toList();
            if (!conflicting.isEmpty()) {
                throw CloudError.badRequest("Cannot update aggregate " + id + ". Reason: One or more hosts already in availability zone(s) "
                        + conflicting + ".");
            }
            boolean busy = db.instances().stream().anyMatch(i -> !i.deleted() && i.host().map(a.hosts()::contains).orElse(false));
            if (!zone.equals(a.metadata().get("availability_zone")) && busy) {
                throw CloudError.badRequest("Cannot update aggregate " + id + ". Reason: One or more hosts contain instances in this zone.");
            }
        }
        return putAggregate(new Aggregate(a.id(), a.uuid(), name.orElse(a.name()), a.hosts(), md, a.createdAt()));
    }

    /** {@code DELETE /os-aggregates/{id}}: only an empty aggregate. */
    public void deleteAggregate(String token, int id) {
        served(token, "DELETE", "/v2.1/os-aggregates/" + id, 200, "2.1", false, () -> { deleteAggregate0(token, id); return null; });
    }

    private void deleteAggregate0(String token, int id) {
        Aggregate a = aggregate(token, id);
        authorize(context(token), "os_compute_api:os-aggregates:delete");
        if (!a.hosts().isEmpty()) {
            throw CloudError.badRequest("Cannot remove host from aggregate " + id + ". Reason: Host aggregate is not empty.");
        }
        db.api.aggregates.remove(id);
    }

    private Aggregate putAggregate(Aggregate a) {
        db.api.aggregates.put(a.id(), a);
        return a;
    }

    /** One availability zone with its hosts and their services (available = up, active = enabled). */
    public record ZoneView(String name, boolean available, Map<String, List<ServiceView>> hosts) {}

    public List<ZoneView> availabilityZones(String token, boolean detail) {
        return served(token, "GET", detail ? "/v2.1/os-availability-zone/detail" : "/v2.1/os-availability-zone", 200, "2.1", true, () -> availabilityZones0(token, detail));
    }

    private List<ZoneView> availabilityZones0(String token, boolean detail) {
        RequestContext ctx = context(token);
        if (detail) authorize(ctx, "os_compute_api:os-availability-zone:detail");
        Map<String, Map<String, List<ServiceView>>> zones = new java.util.TreeMap<>();
        for (Service s : db.services()) {
            String zone = s.binary.equals("nova-compute") ? conductor.availabilityZoneOf(s.host) : "internal";
            if (!detail && zone.equals("internal")) continue;
            String state = hostManager.isUp(s) ? "up" : "down";
            zones.computeIfAbsent(zone, z -> new LinkedHashMap<>()).computeIfAbsent(s.host, h -> new ArrayList<>())
                    .add(new ServiceView(s, zone, state));
        }
        List<ZoneView> out = new ArrayList<>();
        zones.forEach((z, hosts) -> {
            boolean available = hosts.values().stream().flatMap(List::stream).anyMatch(v -> v.state().equals("up") && !v.service().disabled());
            out.add(new ZoneView(z, available, hosts));
        });
        return out;
    }

    /** Quota limits and usage of the caller's project ({@code openstack quota show}, {@code limits show}). */
    public record QuotaView(NovaConf.QuotaOptions limits, int instancesUsed, int coresUsed, int ramUsed, int keyPairsUsed) {}

    public QuotaView quotas(String token) {
        return served(token, "GET", "/v2.1/os-quota-sets/" + token.hashCode(), 200, "2.1", true, () -> quotas0(token));
    }

    private QuotaView quotas0(String token) {
        RequestContext ctx = context(token);
        List<Instance> mine = db.instances().stream().filter(i -> i.projectId.equals(ctx.projectId())).toList();
        return new QuotaView(conf.get().quotaOptions(), mine.size(), mine.stream().mapToInt(i -> i.flavor.vcpus()).sum(),
                mine.stream().mapToInt(i -> i.flavor.ramMb()).sum(),
                (int) db.api.keyPairs.stream().filter(k -> k.userId().equals(ctx.userId())).count());
    }

    // ===================== nova-api's request log =====================

    private Optional<novalab.engine.common.NovaLog> requestLog = Optional.empty();
    private String clientAddress = "-";
    private int depth;
    private int served;

    /** Where nova-api writes its {@code nova.api.openstack.requestlog} lines, and the address its clients come from. */
    public void requestLog(novalab.engine.common.NovaLog log, String clientAddress) {
        this.requestLog = Optional.of(log);
        this.clientAddress = clientAddress;
    }

    /**
     * One REST request: runs it and writes oslo's requestlog line ({@code "GET /v2.1/servers/detail" status: 200
     * len: 1234 microversion: 2.1 time: 0.031217}) with the request id it ran under, whether it answered or failed.
     */
    private <T> T served(String token, String verb, String path, int okStatus, String microversion, boolean hasBody, Supplier<T> call) {
        if (depth > 0) return call.get();
        String before = bus.lastRequestId();
        int n = ++served;
        depth++;
        int status = okStatus;
        int len = 0;
        try {
            T out = call.get();
            // a stable stand-in for the body's length: rendering the view just to measure it costs more than the request
            if (hasBody) len = 2 + Math.floorMod((path + verb).hashCode(), 3800);
            return out;
        } catch (CloudError e) {
            status = e.status();
            len = e.getMessage().length() + 40;
            throw e;
        } finally {
            depth--;
            final int st = status;
            final int ln = len;
            requestLog.ifPresent(log -> {
                java.util.UUID h = java.util.UUID.nameUUIDFromBytes(("nova-api " + n).getBytes(StandardCharsets.UTF_8));
                String rid = bus.lastRequestId().equals(before)
                        ? "req-" + new java.util.UUID((h.getMostSignificantBits() & ~0xF000L) | 0x4000L, h.getLeastSignificantBits())
                        : bus.lastRequestId();
                String who = "-";
                try {
                    RequestContext rc = keystone.validate(token);
                    who = rc.userId() + " " + rc.projectId() + " - default default";
                } catch (CloudError e) {
                    who = "- - - - -";
                }
                if (st != 0) {
                    log.log("INFO", "nova.api.openstack.requestlog", rid + " " + who, clientAddress + " \"" + verb + " " + path + "\" status: "
                            + st + " len: " + ln + " microversion: " + microversion + " time: " + String.format("%.6f", 0.012 + (Math.floorMod((path + n).hashCode(), 400)) / 1000.0));
                }
            });
        }
    }

    /** Runs read-only calls without counting or logging them as requests (Tab completion's look-ups). */
    public <T> T unrecorded(Supplier<T> call) {
        depth++;
        try {
            return call.get();
        } finally {
            depth--;
        }
    }
}

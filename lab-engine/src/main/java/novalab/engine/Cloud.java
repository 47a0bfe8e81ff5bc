package novalab.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import novalab.engine.api.ComputeApi;
import novalab.engine.bus.MessageBus;
import novalab.engine.common.Ids;
import novalab.engine.common.NovaLog;
import novalab.engine.common.SimClock;
import novalab.engine.common.Timeline;
import novalab.engine.compute.ComputeManager;
import novalab.engine.compute.Flavor;
import novalab.engine.conductor.ConductorManager;
import novalab.engine.conf.IniFile;
import novalab.engine.conf.NovaConf;
import novalab.engine.db.Aggregate;
import novalab.engine.db.CellDatabase;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.db.NovaDb;
import novalab.engine.db.Service;
import novalab.engine.identity.Keystone;
import novalab.engine.image.Glance;
import novalab.engine.network.Model.Network;
import novalab.engine.network.Model.Subnet;
import novalab.engine.network.Neutron;
import novalab.engine.nodes.ServiceUnit;
import novalab.engine.nodes.SimNode;
import novalab.engine.scheduler.HostManager;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.SchedulerManager;
import novalab.engine.virt.ComputeDriver;
import novalab.engine.virt.Drivers;
import novalab.engine.virt.HostSpec;

/**
 * The assembled deployment of one sandbox: Keystone, Glance, Neutron, and Nova's api, conductor,
 * scheduler and one compute manager per host, on one simulated timeline, plus the machines a student
 * can log in to. Built by {@link #create}; a pure function of (scenario, seed, timed history).
 */
public final class Cloud {
    public static final String CONTROLLER_CONF = "/etc/nova/nova.conf";

    private final LabConfig.Frozen config;
    private final String scenarioName;
    private final SimClock clock;
    private final Timeline timeline;
    private final Ids ids;
    private final Keystone keystone;
    private final Glance glance;
    private final Neutron neutron;
    private final NovaDb db = new NovaDb();
    private final MessageBus bus;
    private final Map<String, ComputeManager> computes = new LinkedHashMap<>();
    private final Map<String, SimNode> computeNodes = new LinkedHashMap<>();
    private final Map<String, ComputeDriver> drivers = new LinkedHashMap<>();
    private final Map<String, NovaLog> logs = new LinkedHashMap<>();
    private final SimNode controller;
    private final SimNode workstation;
    private final HostManager hostManager;
    private final SchedulerManager scheduler;
    private final ConductorManager conductor;
    private final ComputeApi computeApi;
    private NovaConf activeConf;
    private final Map<String, novalab.engine.nodes.GuestNode> guests = new LinkedHashMap<>();
    private final String region;
    private final novalab.engine.scheduler.external.ExternalScheduling externalScheduling;
    private final novalab.engine.cli.az.AzureRegistry azure;

    private Cloud(LabConfig.Frozen config, novalab.engine.scheduler.external.ExternalScheduling externalScheduling) {
        this.config = config;
        this.externalScheduling = externalScheduling;
        JsonNode sc = readScenario(config.scenario());
        this.scenarioName = sc.path("name").asText("scenario");
        this.region = sc.path("region").asText("RegionOne");
        this.clock = new SimClock(Instant.parse(sc.path("epoch").asText("2026-09-14T09:00:00Z")).toEpochMilli());
        this.timeline = new Timeline(clock);
        this.ids = new Ids(config.seed());
        this.keystone = new Keystone(clock, ids);
        this.glance = new Glance(clock, ids);
        this.neutron = new Neutron(clock, ids);
        this.bus = new MessageBus(timeline, ids);
        this.azure = new novalab.engine.cli.az.AzureRegistry(ids);

        Map<String, String> projectIds = loadIdentity(sc);
        loadImages(sc, projectIds.get("admin"));
        loadNetworks(sc, projectIds);
        loadFlavors(sc, projectIds);

        JsonNode ctl = sc.path("controller");
        controller = new SimNode(ctl.path("hostname").asText("controller"), "root", "/root", ctl.path("ip").asText("10.0.0.11"));
        controller.fs().write(CONTROLLER_CONF, resource(ctl.path("nova_conf").asText("nova.conf")), 0640, "root");
        controller.fs().write("/root/admin-openrc.sh", resource("admin-openrc.sh"), 0600, "root");
        activeConf = readConf();

        db.addCell("cell0", NovaDb.CELL0_UUID);
        for (JsonNode c : sc.path("cells")) db.addCell(c.asText(), ids.uuid());
        CellDatabase cell1 = db.cells.values().stream().skip(1).findFirst().orElseThrow();

        hostManager = new HostManager(db, clock::nowMs, () -> activeConf.computeOptions().serviceDownTime());
        NovaLog schedLog = log(controller.hostname(), "nova-scheduler");
        scheduler = new SchedulerManager(hostManager, ids, clock,
                (level, logger, req, msg) -> schedLog.log(level, logger, req.isEmpty() ? "" : req + " - - - - -", msg));
        conductor = new ConductorManager(db, bus, scheduler, computes, timeline, log(controller.hostname(), "nova-conductor"));
        computeApi = new ComputeApi(keystone, glance, neutron, db, conductor, bus, computes, hostManager, timeline, ids,
                () -> activeConf, () -> controller.unit("nova-api").map(ServiceUnit::running).orElse(false));

        int aggId = 1;
        for (JsonNode a : sc.path("aggregates")) {
            Map<String, String> md = new LinkedHashMap<>();
            a.path("metadata").fields().forEachRemaining(e -> md.put(e.getKey(), e.getValue().asText()));
            if (a.has("availability_zone")) md.put("availability_zone", a.path("availability_zone").asText());
            List<String> hosts = new ArrayList<>();
            a.path("hosts").forEach(h -> hosts.add(h.asText()));
            db.api.aggregates.put(aggId, new Aggregate(aggId, ids.uuid(), a.path("name").asText(), hosts, md, clock.isoMicro()));
            aggId++;
        }

        addControllerService(cell1, "nova-scheduler", "scheduler", 1872);
        addControllerService(cell1, "nova-conductor", "conductor", 1865);
        controller.unit(new ServiceUnit("nova-api", "OpenStack Compute API", "/usr/bin/nova-api", 1859,
                () -> Optional.empty(), () -> { }));
        for (JsonNode h : sc.path("hosts")) addComputeHost(h);

        JsonNode ws = sc.path("workstation");
        workstation = new SimNode(ws.path("hostname").asText("workstation"), ws.path("user").asText("student"),
                "/home/" + ws.path("user").asText("student"), ws.path("ip").asText("198.51.100.23"));
        ws.path("files").fields().forEachRemaining(e ->
                workstation.fs().write(workstation.home() + "/" + e.getKey(), resource(e.getValue().asText()), 0644, workstation.user()));

        computeApi.requestLog(log(controller.hostname(), "nova-api"), workstation.ip());
        mountLogs();
        for (SimNode n : nodes()) {
            for (ServiceUnit u : n.units().values()) u.start(0);
        }
        bus.setConsuming("conductor", true);
    }

    /** Builds a new sandbox; {@code configure} edits the seed, driver and scenario. */
    public static Cloud create(Consumer<LabConfig> configure) {
        LabConfig c = new LabConfig();
        configure.accept(c);
        return new Cloud(c.freeze(), c.externalScheduling);
    }

    /** Runs student-written filters and weighers (the sandbox, or one that refuses them). */
    public novalab.engine.scheduler.external.ExternalScheduling externalScheduling() { return externalScheduling; }

    // ----- scenario loading -----

    private static final Map<String, String> RESOURCES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, JsonNode> SCENARIOS = new java.util.concurrent.ConcurrentHashMap<>();

    private static JsonNode readScenario(String name) {
        return SCENARIOS.computeIfAbsent(name, Cloud::parseScenario);
    }

    private static JsonNode parseScenario(String name) {
        try {
            return new ObjectMapper().readTree(resource(name));
        } catch (IOException e) {
            throw new UncheckedIOException("scenario " + name + " is not valid JSON", e);
        }
    }

    /** A file of the scenario folder (content/week9/scenario), packaged under novalab/scenario/. */
    public static String resource(String name) {
        return RESOURCES.computeIfAbsent(name, Cloud::readResource);
    }

    private static String readResource(String name) {
        try (InputStream in = Cloud.class.getResourceAsStream("/novalab/scenario/" + name)) {
            if (in == null) throw new IllegalArgumentException("no scenario file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> loadIdentity(JsonNode sc) {
        for (JsonNode d : sc.path("domains")) keystone.addDomain(d.path("id").asText(), d.path("name").asText());
        Map<String, String> projectIds = new LinkedHashMap<>();
        for (JsonNode p : sc.path("projects")) {
            projectIds.put(p.path("name").asText(), keystone.addProject(p.path("name").asText(), "default",
                    p.path("description").asText("")).id());
        }
        for (String r : List.of("admin", "member", "reader")) keystone.role(r);
        for (JsonNode u : sc.path("users")) {
            var user = keystone.addUser(u.path("name").asText(), "default", u.path("password").asText(),
                    projectIds.get(u.path("default_project").asText()));
            u.path("roles").fields().forEachRemaining(e -> e.getValue().forEach(r -> keystone.grant(user.id(), projectIds.get(e.getKey()), r.asText())));
            u.path("ec2_credentials").forEach(c -> keystone.addEc2Credential(user.id(), projectIds.get(c.path("project").asText()),
                    c.path("access").asText(), c.path("secret").asText()));
        }
        return projectIds;
    }

    private void loadImages(JsonNode sc, String adminProject) {
        for (JsonNode i : sc.path("images")) {
            Map<String, String> props = new LinkedHashMap<>();
            i.path("properties").fields().forEachRemaining(e -> props.put(e.getKey(), e.getValue().asText()));
            glance.add(i.path("name").asText(), "public", adminProject, i.path("size").asLong(), i.path("virtual_size").asLong(),
                    i.path("min_disk").asInt(), i.path("min_ram").asInt(), props);
        }
    }

    private void loadNetworks(JsonNode sc, Map<String, String> projectIds) {
        Map<String, String> subnetIds = new LinkedHashMap<>();
        Map<String, String> netIds = new LinkedHashMap<>();
        for (JsonNode n : sc.path("networks")) {
            Network net = neutron.addNetwork(n.path("name").asText(), projectIds.get(n.path("project").asText()),
                    n.path("shared").asBoolean(), n.path("external").asBoolean(), n.path("mtu").asInt(1450));
            netIds.put(net.name(), net.id());
            JsonNode s = n.path("subnet");
            List<String> dns = new ArrayList<>();
            s.path("dns").forEach(x -> dns.add(x.asText()));
            Subnet sub = neutron.addSubnet(s.path("name").asText(), net.id(), net.projectId(), s.path("cidr").asText(),
                    s.path("gateway").asText(), s.path("pool_start").asText(), s.path("pool_end").asText(), dns, s.path("dhcp").asBoolean());
            subnetIds.put(sub.name(), sub.id());
        }
        for (JsonNode r : sc.path("routers")) {
            List<String> subs = new ArrayList<>();
            r.path("subnets").forEach(x -> subs.add(subnetIds.get(x.asText())));
            neutron.addRouter(r.path("name").asText(), projectIds.get(r.path("project").asText()),
                    netIds.get(r.path("external_network").asText()), subs);
        }
        projectIds.values().forEach(neutron::defaultGroup);
    }

    private void loadFlavors(JsonNode sc, Map<String, String> projectIds) {
        for (JsonNode f : sc.path("flavors")) {
            Map<String, String> specs = new LinkedHashMap<>();
            f.path("properties").fields().forEachRemaining(e -> specs.put(e.getKey(), e.getValue().asText()));
            Flavor fl = new Flavor(f.path("id").asText(), f.path("name").asText(), f.path("vcpus").asInt(), f.path("ram").asInt(),
                    f.path("disk").asInt(), f.path("ephemeral").asInt(0), f.path("swap").asInt(0), 1.0,
                    f.path("public").asBoolean(true), false, "", specs);
            db.api.flavors.put(fl.id(), fl);
            f.path("projects").forEach(p -> db.api.flavorProjects.computeIfAbsent(fl.id(), k -> new java.util.LinkedHashSet<>())
                    .add(projectIds.get(p.asText())));
        }
    }

    private void addControllerService(CellDatabase cell, String binary, String topic, int pid) {
        Service svc = new Service(db.nextServiceId(), ids.uuid(), binary, controller.hostname(), topic, 0);
        cell.services.put(binary + "@" + controller.hostname(), svc);
        ServiceUnit unit = new ServiceUnit(binary, "OpenStack Compute " + topic.substring(0, 1).toUpperCase() + topic.substring(1),
                "/usr/bin/" + binary, pid, () -> startControllerService(binary), () -> bus.setConsuming(topic, false));
        controller.unit(unit);
        periodic(5_000, () -> activeConf.computeOptions().reportInterval() * 1000L, "heartbeat " + binary, () -> {
            if (unit.running()) svc.heartbeat(clock.nowMs());
        });
    }

    private Optional<String> startControllerService(String binary) {
        NovaConf conf = readConf();
        NovaLog l = log(controller.hostname(), binary);
        try {
            conf.computeOptions();
            if (binary.equals("nova-scheduler")) {
                scheduler.start(conf.schedulerOptions(), studentClasses());
                l.log("INFO", "nova.scheduler.manager", "", "Starting scheduler with enabled_filters = "
                        + String.join(",", scheduler.enabledFilterNames()) + "; weighers = " + String.join(",", scheduler.weigherNames()));
                bus.setConsuming("scheduler", true);
            } else {
                bus.setConsuming("conductor", true);
            }
            activeConf = conf;
            l.log("INFO", "oslo_service.service", "", "Starting " + binary + " node (version 26.2.0)");
            return Optional.empty();
        } catch (RuntimeException e) {
            l.log("CRITICAL", binary.replace('-', '.') + ".cmd", "", "Unhandled error: " + e.getMessage());
            return Optional.of(e.getMessage());
        }
    }

    /** The student filters and weighers saved on the controller, run by the configured sandbox. */
    private novalab.engine.scheduler.external.StudentClasses studentClasses() {
        return new novalab.engine.scheduler.external.StudentClasses(externalScheduling,
                n -> studentSource(novalab.engine.scheduler.external.StudentClasses.FILTERS_DIR, n),
                n -> studentSource(novalab.engine.scheduler.external.StudentClasses.WEIGHERS_DIR, n));
    }

    private Optional<String> studentSource(String dir, String className) {
        if (!className.matches("[A-Za-z_$][A-Za-z0-9_$]*")) return Optional.empty();
        String path = dir + "/" + className + ".java";
        return controller.fs().file(path).map(novalab.engine.shell.VirtualFs.FileEntry::content);
    }

    private void addComputeHost(JsonNode h) {
        Map<String, Integer> pci = new LinkedHashMap<>();
        h.path("pci").fields().forEachRemaining(e -> pci.put(e.getKey(), e.getValue().asInt()));
        List<String> features = new ArrayList<>();
        h.path("features").forEach(x -> features.add(x.asText()));
        LinkedHashSet<String> traits = new LinkedHashSet<>();
        h.path("traits").forEach(x -> traits.add(x.asText()));
        HostSpec spec = new HostSpec(h.path("hostname").asText(), h.path("ip").asText(), h.path("vcpus").asInt(),
                h.path("memory_mb").asInt(), h.path("local_gb").asInt(), h.path("arch").asText("x86_64"),
                h.path("cpu_model").asText(), h.path("cpu_vendor").asText(), h.path("sockets").asInt(1),
                h.path("cores").asInt(1), h.path("threads").asInt(1), features, pci, traits, h.path("hypervisor_version").asInt());
        String host = spec.hostname();
        String cellName = h.path("cell").asText("cell1");
        CellDatabase cell = db.cells.get(cellName);
        ComputeDriver driver = Drivers.create(config.driver(), spec, clock::instant);
        drivers.put(host, driver);
        SimNode node = new SimNode(host, "root", "/root", spec.hostIp());
        computeNodes.put(host, node);
        NovaConf.ComputeOptions opts = activeConf.computeOptions();
        ComputeNodeRecord rec = new ComputeNodeRecord(db.nextComputeNodeId(), host, host, "QEMU", spec.hypervisorVersion(),
                spec.hostIp(), spec.vcpus(), 0, spec.memoryMb(), opts.reservedHostMemoryMb(), spec.localGb(), 0, 0, 0,
                spec.localGb(), cpuInfo(spec), opts.ramAllocationRatio(), opts.cpuAllocationRatio(), opts.diskAllocationRatio(),
                List.of(new HostState.SupportedInstance(spec.arch(), "kvm", "hvm"), new HostState.SupportedInstance(spec.arch(), "qemu", "hvm")),
                pci, traits, 0);
        cell.computeNodes.put(host, rec);
        Service svc = new Service(db.nextServiceId(), ids.uuid(), "nova-compute", host, "compute", 0);
        cell.services.put("nova-compute@" + host, svc);
        db.api.hostMappings.put(host, cellName);
        NovaLog clog = log(host, "nova-compute");
        ComputeManager cm = new ComputeManager(driver, conductor, neutron, glance, timeline, clog, () -> activeConf.computeOptions(), rec);
        computes.put(host, cm);
        cm.traceDriverCallsTo(bus);
        String topic = "compute." + host;
        ServiceUnit unit = new ServiceUnit("nova-compute", "OpenStack Compute", "/usr/bin/nova-compute", 2301 + computes.size(),
                () -> {
                    bus.setConsuming(topic, true);
                    clog.log("INFO", "oslo_service.service", "", "Starting compute node (version 26.2.0)");
                    return Optional.empty();
                }, () -> bus.setConsuming(topic, false));
        node.unit(unit);
        node.unit(new ServiceUnit("libvirtd", "Virtualization daemon", "/usr/sbin/libvirtd", 1204, () -> Optional.empty(), () -> { }));
        periodic(5_000, () -> activeConf.computeOptions().reportInterval() * 1000L, "heartbeat " + host, () -> {
            if (unit.running() && bus.isConsuming("conductor")) conductor.serviceReport("nova-compute", host);
        });
        periodic(60_000, () -> 60_000L, "update_available_resource " + host, () -> {
            if (unit.running() && bus.isConsuming("conductor")) cm.updateAvailableResource();
        });
    }

    private static String cpuInfo(HostSpec s) {
        StringBuilder f = new StringBuilder("[");
        for (int i = 0; i < s.cpuFeatures().size(); i++) f.append(i > 0 ? ", " : "").append('"').append(s.cpuFeatures().get(i)).append('"');
        f.append(']');
        return "{\"arch\": \"" + s.arch() + "\", \"model\": \"" + s.cpuModel() + "\", \"vendor\": \"" + s.cpuVendor()
                + "\", \"topology\": {\"cells\": 1, \"sockets\": " + s.sockets() + ", \"cores\": " + s.cores() + ", \"threads\": "
                + s.threads() + "}, \"features\": " + f + "}";
    }

    private void periodic(long firstDelay, java.util.function.LongSupplier interval, String label, Runnable r) {
        timeline.after(firstDelay, label, new Runnable() {
            @Override
            public void run() {
                r.run();
                timeline.after(Math.max(1_000L, interval.getAsLong()), label, this);
            }
        });
    }

    // ----- accessors -----

    /** nova.conf as the controller's file says now (edits take effect when a service restarts). */
    public NovaConf readConf() {
        return NovaConf.of(controller.fs().file(CONTROLLER_CONF).map(f -> f.content()).orElse(""));
    }

    /** The configuration the running services loaded. */
    public NovaConf activeConf() { return activeConf; }

    /** A service's log, shown on its node as {@code /var/log/nova/<binary>.log}. */
    public NovaLog log(String host, String binary) {
        return logs.computeIfAbsent(host + ":" + binary, k -> new NovaLog(clock, 1800 + logs.size() * 7, () -> activeConf != null && activeConf.debug()));
    }

    private void mountLogs() {
        logs.forEach((key, log) -> {
            String host = key.substring(0, key.indexOf(':'));
            String binary = key.substring(key.indexOf(':') + 1);
            SimNode node = host.equals(controller.hostname()) ? controller : computeNodes.get(host);
            if (node != null) node.fs().mount("/var/log/nova/" + binary + ".log", log::text, 0640, "nova");
        });
    }

    public Map<String, NovaLog> logs() { return novalab.engine.common.Ordered.map(logs); }

    public LabConfig.Frozen config() { return config; }
    public String scenarioName() { return scenarioName; }
    public String region() { return region; }
    public SimClock clock() { return clock; }
    public Timeline timeline() { return timeline; }
    public Ids ids() { return ids; }
    public Keystone keystone() { return keystone; }
    public Glance glance() { return glance; }
    public Neutron neutron() { return neutron; }
    /** The Azure side of this cloud (account, resource groups, ARM names) used by the {@code az} CLI. */
    public novalab.engine.cli.az.AzureRegistry azure() { return azure; }
    public NovaDb db() { return db; }
    public MessageBus bus() { return bus; }
    public ComputeApi compute() { return computeApi; }
    public SchedulerManager scheduler() { return scheduler; }
    public ConductorManager conductor() { return conductor; }
    public HostManager hostManager() { return hostManager; }
    public Map<String, ComputeManager> computes() { return java.util.Collections.unmodifiableMap(computes); }
    public Map<String, ComputeDriver> drivers() { return java.util.Collections.unmodifiableMap(drivers); }
    public SimNode controller() { return controller; }
    public SimNode workstation() { return workstation; }
    public Map<String, SimNode> computeNodes() { return java.util.Collections.unmodifiableMap(computeNodes); }

    public List<SimNode> nodes() {
        List<SimNode> all = new ArrayList<>();
        all.add(controller);
        all.addAll(computeNodes.values());
        return all;
    }

    /** The guests students have logged in to, by instance uuid (created at first login). */
    public Map<String, novalab.engine.nodes.GuestNode> guests() { return guests; }

    /** Simulated ms since the sandbox started. */
    public long nowMs() { return clock.nowMs(); }

    /** Advances the simulated clock, firing what falls due. */
    public void advanceTo(long ms) { timeline.advanceTo(ms); }

    public void advanceBy(long ms) { timeline.advanceTo(clock.nowMs() + Math.max(0, ms)); }

    /** Releases hypervisor connections. */
    public void close() { drivers.values().forEach(ComputeDriver::close); }
}

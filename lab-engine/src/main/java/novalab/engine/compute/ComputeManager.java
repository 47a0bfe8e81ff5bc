package novalab.engine.compute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import novalab.engine.common.CloudError;
import novalab.engine.common.NovaLog;
import novalab.engine.common.SimClock;
import novalab.engine.common.Timeline;
import novalab.engine.conf.NovaConf.ComputeOptions;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.image.Glance;
import novalab.engine.image.Image;
import novalab.engine.network.Ipv4;
import novalab.engine.network.Model.Network;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.Subnet;
import novalab.engine.network.Neutron;
import novalab.engine.virt.ComputeDriver;
import novalab.engine.virt.InstanceSpec;
import novalab.engine.virt.PowerState;

/**
 * Simulates nova.compute.manager.ComputeManager on one host: consumes {@code compute.<host>}, claims
 * through its {@link ResourceTracker}, plugs ports, spawns through the {@link ComputeDriver}, and
 * reports every state change to the conductor. Each step takes simulated time, so a student who polls
 * sees BUILD pass through networking, block_device_mapping and spawning.
 */
public final class ComputeManager {
    /** Simulated durations of the build steps, in ms. */
    static final long NETWORKING_MS = 1500, BDM_MS = 1000, SPAWN_MS = 500, BOOT_MS = 4000;
    static final long POWER_OFF_MS = 2000, POWER_ON_MS = 2000, REBOOT_STEP_MS = 1000, SHELVE_STEP_MS = 1000, DELETE_MS = 1500;

    private final String host;
    private final ComputeDriver driver;
    private final ConductorApi conductor;
    private final Neutron neutron;
    private final Glance glance;
    private final Timeline timeline;
    private final SimClock clock;
    private final NovaLog log;
    private final Supplier<ComputeOptions> options;
    private final ResourceTracker tracker;
    private final Map<String, BuildRequestSpec> specs = new HashMap<>();
    private ComputeNodeRecord node;
    private Optional<novalab.engine.bus.MessageBus> driverTrace = Optional.empty();

    public ComputeManager(ComputeDriver driver, ConductorApi conductor, Neutron neutron, Glance glance, Timeline timeline,
                          NovaLog log, Supplier<ComputeOptions> options, ComputeNodeRecord initialNode) {
        this.host = driver.host().hostname();
        this.driver = driver;
        this.conductor = conductor;
        this.neutron = neutron;
        this.glance = glance;
        this.timeline = timeline;
        this.clock = timeline.clock();
        this.log = log;
        this.options = options;
        this.tracker = new ResourceTracker(driver.host());
        this.node = initialNode;
    }

    public String host() { return host; }

    /** Records each driver (libvirt) call in its request's bus trace, for the lab's request-flow diagram. */
    public void traceDriverCallsTo(novalab.engine.bus.MessageBus bus) { driverTrace = Optional.of(bus); }

    private void driverCall(String requestId, String what) {
        driverTrace.ifPresent(b -> b.note(requestId, "nova-compute@" + host, "libvirt@" + host, what));
    }

    public ComputeDriver driver() { return driver; }

    public ResourceTracker tracker() { return tracker; }

    private String ctx(String requestId, BuildRequestSpec s) {
        return requestId + " " + s.userId() + " " + s.projectId() + " - default default";
    }

    /** Pushes the resource tracker's view to the conductor (after claims and frees, and on the periodic audit). */
    public void reportResources() {
        node = tracker.report(node, options.get(), clock.nowMs());
        conductor.computeNodeUpdate(host, node);
    }

    /** {@code update_available_resource}, every 60 simulated seconds. */
    public void updateAvailableResource() {
        reportResources();
        log.log("INFO", "nova.compute.resource_tracker", "None req-periodic - - - - - -", tracker.finalResourceView(node));
    }

    /** {@code build_and_run_instance}. */
    public void buildAndRunInstance(String requestId, BuildRequestSpec spec) {
        specs.put(spec.uuid(), spec);
        String c = ctx(requestId, spec);
        try {
            tracker.instanceClaim(spec.uuid(), spec.flavor(), spec.requestSpec().pciRequests(), options.get());
        } catch (CloudError e) {
            log.log("DEBUG", "nova.compute.manager", c, "[instance: " + spec.uuid() + "] " + e.getMessage());
            log.log("INFO", "nova.compute.claims", c, "[instance: " + spec.uuid() + "] Failed to claim resources: " + e.getMessage());
            specs.remove(spec.uuid());
            conductor.rescheduleBuild(requestId, host, spec, e.getMessage());
            return;
        }
        log.log("INFO", "nova.compute.claims", c, "[instance: " + spec.uuid() + "] Claim successful on node " + host);
        reportResources();
        if (!conductor.instanceUpdate(requestId, host, spec.uuid(), InstanceChange.of().host(host).task(TaskState.NETWORKING))) {
            abandon(spec.uuid());
            return;
        }
        timeline.after(NETWORKING_MS, "allocate network " + spec.uuid(), () -> {
            if (!alive(spec.uuid())) return;
            for (String net : spec.networkIds()) {
                neutron.createPort(spec.projectId(), net, spec.uuid(), "compute:" + node.host(), spec.securityGroupIds(), host);
            }
            if (!conductor.instanceUpdate(requestId, host, spec.uuid(), InstanceChange.of().task(TaskState.BLOCK_DEVICE_MAPPING))) return;
            timeline.after(BDM_MS, "bdm " + spec.uuid(), () -> {
                if (!conductor.instanceUpdate(requestId, host, spec.uuid(), InstanceChange.of().task(TaskState.SPAWNING))) return;
                timeline.after(SPAWN_MS, "spawn " + spec.uuid(), () -> spawn(requestId, spec));
            });
        });
    }

    private boolean alive(String uuid) {
        return conductor.instanceGet(uuid).map(i -> !i.deleted() && i.taskState().map(t -> t != TaskState.DELETING).orElse(true)).orElse(false);
    }

    private void abandon(String uuid) {
        tracker.free(uuid);
        specs.remove(uuid);
        reportResources();
    }

    private void spawn(String requestId, BuildRequestSpec spec) {
        if (!alive(spec.uuid())) return;
        String c = ctx(requestId, spec);
        try {
            driverCall(requestId, "spawn: defineXML + createWithFlags");
            driver.spawn(instanceSpec(spec));
        } catch (RuntimeException e) {
            log.log("ERROR", "nova.compute.manager", c, "[instance: " + spec.uuid() + "] Instance failed to spawn: " + e.getMessage());
            neutron.deletePortsOf(spec.uuid());
            abandon(spec.uuid());
            conductor.rescheduleBuild(requestId, host, spec, e.getMessage());
            return;
        }
        log.log("INFO", "nova.virt.libvirt.driver", c, "[instance: " + spec.uuid() + "] Creating image(s)");
        timeline.after(BOOT_MS, "boot " + spec.uuid(), () -> {
            if (!alive(spec.uuid())) return;
            conductor.instanceUpdate(requestId, host, spec.uuid(), InstanceChange.of().vm(VmState.ACTIVE).noTask()
                    .power(PowerState.RUNNING).launchedAt(clock.isoMicro()));
            tracker.settle(spec.uuid());
            reportResources();
            log.log("INFO", "nova.compute.manager", c, "[instance: " + spec.uuid() + "] Took "
                    + String.format("%.2f", (SPAWN_MS + BOOT_MS) / 1000.0) + " seconds to spawn the instance on the hypervisor.");
            log.log("INFO", "nova.compute.manager", c, "[instance: " + spec.uuid() + "] Took "
                    + String.format("%.2f", (NETWORKING_MS + BDM_MS + SPAWN_MS + BOOT_MS) / 1000.0) + " seconds to build instance.");
            conductor.actionFinished(requestId, spec.uuid(), "create", Optional.empty());
        });
    }

    /** The driver's view of the guest to spawn: flavor, image, owner, ports (with their subnets), key. */
    InstanceSpec instanceSpec(BuildRequestSpec s) {
        List<InstanceSpec.Vif> vifs = new ArrayList<>();
        for (Port p : neutron.portsOfDevice(s.uuid())) {
            Network n = neutron.network(p.networkId()).orElseThrow();
            Subnet sub = neutron.subnet(p.fixedIps().get(0).subnetId()).orElseThrow();
            vifs.add(new InstanceSpec.Vif(p.id(), n.id(), n.name(), p.macAddress(), p.firstIp(), sub.cidr(), sub.gatewayIp(), n.mtu()));
        }
        Image img = s.image();
        Flavor f = s.flavor();
        return new InstanceSpec(s.uuid(), s.instanceName(), s.displayName(), s.hostname(), f.name(), f.ramMb(), f.vcpus(),
                f.diskGb(), f.ephemeralGb(), f.swapMb(), img.id(), img.name(), img.properties(), img.defaultUser(),
                osName(img), s.userId(), s.userName(), s.projectId(), s.projectName(), clock.plain(), clock.instant(), vifs,
                s.keyName(), s.publicKey(), s.keyFingerprint(), s.requestSpec().pciRequests());
    }

    static String osName(Image img) {
        String distro = img.properties().getOrDefault("os_distro", "");
        String version = img.properties().getOrDefault("os_version", "");
        return switch (distro) {
            case "cirros" -> "CirrOS " + version;
            case "ubuntu" -> "Ubuntu " + version + ("22.04".equals(version) ? ".3 LTS" : "");
            default -> img.name();
        };
    }

    /** {@code stop_instance}: ACPI shutdown, then the domain is shut off; resources stay claimed. */
    public void stopInstance(String requestId, String uuid) {
        timeline.after(POWER_OFF_MS, "power off " + uuid, () -> {
            driverCall(requestId, "power_off: shutdown");
            instanceName(uuid).ifPresent(driver::powerOff);
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().vm(VmState.STOPPED).noTask()
                    .power(PowerState.SHUTDOWN).expecting(TaskState.POWERING_OFF));
            conductor.actionFinished(requestId, uuid, "stop", Optional.empty());
        });
    }

    /** {@code start_instance}. */
    public void startInstance(String requestId, String uuid) {
        timeline.after(POWER_ON_MS, "power on " + uuid, () -> {
            driverCall(requestId, "power_on: createWithFlags");
            instanceName(uuid).ifPresent(driver::powerOn);
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().vm(VmState.ACTIVE).noTask()
                    .power(PowerState.RUNNING).expecting(TaskState.POWERING_ON));
            conductor.actionFinished(requestId, uuid, "start", Optional.empty());
        });
    }

    /** {@code reboot_instance}: soft walks rebooting → reboot_pending → reboot_started; hard the _hard ones. */
    public void rebootInstance(String requestId, String uuid, boolean hard) {
        TaskState pending = hard ? TaskState.REBOOT_PENDING_HARD : TaskState.REBOOT_PENDING;
        TaskState started = hard ? TaskState.REBOOT_STARTED_HARD : TaskState.REBOOT_STARTED;
        timeline.after(REBOOT_STEP_MS, "reboot " + uuid, () -> {
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().task(pending));
            timeline.after(REBOOT_STEP_MS, "reboot " + uuid, () -> {
                conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().task(started));
                driverCall(requestId, hard ? "reboot: destroy + createWithFlags" : "reboot: shutdown + createWithFlags");
                instanceName(uuid).ifPresent(n -> driver.reboot(n, hard));
                timeline.after(REBOOT_STEP_MS * 2, "rebooted " + uuid, () -> {
                    conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().vm(VmState.ACTIVE).noTask().power(PowerState.RUNNING));
                    conductor.actionFinished(requestId, uuid, "reboot", Optional.empty());
                });
            });
        });
    }

    /**
     * {@code shelve_instance}: snapshot to Glance as {@code <name>-shelved}, power off, SHELVED; with
     * {@code shelved_offload_time = 0} (the default) offload at once: the domain goes and the claim is freed.
     */
    public void shelveInstance(String requestId, String uuid) {
        timeline.after(SHELVE_STEP_MS, "shelve " + uuid, () -> {
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().task(TaskState.SHELVING_IMAGE_PENDING_UPLOAD));
            timeline.after(SHELVE_STEP_MS, "shelve upload " + uuid, () -> {
                conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().task(TaskState.SHELVING_IMAGE_UPLOADING));
                timeline.after(SHELVE_STEP_MS * 2, "shelved " + uuid, () -> {
                    driverCall(requestId, "power_off: shutdown");
                    instanceName(uuid).ifPresent(driver::powerOff);
                    BuildRequestSpec s = specs.get(uuid);
                    Image snap = glance.add(s.displayName() + "-shelved", "private", s.projectId(), s.image().size(),
                            s.image().virtualSize(), s.image().minDisk(), s.image().minRam(), s.image().properties());
                    conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().vm(VmState.SHELVED).noTask()
                            .power(PowerState.SHUTDOWN).sysmeta("shelved_at", clock.isoMicro())
                            .sysmeta("shelved_image_id", snap.id()).sysmeta("shelved_host", host));
                    conductor.actionFinished(requestId, uuid, "shelve", Optional.empty());
                    int offload = options.get().shelvedOffloadTime();
                    if (offload == 0) shelveOffloadInstance(requestId, uuid);
                });
            });
        });
    }

    /** {@code shelve_offload_instance}: destroy the domain, unbind ports, free the claim; host becomes None. */
    public void shelveOffloadInstance(String requestId, String uuid) {
        conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().task(TaskState.SHELVING_OFFLOADING));
        timeline.after(SHELVE_STEP_MS, "offload " + uuid, () -> {
            driverCall(requestId, "destroy: destroy + undefine");
            instanceName(uuid).ifPresent(driver::destroy);
            neutron.rebindPorts(uuid, "");
            tracker.free(uuid);
            specs.remove(uuid);
            reportResources();
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().vm(VmState.SHELVED_OFFLOADED).noTask()
                    .power(PowerState.SHUTDOWN).noHost());
        });
    }

    /**
     * {@code unshelve_instance}: a SHELVED instance (not offloaded) powers on where it is; an offloaded
     * one arrives here on a host the scheduler chose: claim, rebind ports, spawn from the shelved image.
     */
    public void unshelveInstance(String requestId, BuildRequestSpec spec, Optional<String> shelvedImageId) {
        if (tracker.holds(spec.uuid()) && instanceName(spec.uuid()).flatMap(driver::getInfo).isPresent()) {
            conductor.instanceUpdate(requestId, host, spec.uuid(), InstanceChange.of().task(TaskState.POWERING_ON));
            timeline.after(POWER_ON_MS, "unshelve in place " + spec.uuid(), () -> {
                driverCall(requestId, "power_on: createWithFlags");
                instanceName(spec.uuid()).ifPresent(driver::powerOn);
                shelvedImageId.ifPresent(glance::delete);
                conductor.instanceUpdate(requestId, host, spec.uuid(), InstanceChange.of().vm(VmState.ACTIVE).noTask()
                        .power(PowerState.RUNNING).dropSysmeta("shelved_at").dropSysmeta("shelved_image_id").dropSysmeta("shelved_host"));
                conductor.actionFinished(requestId, spec.uuid(), "unshelve", Optional.empty());
            });
            return;
        }
        specs.put(spec.uuid(), spec);
        try {
            tracker.instanceClaim(spec.uuid(), spec.flavor(), spec.requestSpec().pciRequests(), options.get());
        } catch (CloudError e) {
            specs.remove(spec.uuid());
            conductor.instanceUpdate(requestId, host, spec.uuid(), InstanceChange.of().noTask());
            conductor.actionFinished(requestId, spec.uuid(), "unshelve", Optional.of(e.getMessage()));
            return;
        }
        reportResources();
        conductor.instanceUpdate(requestId, host, spec.uuid(), InstanceChange.of().host(host).task(TaskState.SPAWNING));
        timeline.after(NETWORKING_MS, "unshelve " + spec.uuid(), () -> {
            neutron.rebindPorts(spec.uuid(), host);
            driverCall(requestId, "spawn: defineXML + createWithFlags");
            driver.spawn(instanceSpec(spec));
            timeline.after(BOOT_MS, "unshelved " + spec.uuid(), () -> {
                shelvedImageId.ifPresent(glance::delete);
                tracker.settle(spec.uuid());
                reportResources();
                conductor.instanceUpdate(requestId, host, spec.uuid(), InstanceChange.of().vm(VmState.ACTIVE).noTask()
                        .power(PowerState.RUNNING).dropSysmeta("shelved_at").dropSysmeta("shelved_image_id").dropSysmeta("shelved_host"));
                conductor.actionFinished(requestId, spec.uuid(), "unshelve", Optional.empty());
            });
        });
    }

    /** {@code terminate_instance}: destroy the domain, delete ports, free the claim, mark deleted. */
    public void terminateInstance(String requestId, String uuid) {
        timeline.after(DELETE_MS, "terminate " + uuid, () -> {
            driverCall(requestId, "destroy: destroy + undefine");
            instanceName(uuid).ifPresent(n -> { if (driver.getInfo(n).isPresent()) driver.destroy(n); });
            neutron.deletePortsOf(uuid);
            tracker.free(uuid);
            specs.remove(uuid);
            reportResources();
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().noTask().power(PowerState.NOSTATE).markDeleted());
            log.log("INFO", "nova.compute.manager", requestId + " - - - default default", "[instance: " + uuid + "] Took 1.50 seconds to destroy the instance on the hypervisor.");
        });
    }

    // ----- cold migration: a resize to the same flavor, in three casts between the two hosts -----

    static final long MIGRATE_STEP_MS = 2000;

    /** {@code prep_resize} on the destination: claim the flavor here; {@code then} casts resize_instance to the source. */
    public void prepResize(String requestId, BuildRequestSpec spec, String sourceHost, Runnable then) {
        String c = ctx(requestId, spec);
        try {
            tracker.instanceClaim(spec.uuid(), spec.flavor(), spec.requestSpec().pciRequests(), options.get());
        } catch (CloudError e) {
            log.log("INFO", "nova.compute.claims", c, "[instance: " + spec.uuid() + "] Failed to claim resources: " + e.getMessage());
            conductor.instanceUpdate(requestId, sourceHost, spec.uuid(), InstanceChange.of().noTask());
            conductor.actionFinished(requestId, spec.uuid(), "migrate", Optional.of(e.getMessage()));
            return;
        }
        specs.put(spec.uuid(), spec);
        log.log("INFO", "nova.compute.claims", c, "[instance: " + spec.uuid() + "] Claim successful on node " + host);
        log.log("INFO", "nova.compute.manager", c, "[instance: " + spec.uuid() + "] Migrating");
        reportResources();
        then.run();
    }

    /**
     * {@code resize_instance} on the source: power the guest off (its domain stays defined, shut off, until
     * the resize is confirmed), hand the instance over to the destination; {@code then} casts finish_resize.
     */
    public void resizeInstance(String requestId, String uuid, String destHost, Runnable then) {
        conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().task(TaskState.RESIZE_MIGRATING));
        timeline.after(MIGRATE_STEP_MS, "migrate disk " + uuid, () -> {
            driverCall(requestId, "power_off: shutdown");
            instanceName(uuid).ifPresent(n -> { if (driver.getInfo(n).isPresent()) driver.powerOff(n); });
            log.log("INFO", "nova.virt.libvirt.driver", requestId + " - - - default default", "[instance: " + uuid
                    + "] Instance shutdown successfully after 2 seconds.");
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().host(destHost).task(TaskState.RESIZE_MIGRATED)
                    .power(PowerState.SHUTDOWN));
            then.run();
        });
    }

    /** {@code finish_resize} on the destination: bind the ports here and spawn the guest; VERIFY_RESIZE. */
    public void finishResize(String requestId, String uuid, boolean powerOn) {
        BuildRequestSpec spec = specs.get(uuid);
        if (spec == null || !alive(uuid)) return;
        conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().task(TaskState.RESIZE_FINISH));
        timeline.after(MIGRATE_STEP_MS, "finish migration " + uuid, () -> {
            if (!alive(uuid)) return;
            neutron.rebindPorts(uuid, host);
            driverCall(requestId, "spawn: defineXML + createWithFlags");
            driver.spawn(instanceSpec(spec));
            if (!powerOn) driver.powerOff(spec.instanceName());
            tracker.settle(uuid);
            reportResources();
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().vm(VmState.RESIZED).noTask()
                    .power(powerOn ? PowerState.RUNNING : PowerState.SHUTDOWN));
            conductor.actionFinished(requestId, uuid, "migrate", Optional.empty());
        });
    }

    /** {@code confirm_resize} on the source: undefine the old domain and free its claim. */
    public void confirmResize(String requestId, String uuid, String destHost, VmState finalState) {
        cleanupMigrationSource(uuid);
        PowerState p = finalState == VmState.STOPPED ? PowerState.SHUTDOWN : PowerState.RUNNING;
        // the instance is now the destination's: the final save goes out on its behalf
        conductor.instanceUpdate(requestId, destHost, uuid, InstanceChange.of().vm(finalState).noTask().power(p));
        conductor.actionFinished(requestId, uuid, "confirmResize", Optional.empty());
    }

    /** {@code revert_resize} on the destination: destroy the new guest, free its claim, hand the instance back. */
    public void revertResize(String requestId, String uuid, String sourceHost, Runnable then) {
        timeline.after(MIGRATE_STEP_MS, "revert resize " + uuid, () -> {
            cleanupMigrationSource(uuid);
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().host(sourceHost));
            then.run();
        });
    }

    /** {@code finish_revert_resize} on the source: the old domain (kept shut off) starts again with its ports. */
    public void finishRevertResize(String requestId, String uuid, boolean powerOn) {
        timeline.after(MIGRATE_STEP_MS, "finish revert " + uuid, () -> {
            neutron.rebindPorts(uuid, host);
            if (powerOn) driverCall(requestId, "power_on: createWithFlags");
            if (powerOn) instanceName(uuid).ifPresent(driver::powerOn);
            tracker.settle(uuid);
            reportResources();
            conductor.instanceUpdate(requestId, host, uuid, InstanceChange.of().vm(powerOn ? VmState.ACTIVE : VmState.STOPPED).noTask()
                    .power(powerOn ? PowerState.RUNNING : PowerState.SHUTDOWN));
            conductor.actionFinished(requestId, uuid, "revertResize", Optional.empty());
        });
    }

    /** What a confirmed (or deleted) migration leaves to clean up on its source. */
    public void cleanupMigrationSource(String uuid) {
        instanceName(uuid).ifPresent(n -> { if (driver.getInfo(n).isPresent()) driver.destroy(n); });
        tracker.free(uuid);
        specs.remove(uuid);
        reportResources();
    }

    /** {@code get_console_output} (a call): the tail of console.log. */
    public String getConsoleOutput(String uuid) {
        String name = instanceName(uuid).orElseThrow(() -> CloudError.notFound("Guest does not have a console available."));
        return driver.consoleLog(name).orElseThrow(() -> new CloudError(404, "ConsoleNotAvailable", "Guest does not have a console available."));
    }

    private Optional<String> instanceName(String uuid) {
        return Optional.ofNullable(specs.get(uuid)).map(BuildRequestSpec::instanceName);
    }

    /** The build spec of an instance this host holds (unshelve and the views need it). */
    public Optional<BuildRequestSpec> spec(String uuid) { return Optional.ofNullable(specs.get(uuid)); }

    public ComputeNodeRecord node() { return node; }

    /** Ipv4 netmask of a CIDR, for views. */
    static String netmask(String cidr) { return Ipv4.cidr(cidr).map(Ipv4.Cidr::netmask).orElse("255.255.255.0"); }
}

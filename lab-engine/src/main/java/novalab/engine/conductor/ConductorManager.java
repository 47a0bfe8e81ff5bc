package novalab.engine.conductor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.bus.MessageBus;
import novalab.engine.common.CloudError;
import novalab.engine.common.NovaLog;
import novalab.engine.common.Timeline;
import novalab.engine.compute.BuildRequestSpec;
import novalab.engine.compute.ComputeManager;
import novalab.engine.compute.ConductorApi;
import novalab.engine.compute.Instance;
import novalab.engine.compute.InstanceChange;
import novalab.engine.compute.TaskState;
import novalab.engine.compute.VmState;
import novalab.engine.db.CellDatabase;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.db.NovaDb;
import novalab.engine.db.Service;
import novalab.engine.scheduler.NoValidHost;
import novalab.engine.scheduler.SchedulerManager;
import novalab.engine.scheduler.Selection;
import novalab.engine.virt.PowerState;

/**
 * Simulates nova.conductor.manager: the super conductor's {@code schedule_and_build_instances} and
 * {@code unshelve_instance} (call the scheduler, create the instance in the chosen cell, cast the build
 * to the host; bury it in cell0 when no host is found), and the cell conductor's upcalls from compute
 * hosts. It is the only writer of the cell databases: compute hosts hold no database handle.
 */
public final class ConductorManager implements ConductorApi {
    /** long_rpc_timeout: how long a queued select_destinations call may wait for nova-scheduler. */
    static final long LONG_RPC_TIMEOUT_MS = 1_800_000L;
    static final long RETRY_MS = 5_000L;

    private final NovaDb db;
    private final MessageBus bus;
    private final SchedulerManager scheduler;
    private final Map<String, ComputeManager> computes;
    private final Timeline timeline;
    private final NovaLog log;

    public ConductorManager(NovaDb db, MessageBus bus, SchedulerManager scheduler, Map<String, ComputeManager> computes,
                            Timeline timeline, NovaLog log) {
        this.db = db;
        this.bus = bus;
        this.scheduler = scheduler;
        this.computes = computes;
        this.timeline = timeline;
        this.log = log;
    }

    private String ctx(String requestId, BuildRequestSpec s) {
        return requestId + " " + s.userId() + " " + s.projectId() + " - default default";
    }

    /** {@code schedule_and_build_instances}, cast by nova-api for one create request. */
    public void scheduleAndBuildInstances(String requestId, List<BuildRequestSpec> builds, long deadlineMs) {
        BuildRequestSpec first = builds.get(0);
        if (!bus.isConsuming("scheduler")) {
            // The call sits in nova-scheduler's queue until the service returns or long_rpc_timeout passes.
            if (timeline.clock().nowMs() < deadlineMs) {
                timeline.after(RETRY_MS, "await scheduler", () -> scheduleAndBuildInstances(requestId, builds, deadlineMs));
                return;
            }
            String msg = "Timed out waiting for a reply to message ID " + requestId.substring(4).replace("-", "");
            log.log("ERROR", "nova.conductor.manager", ctx(requestId, first), "Failed to schedule instances: oslo_messaging.exceptions.MessagingTimeout: " + msg);
            builds.forEach(b -> buryInCell0(requestId, b, msg));
            return;
        }
        List<List<Selection>> selections;
        try {
            selections = bus.call(requestId, "nova-conductor", "scheduler", "select_destinations",
                    builds.size() + " instance(s), flavor " + first.flavor().name(),
                    () -> scheduler.selectDestinations(requestId, first.requestSpec()));
        } catch (NoValidHost e) {
            log.log("WARNING", "nova.scheduler.utils", ctx(requestId, first), "Failed to compute_task_build_instances: "
                    + e.getMessage() + "\nTraceback (most recent call last):\n  ...\nnova.exception.NoValidHost: " + e.getMessage());
            for (BuildRequestSpec b : builds) {
                log.log("WARNING", "nova.scheduler.utils", ctx(requestId, b), "[instance: " + b.uuid()
                        + "] Setting instance to ERROR state.: nova.exception.NoValidHost: " + e.getMessage());
                buryInCell0(requestId, b, e.getMessage());
            }
            return;
        } catch (novalab.engine.scheduler.external.StudentCodeRaised e) {
            // Nova's conductor catches any exception from select_destinations and buries the instances in cell0.
            log.log("ERROR", "nova.conductor.manager", ctx(requestId, first), "Failed to schedule instances: " + e.raised());
            for (BuildRequestSpec b : builds) buryInCell0(requestId, b, e.raised());
            return;
        }
        for (int i = 0; i < builds.size(); i++) {
            BuildRequestSpec b = builds.get(i);
            Selection chosen = selections.get(i).get(0);
            Optional<CellDatabase> cell = db.cellOfHost(chosen.serviceHost());
            if (cell.isEmpty()) {
                log.log("ERROR", "nova.conductor.manager", ctx(requestId, b), "No host-to-cell mapping found for selected host "
                        + chosen.serviceHost() + ". Setup is incomplete.");
                buryInCell0(requestId, b, "Host '" + chosen.serviceHost() + "' is not mapped to any cell");
                continue;
            }
            Instance inst = db.api.buildRequests.remove(b.uuid());
            if (inst == null || inst.deleted()) continue;
            CellDatabase c = cell.get();
            inst.placeInCell(c.name, c.nextInstanceId());
            inst.setAvailabilityZone(availabilityZoneOf(chosen.serviceHost()));
            c.instances.put(inst.uuid, inst);
            db.api.instanceMappings.put(inst.uuid, Optional.of(c.name));
            BuildRequestSpec placed = b.withInstanceName(inst.instanceName(), selections.get(i).subList(1, selections.get(i).size()));
            List<String> alts = selections.get(i).stream().skip(1).map(x -> "(" + x.serviceHost() + ", " + x.nodename() + ")").toList();
            log.log("INFO", "nova.conductor.manager", ctx(requestId, b), "[instance: " + b.uuid() + "] Selected host: "
                    + chosen.serviceHost() + "; Selected node: " + chosen.nodename() + "; Alternates: " + alts);
            log.log("INFO", "nova.conductor.manager", ctx(requestId, b), "[instance: " + b.uuid() + "] Created " + inst.instanceName()
                    + " in " + c.name + "; casting build_and_run_instance to compute." + chosen.serviceHost());
            db.api.requestSpecs.put(b.uuid(), placed);
            castBuild(requestId, chosen.serviceHost(), placed);
        }
    }

    private void castBuild(String requestId, String host, BuildRequestSpec spec) {
        ComputeManager cm = computes.get(host);
        bus.cast(requestId, "nova-conductor", "compute." + host, "build_and_run_instance",
                spec.instanceName() + " (" + spec.flavor().name() + ", " + spec.image().name() + ")",
                () -> cm.buildAndRunInstance(requestId, spec));
    }

    /** The AZ a host is in: its AZ aggregate, else default_availability_zone. */
    public String availabilityZoneOf(String host) {
        return db.api.zonesOf(host).stream().findFirst().orElse("nova");
    }

    private void buryInCell0(String requestId, BuildRequestSpec b, String message) {
        Instance inst = db.api.buildRequests.remove(b.uuid());
        if (inst == null) return;
        CellDatabase c0 = db.cells.get("cell0");
        bus.note(requestId, "nova-conductor", "cell0", "bury in cell0: instance ERROR");
        inst.placeInCell(c0.name, c0.nextInstanceId());
        c0.instances.put(inst.uuid, inst);
        db.api.instanceMappings.put(inst.uuid, Optional.of(c0.name));
        db.api.requestSpecs.put(b.uuid(), b);
        InstanceChange.of().vm(VmState.ERROR).noTask().power(PowerState.NOSTATE)
                .fault(new Instance.Fault(500, message, timeline.clock().isoZ()))
                .applyTo(inst, timeline.clock().isoZ(), timeline.clock().isoMicro());
        inst.addAction(new Instance.Action("create", requestId, timeline.clock().isoMicro(), b.userId(), b.projectId(), Optional.of("Error")));
    }

    /** {@code unshelve_instance}: SHELVED starts in place; SHELVED_OFFLOADED is scheduled again. */
    public void unshelveInstance(String requestId, String uuid) {
        Instance inst = db.instance(uuid).orElseThrow();
        BuildRequestSpec spec = db.api.requestSpecs.get(uuid);
        Optional<String> image = Optional.ofNullable(inst.systemMetadata().get("shelved_image_id"));
        if (inst.vmState() == VmState.SHELVED && inst.host().isPresent()) {
            ComputeManager cm = computes.get(inst.host().get());
            bus.cast(requestId, "nova-conductor", "compute." + cm.host(), "unshelve_instance", inst.instanceName(),
                    () -> cm.unshelveInstance(requestId, spec, image));
            return;
        }
        List<List<Selection>> sel;
        try {
            sel = bus.call(requestId, "nova-conductor", "scheduler", "select_destinations", "unshelve " + inst.instanceName(),
                    () -> scheduler.selectDestinations(requestId, spec.requestSpec()));
        } catch (CloudError e) {
            log.log("WARNING", "nova.conductor.manager", ctx(requestId, spec), "[instance: " + uuid
                    + "] No valid host found for unshelve instance: " + e.getMessage());
            write(requestId, uuid, InstanceChange.of().noTask().fault(new Instance.Fault(500, e.getMessage(), timeline.clock().isoZ())));
            actionFinished(requestId, uuid, "unshelve", Optional.of(e.getMessage()));
            return;
        }
        String host = sel.get(0).get(0).serviceHost();
        inst.setAvailabilityZone(availabilityZoneOf(host));
        ComputeManager cm = computes.get(host);
        bus.cast(requestId, "nova-conductor", "compute." + host, "unshelve_instance", inst.instanceName(),
                () -> cm.unshelveInstance(requestId, spec, image));
    }

    /** A row of the cell's {@code migrations} table (cold migrations only). */
    public record Migration(int id, String instanceUuid, String sourceCompute, String destCompute, String migrationType,
                            String status, String createdAt, String updatedAt) {
        Migration withStatus(String s, String now) {
            return new Migration(id, instanceUuid, sourceCompute, destCompute, migrationType, s, createdAt, now);
        }
    }

    private final List<Migration> migrations = new ArrayList<>();

    public List<Migration> migrations() { return List.copyOf(migrations); }

    /** The newest migration of an instance still waiting to be confirmed. */
    public Optional<Migration> unconfirmedMigration(String uuid) {
        for (int k = migrations.size() - 1; k >= 0; k--) {
            Migration m = migrations.get(k);
            if (m.instanceUuid().equals(uuid)) return m.status().equals("finished") || m.status().equals("migrating") ? Optional.of(m) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Marks an instance's open migration {@code confirmed} (or {@code error}). */
    public void closeMigration(String uuid, String status) {
        unconfirmedMigration(uuid).ifPresent(m -> migrations.set(migrations.indexOf(m), m.withStatus(status, timeline.clock().isoMicro())));
    }

    /**
     * {@code migrate_server} (a call from nova-api for a cold migration): the scheduler picks another host
     * of the instance's cell (or checks the requested one), then prep_resize → resize_instance →
     * finish_resize are cast from host to host. NoValidHost comes back to the API as a 400.
     */
    public void migrateServer(String requestId, String uuid, Optional<String> targetHost, boolean powerOn) {
        Instance inst = db.instance(uuid).orElseThrow();
        BuildRequestSpec spec = db.api.requestSpecs.get(uuid);
        String source = inst.host().orElseThrow();
        java.util.Map<String, String> hints = new java.util.LinkedHashMap<>();
        hints.put("ignore_hosts", source);
        hints.put("requested_cell", inst.cell());
        targetHost.ifPresent(h -> hints.put("requested_host", h));
        var base = spec.requestSpec();
        var moveSpec = new novalab.engine.scheduler.RequestSpec(List.of(uuid), base.projectId(), base.flavor(), base.image(),
                base.availabilityZone(), base.pciRequests(), hints);
        List<List<Selection>> sel;
        try {
            sel = bus.call(requestId, "nova-conductor", "scheduler", "select_destinations", "migrate " + inst.instanceName(),
                    () -> scheduler.selectDestinations(requestId, moveSpec));
        } catch (NoValidHost e) {
            String msg = "No valid host was found. No valid host found for cold migrate";
            log.log("WARNING", "nova.scheduler.utils", ctx(requestId, spec), "Failed to compute_task_migrate_server: " + msg);
            log.log("WARNING", "nova.scheduler.utils", ctx(requestId, spec), "[instance: " + uuid + "] Setting instance to "
                    + inst.vmState().value().toUpperCase() + " state.: nova.exception.NoValidHost: " + msg);
            throw CloudError.badRequest(msg);
        }
        String dest = sel.get(0).get(0).serviceHost();
        Migration m = new Migration(migrations.size() + 1, uuid, source, dest, "migration", "migrating", timeline.clock().isoMicro(),
                timeline.clock().isoMicro());
        migrations.add(m);
        log.log("INFO", "nova.conductor.tasks.migrate", ctx(requestId, spec), "[instance: " + uuid + "] Migrating instance "
                + inst.instanceName() + " from " + source + " to " + dest + " (migration " + m.id() + ")");
        ComputeManager src = computes.get(source);
        ComputeManager dst = computes.get(dest);
        String name = inst.instanceName();
        bus.cast(requestId, "nova-conductor", "compute." + dest, "prep_resize", name + " " + source + " -> " + dest,
                () -> dst.prepResize(requestId, spec, source,
                        () -> bus.cast(requestId, "nova-compute@" + dest, "compute." + source, "resize_instance", name,
                                () -> src.resizeInstance(requestId, uuid, dest,
                                        () -> bus.cast(requestId, "nova-compute@" + source, "compute." + dest, "finish_resize", name, () -> {
                                            closeMigrationAs(uuid, "finished");
                                            settleAvailabilityZone(uuid, dest);
                                            dst.finishResize(requestId, uuid, powerOn);
                                        })))));
    }

    /** A moved instance takes the availability zone of the host it now lives on. */
    public void settleAvailabilityZone(String uuid, String host) {
        db.instance(uuid).ifPresent(i -> i.setAvailabilityZone(availabilityZoneOf(host)));
    }

    private void closeMigrationAs(String uuid, String status) {
        for (int k = migrations.size() - 1; k >= 0; k--) {
            if (migrations.get(k).instanceUuid().equals(uuid)) {
                migrations.set(k, migrations.get(k).withStatus(status, timeline.clock().isoMicro()));
                return;
            }
        }
    }

    // ----- cell conductor: upcalls from compute, and writes on nova-api's behalf -----

    private boolean write(String requestId, String uuid, InstanceChange change) {
        Optional<Instance> inst = db.instance(uuid);
        if (inst.isEmpty() || inst.get().deleted()) return false;
        return change.applyTo(inst.get(), timeline.clock().isoZ(), timeline.clock().isoMicro());
    }

    @Override
    public boolean instanceUpdate(String requestId, String fromHost, String uuid, InstanceChange change) {
        Optional<Instance> inst = db.instance(uuid);
        if (inst.isPresent() && !fromHost.equals("nova-api") && inst.get().host().isPresent()
                && !inst.get().host().get().equals(fromHost)) {
            log.log("WARNING", "nova.conductor.manager", requestId, "Refused Instance.save of " + uuid + " from " + fromHost
                    + ": the instance is on " + inst.get().host().get());
            return false;
        }
        if (fromHost.equals("nova-api")) {
            // nova-api has its own database access (task_state at the start of an action); only compute hosts need the RPC.
            return write(requestId, uuid, change);
        }
        return bus.call(requestId, "nova-compute@" + fromHost, "conductor", "object_action", "Instance.save " + change.summary(),
                () -> write(requestId, uuid, change));
    }

    @Override
    public Optional<Instance> instanceGet(String uuid) { return db.instance(uuid); }

    @Override
    public void computeNodeUpdate(String fromHost, ComputeNodeRecord record) {
        for (CellDatabase c : db.cells.values()) {
            if (c.computeNodes.containsKey(fromHost)) c.computeNodes.put(fromHost, record);
        }
    }

    @Override
    public void serviceReport(String binary, String host) {
        db.service(binary, host).ifPresent(s -> s.heartbeat(timeline.clock().nowMs()));
    }

    @Override
    public void rescheduleBuild(String requestId, String fromHost, BuildRequestSpec spec, String reason) {
        List<Selection> remaining = new ArrayList<>(spec.alternates());
        remaining.removeIf(s -> s.serviceHost().equals(fromHost));
        bus.cast(requestId, "nova-compute@" + fromHost, "conductor", "build_instances", "reschedule " + spec.instanceName(), () -> {
            if (remaining.isEmpty()) {
                String msg = "Exceeded maximum number of retries. Exhausted all hosts available for retrying build failures for instance "
                        + spec.uuid() + ".";
                write(requestId, spec.uuid(), InstanceChange.of().vm(VmState.ERROR).noTask().noHost()
                        .fault(new Instance.Fault(500, msg, timeline.clock().isoZ())));
                actionFinished(requestId, spec.uuid(), "create", Optional.of("Error"));
                return;
            }
            Selection next = remaining.remove(0);
            write(requestId, spec.uuid(), InstanceChange.of().task(TaskState.SCHEDULING).noHost());
            log.log("INFO", "nova.conductor.manager", ctx(requestId, spec), "[instance: " + spec.uuid() + "] Rescheduling from "
                    + fromHost + " to " + next.serviceHost() + ": " + reason);
            castBuild(requestId, next.serviceHost(), spec.withInstanceName(spec.instanceName(), remaining));
        });
    }

    @Override
    public void actionFinished(String requestId, String uuid, String action, Optional<String> error) {
        db.instance(uuid).ifPresent(i -> {
            boolean recorded = i.actions().stream().anyMatch(a -> a.requestId().equals(requestId) && a.action().equals(action));
            if (!recorded) {
                i.addAction(new Instance.Action(action, requestId, timeline.clock().isoMicro(), i.userId, i.projectId, error.map(x -> "Error")));
            }
        });
    }

    /** Heartbeat of a controller service (writes its own row; controller services have DB access). */
    public void heartbeat(Service s) { s.heartbeat(timeline.clock().nowMs()); }
}

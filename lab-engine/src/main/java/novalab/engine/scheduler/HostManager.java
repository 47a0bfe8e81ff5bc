package novalab.engine.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.LongSupplier;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.db.NovaDb;
import novalab.engine.db.Service;
import novalab.engine.servicegroup.DbDriver;

/**
 * Simulates nova.scheduler.host_manager.HostManager: a fresh {@link HostState} per compute node that
 * has a host mapping, from the compute node record, its service row (disabled? up?) and the metadata
 * of its aggregates. Hosts not yet discovered into a cell are invisible, as in Nova.
 */
public final class HostManager {
    private final NovaDb db;
    private final LongSupplier nowMs;
    private final java.util.function.IntSupplier serviceDownTime;

    public HostManager(NovaDb db, LongSupplier nowMs, java.util.function.IntSupplier serviceDownTimeSeconds) {
        this.db = db;
        this.nowMs = nowMs;
        this.serviceDownTime = serviceDownTimeSeconds;
    }

    public List<HostState> hostStates() {
        List<HostState> out = new ArrayList<>();
        for (ComputeNodeRecord cn : db.computeNodes()) {
            String cell = db.api.hostMappings.get(cn.host());
            if (cell == null) continue;
            Optional<Service> svc = db.service("nova-compute", cn.host());
            boolean disabled = svc.map(Service::disabled).orElse(true);
            boolean up = svc.map(this::isUp).orElse(false);
            out.add(new HostState(cn.host(), cn.hypervisorHostname(), cell, cn.memoryMb(), cn.freeRamMb(), cn.vcpus(),
                    cn.vcpusUsed(), cn.localGb(), cn.freeDiskGb() * 1024, cn.ramAllocationRatio(), cn.cpuAllocationRatio(),
                    cn.diskAllocationRatio(), disabled, up, db.api.aggregateMetadataOf(cn.host()), cn.supportedInstances(),
                    cn.hypervisorVersion() > 0 ? OptionalInt.of(cn.hypervisorVersion()) : OptionalInt.empty(),
                    cn.pciDevicesFree(), cn.traits(), cn.runningVms()));
        }
        return out;
    }

    /** The servicegroup DB driver's liveness rule. */
    public boolean isUp(Service s) {
        return DbDriver.isUp(s.lastSeenUpMs().map(java.util.OptionalLong::of).orElse(java.util.OptionalLong.empty()), s.createdAtMs, nowMs.getAsLong(), serviceDownTime.getAsInt(), s.forcedDown());
    }
}

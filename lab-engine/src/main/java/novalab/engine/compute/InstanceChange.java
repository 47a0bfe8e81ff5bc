package novalab.engine.compute;

import java.util.Optional;
import novalab.engine.virt.PowerState;

/**
 * A change a service asks the conductor to write to an instance ({@code Instance.save()} over
 * {@code object_action}). The conductor refuses it when {@code expectedTaskState} does not hold, as
 * Nova raises UnexpectedTaskStateError, and never lets a compute host touch another host's instance.
 */
public final class InstanceChange {
    Optional<VmState> vmState = Optional.empty();
    Optional<Optional<TaskState>> taskState = Optional.empty();
    Optional<PowerState> powerState = Optional.empty();
    Optional<Optional<String>> host = Optional.empty();
    Optional<Optional<String>> launchedAt = Optional.empty();
    Optional<Integer> progress = Optional.empty();
    Optional<Instance.Fault> fault = Optional.empty();
    Optional<Optional<TaskState>> expectedTaskState = Optional.empty();
    boolean deleted;
    Optional<Boolean> locked = Optional.empty();
    final java.util.Map<String, Optional<String>> sysmeta = new java.util.LinkedHashMap<>();

    public static InstanceChange of() { return new InstanceChange(); }

    public InstanceChange vm(VmState v) { vmState = Optional.of(v); return this; }
    public InstanceChange task(TaskState t) { taskState = Optional.of(Optional.of(t)); return this; }
    public InstanceChange noTask() { taskState = Optional.of(Optional.empty()); return this; }
    public InstanceChange power(PowerState p) { powerState = Optional.of(p); return this; }
    public InstanceChange host(String h) { host = Optional.of(Optional.of(h)); return this; }
    public InstanceChange noHost() { host = Optional.of(Optional.empty()); return this; }
    public InstanceChange launchedAt(String t) { launchedAt = Optional.of(Optional.of(t)); return this; }
    public InstanceChange progress(int p) { progress = Optional.of(p); return this; }
    public InstanceChange fault(Instance.Fault f) { fault = Optional.of(f); return this; }
    public InstanceChange expecting(TaskState t) { expectedTaskState = Optional.of(Optional.ofNullable(t)); return this; }
    public InstanceChange expectingNoTask() { expectedTaskState = Optional.of(Optional.empty()); return this; }
    public InstanceChange markDeleted() { deleted = true; return this; }
    public InstanceChange locked(boolean l) { locked = Optional.of(l); return this; }
    public InstanceChange sysmeta(String k, String v) { sysmeta.put(k, Optional.of(v)); return this; }
    public InstanceChange dropSysmeta(String k) { sysmeta.put(k, Optional.empty()); return this; }

    /** Applies the change (the conductor's write); false if the expected task state does not hold. */
    public boolean applyTo(Instance i, String nowIso, String nowIsoMicro) {
        if (expectedTaskState.isPresent() && !expectedTaskState.get().equals(i.taskState())) return false;
        vmState.ifPresent(i::setVmState);
        taskState.ifPresent(i::setTaskState);
        powerState.ifPresent(i::setPowerState);
        host.ifPresent(h -> i.setHost(h, h));
        launchedAt.ifPresent(i::setLaunchedAt);
        progress.ifPresent(i::setProgress);
        locked.ifPresent(i::setLocked);
        fault.ifPresent(f -> i.setFault(Optional.of(f)));
        sysmeta.forEach((k, v) -> { if (v.isPresent()) i.putSystemMetadata(k, v.get()); else i.removeSystemMetadata(k); });
        if (deleted) {
            i.setDeleted(true);
            i.setVmState(VmState.DELETED);
            i.setTerminatedAt(Optional.of(nowIsoMicro));
        }
        i.setUpdatedAt(nowIso);
        i.recordState(nowIsoMicro);
        return true;
    }

    /** A one-line summary for the bus trace. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        vmState.ifPresent(v -> sb.append("vm_state=").append(v.value()).append(' '));
        taskState.ifPresent(t -> sb.append("task_state=").append(t.map(TaskState::value).orElse("None")).append(' '));
        powerState.ifPresent(p -> sb.append("power_state=").append(p.code()).append(' '));
        host.ifPresent(h -> sb.append("host=").append(h.orElse("None")).append(' '));
        if (deleted) sb.append("deleted ");
        return sb.toString().trim();
    }
}

package novalab.engine.compute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.virt.PowerState;

/**
 * Simulates nova.objects.Instance: one row of a cell database. Only the conductor changes it (compute
 * managers ask the conductor over the bus); everyone else reads it.
 */
public final class Instance {
    public final String uuid;
    public final String projectId;
    public final String userId;
    public final String displayName;
    public final String hostname;
    public final Flavor flavor;
    public final String imageRef;
    public final Optional<String> keyName;
    public final Optional<String> keyData;
    public final String createdAt;
    public final List<String> securityGroups;
    public final List<String> requestedNetworks;
    public final Optional<String> requestedAz;
    public final String adminPass;
    public final String reservationId;
    public final int launchIndex;

    int id;
    String cell = "";
    VmState vmState = VmState.BUILDING;
    Optional<TaskState> taskState = Optional.of(TaskState.SCHEDULING);
    PowerState powerState = PowerState.NOSTATE;
    Optional<String> host = Optional.empty();
    Optional<String> node = Optional.empty();
    String availabilityZone = "";
    Optional<String> launchedAt = Optional.empty();
    Optional<String> terminatedAt = Optional.empty();
    String updatedAt;
    Optional<Fault> fault = Optional.empty();
    boolean deleted;
    boolean locked;
    int progress;
    final Map<String, String> metadata = new LinkedHashMap<>();
    final Map<String, String> systemMetadata = new LinkedHashMap<>();
    final List<Action> actions = new ArrayList<>();
    final List<StateChange> stateHistory = new ArrayList<>();

    /** An instance fault ({@code fault} in the API): code, message, when. */
    public record Fault(int code, String message, String created) {}

    /** An instance action ({@code openstack server event list}). */
    public record Action(String action, String requestId, String startTime, String userId, String projectId,
                         Optional<String> message) {}

    /** One step of the instance's life: its (vm_state, task_state) from the simulated time {@code at}. */
    public record StateChange(String at, VmState vmState, Optional<TaskState> taskState, boolean deleted) {}

    public Instance(String uuid, String projectId, String userId, String displayName, String hostname,
                    Flavor flavor, String imageRef, Optional<String> keyName, Optional<String> keyData, String createdAt,
                    List<String> securityGroups, List<String> requestedNetworks, Optional<String> requestedAz,
                    String adminPass, String reservationId, int launchIndex) {
        this.uuid = uuid;
        this.projectId = projectId;
        this.userId = userId;
        this.displayName = displayName;
        this.hostname = hostname;
        this.flavor = flavor;
        this.imageRef = imageRef;
        this.keyName = keyName;
        this.keyData = keyData;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.securityGroups = List.copyOf(securityGroups);
        this.requestedNetworks = List.copyOf(requestedNetworks);
        this.requestedAz = requestedAz;
        this.adminPass = adminPass;
        this.reservationId = reservationId;
        this.launchIndex = launchIndex;
        this.stateHistory.add(new StateChange(createdAt, vmState, taskState, false));
    }

    /** Cell DB id (0 while the instance is still a build request). */
    public int id() { return id; }
    /** Cell name: empty while a build request, {@code cell0} when buried. */
    public String cell() { return cell; }
    public VmState vmState() { return vmState; }
    public Optional<TaskState> taskState() { return taskState; }
    public PowerState powerState() { return powerState; }
    public Optional<String> host() { return host; }
    public Optional<String> node() { return node; }
    public String availabilityZone() { return availabilityZone; }
    public Optional<String> launchedAt() { return launchedAt; }
    public Optional<String> terminatedAt() { return terminatedAt; }
    public String updatedAt() { return updatedAt; }
    public Optional<Fault> fault() { return fault; }
    public boolean deleted() { return deleted; }
    public boolean locked() { return locked; }
    public int progress() { return progress; }
    public Map<String, String> metadata() { return novalab.engine.common.Ordered.map(metadata); }
    public Map<String, String> systemMetadata() { return novalab.engine.common.Ordered.map(systemMetadata); }
    public List<Action> actions() { return List.copyOf(actions); }
    /** Every (vm_state, task_state) the instance has been in, oldest first (the lab's lifecycle view). */
    public List<StateChange> stateHistory() { return List.copyOf(stateHistory); }

    // ----- writes: only the conductor calls these (compute managers hold no reference to the database) -----
    public void placeInCell(String cellName, int dbId) { cell = cellName; id = dbId; }
    public void setVmState(VmState v) { vmState = v; }
    public void setTaskState(Optional<TaskState> t) { taskState = t; }
    public void setPowerState(PowerState p) { powerState = p; }
    public void setHost(Optional<String> h, Optional<String> n) { host = h; node = n; }
    public void setAvailabilityZone(String az) { availabilityZone = az; }
    public void setLaunchedAt(Optional<String> t) { launchedAt = t; }
    public void setTerminatedAt(Optional<String> t) { terminatedAt = t; }
    public void setUpdatedAt(String t) { updatedAt = t; }
    public void setFault(Optional<Fault> f) { fault = f; }
    public void setDeleted(boolean d) { deleted = d; }
    public void setLocked(boolean l) { locked = l; }
    public void setProgress(int p) { progress = p; }
    public void putSystemMetadata(String k, String v) { systemMetadata.put(k, v); }
    public void putMetadata(Map<String, String> m) { metadata.putAll(m); }
    public void removeSystemMetadata(String k) { systemMetadata.remove(k); }
    public void addAction(Action a) { actions.add(0, a); }
    /** Appends the current state to the history if it differs from the last entry. */
    public void recordState(String at) {
        StateChange last = stateHistory.get(stateHistory.size() - 1);
        if (last.vmState() != vmState || !last.taskState().equals(taskState) || last.deleted() != deleted) {
            stateHistory.add(new StateChange(at, vmState, taskState, deleted));
        }
    }

    /** {@code instance_name_template = instance-%08x} applied to the cell DB id. */
    public String instanceName() { return String.format("instance-%08x", id); }

    /** Nova's hostname sanitisation: lower case, spaces and underscores to dashes, other odd characters dropped. */
    public static String sanitizeHostname(String displayName) {
        String h = displayName.toLowerCase(java.util.Locale.ROOT).replaceAll("[ _]", "-").replaceAll("[^a-z0-9.-]", "");
        h = h.replaceAll("^[.-]+", "").replaceAll("[.-]+$", "");
        if (h.length() > 63) h = h.substring(0, 63);
        return h.isEmpty() ? "server" : h;
    }
}

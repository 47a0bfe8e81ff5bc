package novalab.engine.compute;

import java.util.Optional;
import novalab.engine.db.ComputeNodeRecord;

/**
 * What nova-compute may ask of the conductor (nova.conductor.api over the bus): all of compute's
 * writes go through here, because compute hosts hold no database handle.
 */
public interface ConductorApi {
    /** {@code object_action Instance.save}: false if the conductor refused it (unexpected task state, deleted). */
    boolean instanceUpdate(String requestId, String fromHost, String uuid, InstanceChange change);

    /** The instance's current (vm_state, task_state, deleted), read through the conductor. */
    Optional<Instance> instanceGet(String uuid);

    /** {@code ComputeNode.save}: the resource tracker's report. */
    void computeNodeUpdate(String fromHost, ComputeNodeRecord record);

    /** {@code Service.save} with the new heartbeat (servicegroup DB driver's _report_state). */
    void serviceReport(String binary, String host);

    /** {@code build_instances}: a failed build goes back to the conductor to try the next alternate. */
    void rescheduleBuild(String requestId, String fromHost, BuildRequestSpec spec, String reason);

    /** Records an action event message (server event list) against the instance. */
    void actionFinished(String requestId, String uuid, String action, Optional<String> error);
}

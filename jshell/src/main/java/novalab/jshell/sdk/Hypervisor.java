package novalab.jshell.sdk;

import java.util.Map;

/** A compute node as {@code GET /compute/v2.1/os-hypervisors/detail} shows it. */
public record Hypervisor(String id, String name, String state, String status, long vcpus, long vcpusUsed, long memoryMb,
                         long memoryMbUsed, long runningVms) {
    static Hypervisor of(Map<String, Object> m) {
        return new Hypervisor(Json.str(m, "id"), Json.str(m, "hypervisor_hostname"), Json.str(m, "state"), Json.str(m, "status"),
                Json.num(m, "vcpus"), Json.num(m, "vcpus_used"), Json.num(m, "memory_mb"), Json.num(m, "memory_mb_used"),
                Json.num(m, "running_vms"));
    }
}

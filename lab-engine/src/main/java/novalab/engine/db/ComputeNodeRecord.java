package novalab.engine.db;

import java.util.List;
import java.util.Map;
import java.util.Set;
import novalab.engine.scheduler.HostState;

/**
 * Simulates a row of Nova's {@code compute_nodes} table as the resource tracker last reported it;
 * these are the {@code os-hypervisors} fields.
 */
public record ComputeNodeRecord(int id, String host, String hypervisorHostname, String hypervisorType,
                                int hypervisorVersion, String hostIp, int vcpus, int vcpusUsed, int memoryMb,
                                int memoryMbUsed, int localGb, int localGbUsed, int runningVms, int currentWorkload,
                                int diskAvailableLeast, String cpuInfo, double ramAllocationRatio,
                                double cpuAllocationRatio, double diskAllocationRatio,
                                List<HostState.SupportedInstance> supportedInstances,
                                Map<String, Integer> pciDevicesFree, Set<String> traits, long updatedAtMs) {
    public ComputeNodeRecord {
        supportedInstances = List.copyOf(supportedInstances);
        pciDevicesFree = novalab.engine.common.Ordered.map(pciDevicesFree);
        traits = novalab.engine.common.Ordered.set(traits);
    }

    public int freeRamMb() { return memoryMb - memoryMbUsed; }

    public int freeDiskGb() { return localGb - localGbUsed; }

    public ComputeNodeRecord withUsage(int vcpusUsed, int memoryMbUsed, int localGbUsed, int runningVms, int workload,
                                       Map<String, Integer> pciFree, double ramRatio, double cpuRatio, double diskRatio,
                                       long nowMs) {
        return new ComputeNodeRecord(id, host, hypervisorHostname, hypervisorType, hypervisorVersion, hostIp, vcpus,
                vcpusUsed, memoryMb, memoryMbUsed, localGb, localGbUsed, runningVms, workload,
                Math.max(0, localGb - localGbUsed), cpuInfo, ramRatio, cpuRatio, diskRatio, supportedInstances, pciFree,
                traits, nowMs);
    }
}

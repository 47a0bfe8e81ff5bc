package novalab.engine.scheduler;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Simulates nova.scheduler.host_manager.HostState as an immutable snapshot, built fresh for each
 * scheduling request from the compute node record the resource tracker reported. Field meanings follow
 * Nova: {@code freeRamMb = memory_mb - memory_mb_used} (used includes reserved_host_memory_mb, may be
 * negative), {@code freeDiskMb = free_disk_gb * 1024}.
 *
 * @param aggregateMetadata every aggregate metadata key of the aggregates holding this host, with the
 *                          set of values those aggregates give (e.g. availability_zone → {az1})
 * @param supportedInstances the (arch, hv_type, vm_mode) tuples the hypervisor advertises
 * @param hypervisorVersion  major*1000000 + minor*1000 + micro, empty if unknown
 * @param pciDevicesFree     free passthrough devices per PCI alias name (e.g. gpu → 2)
 * @param traits             capabilities the host offers beyond PCI (e.g. COMPUTE_SECURITY_UEFI_SECURE_BOOT, CUSTOM_GPU)
 */
public record HostState(String host, String nodename, String cellName,
                        int totalUsableRamMb, int freeRamMb,
                        int vcpusTotal, int vcpusUsed,
                        int totalUsableDiskGb, int freeDiskMb,
                        double ramAllocationRatio, double cpuAllocationRatio, double diskAllocationRatio,
                        boolean serviceDisabled, boolean serviceUp,
                        Map<String, Set<String>> aggregateMetadata,
                        List<SupportedInstance> supportedInstances,
                        OptionalInt hypervisorVersion,
                        Map<String, Integer> pciDevicesFree,
                        Set<String> traits,
                        int numInstances) {

    public HostState {
        aggregateMetadata = novalab.engine.common.Ordered.map(aggregateMetadata);
        supportedInstances = List.copyOf(supportedInstances);
        pciDevicesFree = novalab.engine.common.Ordered.map(pciDevicesFree);
        traits = novalab.engine.common.Ordered.set(traits);
    }

    /** One (arch, hypervisor type, vm mode) tuple, e.g. ("x86_64", "kvm", "hvm"). */
    public record SupportedInstance(String arch, String hvType, String vmMode) {}

    /** Nova's {@code consume_from_request}: the state the next instance of a multi-create sees. */
    public HostState withConsumed(RequestSpec spec) {
        var f = spec.flavor();
        java.util.Map<String, Integer> pci = new java.util.HashMap<>(pciDevicesFree);
        spec.pciRequests().forEach((alias, count) -> pci.merge(alias, -count, Integer::sum));
        return new HostState(host, nodename, cellName, totalUsableRamMb, freeRamMb - f.ramMb(),
                vcpusTotal, vcpusUsed + f.vcpus(), totalUsableDiskGb,
                freeDiskMb - (f.diskGb() + f.ephemeralGb()) * 1024,
                ramAllocationRatio, cpuAllocationRatio, diskAllocationRatio, serviceDisabled, serviceUp,
                aggregateMetadata, supportedInstances, hypervisorVersion, pci, traits, numInstances + 1);
    }

    /** Nova prints a host state as {@code (host, node) ram: ...}; filters' log lines use this. */
    @Override
    public String toString() {
        return "(" + host + ", " + nodename + ") ram: " + freeRamMb + "MB disk: " + freeDiskMb + "MB io_ops: 0 instances: " + numInstances;
    }
}

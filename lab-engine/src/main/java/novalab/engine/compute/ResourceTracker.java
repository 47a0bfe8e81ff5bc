package novalab.engine.compute;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import novalab.engine.common.CloudError;
import novalab.engine.conf.NovaConf.ComputeOptions;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.virt.HostSpec;

/**
 * Simulates nova.compute.resource_tracker.ResourceTracker for one node: claims resources for an
 * instance at once (checking the limits the scheduler's filters set), frees them on delete or
 * shelve-offload, and on each periodic audit recomputes usage from the instances it holds:
 * {@code memory_mb_used = reserved_host_memory_mb + Σ ram}, and so on.
 */
public final class ResourceTracker {
    /** What one instance holds on this node. */
    public record Claim(String instanceUuid, int vcpus, int memoryMb, int diskGb, Map<String, Integer> pci, boolean busy) {}

    private final HostSpec host;
    private final Map<String, Claim> claims = new LinkedHashMap<>();

    public ResourceTracker(HostSpec host) {
        this.host = host;
    }

    /**
     * {@code instance_claim}: fails with ComputeResourcesUnavailable when the node cannot fit the flavor
     * within its allocation ratios (a build then reschedules to an alternate).
     */
    public Claim instanceClaim(String uuid, Flavor flavor, Map<String, Integer> pci, ComputeOptions opts) {
        int usedRam = opts.reservedHostMemoryMb() + claims.values().stream().mapToInt(Claim::memoryMb).sum();
        double ramLimit = host.memoryMb() * opts.ramAllocationRatio();
        if (ramLimit - usedRam < flavor.ramMb()) {
            throw new CloudError(500, "ComputeResourcesUnavailable", String.format(
                    "Insufficient compute resources: Free memory %.2f MB < requested %d MB.", ramLimit - usedRam, flavor.ramMb()));
        }
        int usedCpu = opts.reservedHostCpus() + claims.values().stream().mapToInt(Claim::vcpus).sum();
        double cpuLimit = host.vcpus() * opts.cpuAllocationRatio();
        if (cpuLimit - usedCpu < flavor.vcpus()) {
            throw new CloudError(500, "ComputeResourcesUnavailable", String.format(
                    "Insufficient compute resources: Free vcpu %.2f VCPU < requested %d VCPU.", cpuLimit - usedCpu, flavor.vcpus()));
        }
        for (var e : pci.entrySet()) {
            int free = pciFree().getOrDefault(e.getKey(), 0);
            if (free < e.getValue()) {
                throw new CloudError(500, "ComputeResourcesUnavailable", "Insufficient compute resources: Claim pci failed.");
            }
        }
        Claim c = new Claim(uuid, flavor.vcpus(), flavor.ramMb(), flavor.diskGb() + flavor.ephemeralGb() + (flavor.swapMb() + 1023) / 1024, pci, true);
        claims.put(uuid, c);
        return c;
    }

    /** Marks a claimed instance as no longer busy (its build or task finished): current_workload drops. */
    public void settle(String uuid) {
        Claim c = claims.get(uuid);
        if (c != null) claims.put(uuid, new Claim(c.instanceUuid(), c.vcpus(), c.memoryMb(), c.diskGb(), c.pci(), false));
    }

    public void setBusy(String uuid) {
        Claim c = claims.get(uuid);
        if (c != null) claims.put(uuid, new Claim(c.instanceUuid(), c.vcpus(), c.memoryMb(), c.diskGb(), c.pci(), true));
    }

    /** Frees what {@code uuid} held (delete, shelve offload, failed build). */
    public Optional<Claim> free(String uuid) { return Optional.ofNullable(claims.remove(uuid)); }

    public boolean holds(String uuid) { return claims.containsKey(uuid); }

    public Map<String, Integer> pciFree() {
        Map<String, Integer> free = new HashMap<>(host.pciDevices());
        for (Claim c : claims.values()) c.pci().forEach((k, v) -> free.merge(k, -v, Integer::sum));
        return free;
    }

    /** The compute node record as of now: usage recomputed from the claims. */
    public ComputeNodeRecord report(ComputeNodeRecord base, ComputeOptions opts, long nowMs) {
        int vcpusUsed = opts.reservedHostCpus() + claims.values().stream().mapToInt(Claim::vcpus).sum();
        int ramUsed = opts.reservedHostMemoryMb() + claims.values().stream().mapToInt(Claim::memoryMb).sum();
        int diskUsed = opts.reservedHostDiskMb() / 1024 + claims.values().stream().mapToInt(Claim::diskGb).sum();
        int busy = (int) claims.values().stream().filter(Claim::busy).count();
        return base.withUsage(vcpusUsed, ramUsed, diskUsed, claims.size(), busy, pciFree(), opts.ramAllocationRatio(),
                opts.cpuAllocationRatio(), opts.diskAllocationRatio(), nowMs);
    }

    /** The "Final resource view" line the audit logs. */
    public String finalResourceView(ComputeNodeRecord r) {
        return "Final resource view: name=" + r.hypervisorHostname() + " phys_ram=" + r.memoryMb() + "MB used_ram="
                + r.memoryMbUsed() + "MB phys_disk=" + r.localGb() + "GB used_disk=" + r.localGbUsed() + "GB total_vcpus="
                + r.vcpus() + " used_vcpus=" + r.vcpusUsed() + " pci_stats=" + pciStats();
    }

    private String pciStats() {
        if (host.pciDevices().isEmpty()) return "[]";
        StringBuilder sb = new StringBuilder("[");
        host.pciDevices().forEach((alias, n) -> sb.append("PciDevicePool(count=").append(pciFree().getOrDefault(alias, 0))
                .append(",numa_node=0,product_id='1db4',tags={dev_type='type-PCI'},vendor_id='10de')"));
        return sb.append("]").toString();
    }
}

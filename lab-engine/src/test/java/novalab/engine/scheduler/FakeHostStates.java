package novalab.engine.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import novalab.engine.scheduler.HostState.SupportedInstance;

/**
 * Builds {@link HostState} snapshots for tests, like Nova's tests/unit/scheduler/fakes.FakeHostState: an
 * enabled, up libvirt/KVM x86_64 host with 2048 MB RAM, 4 vCPUs and 20 GB disk, all free, Nova's default
 * allocation ratios (1.5 RAM, 16.0 CPU, 1.0 disk), in no aggregate; change what a test is about with the withers.
 */
public final class FakeHostStates {
    private FakeHostStates() {}

    /** A host named {@code name} whose node has the same name. */
    public static Builder host(String name) {
        return new Builder(name);
    }

    /** Mutable recipe for one HostState. */
    public static final class Builder {
        private final String host;
        private String nodename;
        private int totalUsableRamMb = 2048;
        private int freeRamMb = 2048;
        private int vcpusTotal = 4;
        private int vcpusUsed = 0;
        private int totalUsableDiskGb = 20;
        private int freeDiskMb = 20 * 1024;
        private double ramAllocationRatio = 1.5;
        private double cpuAllocationRatio = 16.0;
        private double diskAllocationRatio = 1.0;
        private boolean serviceDisabled;
        private boolean serviceUp = true;
        private final Map<String, Set<String>> aggregateMetadata = new HashMap<>();
        private List<SupportedInstance> supportedInstances = new ArrayList<>(List.of(new SupportedInstance("x86_64", "kvm", "hvm")));
        private OptionalInt hypervisorVersion = OptionalInt.of(6_002_000);
        private final Map<String, Integer> pciDevicesFree = new HashMap<>();
        private final Set<String> traits = new HashSet<>();
        private int numInstances;

        private Builder(String host) {
            this.host = host;
            this.nodename = host;
        }

        public Builder withNodename(String v) { nodename = v; return this; }

        public Builder withRam(int totalUsableMb, int freeMb) { totalUsableRamMb = totalUsableMb; freeRamMb = freeMb; return this; }

        public Builder withFreeRamMb(int v) { freeRamMb = v; return this; }

        public Builder withVcpus(int total, int used) { vcpusTotal = total; vcpusUsed = used; return this; }

        public Builder withDisk(int totalUsableGb, int freeMb) { totalUsableDiskGb = totalUsableGb; freeDiskMb = freeMb; return this; }

        public Builder withFreeDiskMb(int v) { freeDiskMb = v; return this; }

        public Builder withRamAllocationRatio(double v) { ramAllocationRatio = v; return this; }

        public Builder withCpuAllocationRatio(double v) { cpuAllocationRatio = v; return this; }

        public Builder withDiskAllocationRatio(double v) { diskAllocationRatio = v; return this; }

        public Builder disabled() { serviceDisabled = true; return this; }

        public Builder down() { serviceUp = false; return this; }

        /** Puts the host in aggregates that set {@code key}, one value per aggregate. */
        public Builder withAggregate(String key, String... values) {
            aggregateMetadata.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(List.of(values));
            return this;
        }

        /** Replaces the advertised (arch, hv_type, vm_mode) tuples; none means the host advertises nothing. */
        public Builder withSupportedInstances(SupportedInstance... tuples) { supportedInstances = List.of(tuples); return this; }

        public Builder withHypervisorVersion(int v) { hypervisorVersion = OptionalInt.of(v); return this; }

        public Builder withoutHypervisorVersion() { hypervisorVersion = OptionalInt.empty(); return this; }

        public Builder withPciDevicesFree(String alias, int count) { pciDevicesFree.put(alias, count); return this; }

        public Builder withTraits(String... names) { traits.addAll(List.of(names)); return this; }

        public Builder withNumInstances(int v) { numInstances = v; return this; }

        public HostState build() {
            Map<String, Set<String>> aggregates = new HashMap<>();
            aggregateMetadata.forEach((k, v) -> aggregates.put(k, Set.copyOf(v)));
            return new HostState(host, nodename, "cell1", totalUsableRamMb, freeRamMb, vcpusTotal, vcpusUsed,
                    totalUsableDiskGb, freeDiskMb, ramAllocationRatio, cpuAllocationRatio, diskAllocationRatio,
                    serviceDisabled, serviceUp, aggregates, supportedInstances, hypervisorVersion,
                    pciDevicesFree, traits, numInstances);
        }
    }

    /** Shorthand for a supported_instances tuple. */
    public static SupportedInstance tuple(String arch, String hvType, String vmMode) {
        return new SupportedInstance(arch, hvType, vmMode);
    }
}

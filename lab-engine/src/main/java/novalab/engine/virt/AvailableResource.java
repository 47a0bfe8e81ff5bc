package novalab.engine.virt;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Simulates the dict nova.virt.libvirt.driver.LibvirtDriver.get_available_resource returns (nova.md
 * section 4.4): the hypervisor's own view of a host, before the resource tracker overwrites the usage
 * with its claims. Usage here is what the hypervisor measures: vCPUs and memory of running guests,
 * disk of every defined guest (root + ephemeral + swap). NUMA and PCI device lists are not modelled.
 *
 * @param cpuInfo            the JSON string Nova stores in {@code compute_nodes.cpu_info}
 * @param supportedInstances {@code [arch, hypervisor type, vm mode]} triples
 */
public record AvailableResource(int vcpus, int memoryMb, int localGb, int vcpusUsed, int memoryMbUsed,
                                int localGbUsed, String hypervisorType, int hypervisorVersion,
                                String hypervisorHostname, String cpuInfo, int diskAvailableLeast,
                                List<List<String>> supportedInstances) {
    public AvailableResource {
        supportedInstances = supportedInstances.stream().map(List::copyOf).toList();
    }

    /**
     * The view of {@code host} with {@code hostVcpus} CPUs and {@code hostMemoryMb} as the hypervisor
     * reports them, the guests running now and the guests defined (whose disks take space).
     */
    public static AvailableResource of(HostSpec host, int hostVcpus, int hostMemoryMb,
                                       Collection<InstanceInfo> running, Collection<InstanceSpec> defined) {
        int vcpusUsed = running.stream().mapToInt(InstanceInfo::vcpus).sum();
        int memoryUsed = running.stream().mapToInt(i -> i.memoryKib() / 1024).sum();
        int diskUsed = defined.stream().mapToInt(s -> s.rootGb() + s.ephemeralGb() + (s.swapMb() + 1023) / 1024).sum();
        List<List<String>> supported = new ArrayList<>();
        supported.add(List.of(host.arch(), "kvm", "hvm"));
        supported.add(List.of(host.arch(), "qemu", "hvm"));
        if ("x86_64".equals(host.arch())) {
            supported.add(List.of("i686", "kvm", "hvm"));
            supported.add(List.of("i686", "qemu", "hvm"));
        }
        return new AvailableResource(hostVcpus, hostMemoryMb, host.localGb(), vcpusUsed, memoryUsed, diskUsed,
                "QEMU", host.hypervisorVersion(), host.hostname(), cpuInfo(host), host.localGb() - diskUsed, supported);
    }

    /** The CPUs libvirt's test driver reports for a host's node file: the topology, capped by {@code vcpus}. */
    public static int nodeCpus(HostSpec host) {
        int topology = host.sockets() * host.cores() * host.threads();
        return host.vcpus() > 0 ? Math.min(host.vcpus(), topology) : topology;
    }

    /** {@code _get_cpu_info} as jsonutils.dumps writes it; features sorted for a stable text. */
    static String cpuInfo(HostSpec host) {
        StringBuilder features = new StringBuilder();
        for (String f : new TreeSet<>(host.cpuFeatures())) {
            if (features.length() > 0) features.append(", ");
            features.append('"').append(f.replace("\"", "")).append('"');
        }
        return "{\"arch\": \"" + host.arch() + "\", \"model\": \"" + host.cpuModel() + "\", \"vendor\": \""
               + host.cpuVendor() + "\", \"topology\": {\"cells\": 1, \"sockets\": " + host.sockets()
               + ", \"cores\": " + host.cores() + ", \"threads\": " + host.threads() + "}, \"features\": ["
               + features + "]}";
    }
}

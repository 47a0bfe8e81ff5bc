package novalab.engine.virt;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The physical hardware of one hypervisor host, from the scenario: what the libvirt test driver's node
 * file describes and what {@code get_available_resource} reports.
 *
 * @param arch            {@code x86_64} or {@code aarch64}
 * @param cpuModel        libvirt CPU model name, e.g. {@code Cascadelake-Server} or {@code cortex-a72}
 * @param cpuVendor       {@code Intel}, {@code AMD}, {@code ARM}
 * @param pciDevices      passthrough devices by PCI alias (e.g. gpu → 2 NVIDIA cards)
 * @param traits          other capabilities, e.g. {@code COMPUTE_SECURITY_UEFI_SECURE_BOOT}
 * @param hypervisorVersion QEMU version as Nova's integer (6002000 = 6.2.0)
 */
public record HostSpec(String hostname, String hostIp, int vcpus, int memoryMb, int localGb, String arch,
                       String cpuModel, String cpuVendor, int sockets, int cores, int threads,
                       List<String> cpuFeatures, Map<String, Integer> pciDevices, Set<String> traits,
                       int hypervisorVersion) {
    public HostSpec {
        cpuFeatures = List.copyOf(cpuFeatures);
        pciDevices = novalab.engine.common.Ordered.map(pciDevices);
        traits = novalab.engine.common.Ordered.set(traits);
    }
}

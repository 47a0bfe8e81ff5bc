package novalab.engine.virt;

import java.util.Locale;

/**
 * What a guest's kernel sees of the host CPU that libvirt's {@code host-model} (x86) or
 * {@code host-passthrough} (aarch64) CPU mode exposes: QEMU's model id string, the x86
 * family/model/stepping or the ARM MIDR, and the clock the scenario's {@link HostSpec} does not state.
 *
 * @param modelId  x86: QEMU's {@code model_id}, e.g. {@code Intel Xeon Processor (Cascadelake)}; ARM: the core name
 * @param family   x86 CPUID family (0 on ARM)
 * @param model    x86 CPUID model (0 on ARM)
 * @param stepping x86 CPUID stepping (0 on ARM)
 * @param midr     ARM Main ID Register, e.g. {@code 0x410fd083} for Cortex-A72 (empty on x86)
 * @param mhz      nominal clock in MHz, as the node file's {@code <mhz>} and the guest's TSC line
 */
public record CpuModel(String modelId, int family, int model, int stepping, String midr, int mhz) {

    /** The CPU for a host, from its libvirt model name and vendor; unknown models get QEMU's generic ids. */
    public static CpuModel of(HostSpec host) {
        String name = host.cpuModel().toLowerCase(Locale.ROOT);
        if ("aarch64".equals(host.arch())) {
            if (name.contains("neoverse-n1") || name.contains("altra")) {
                return new CpuModel("Neoverse-N1", 0, 0, 0, "0x413fd0c1", 3000);
            }
            if (name.contains("neoverse-v1")) {
                return new CpuModel("Neoverse-V1", 0, 0, 0, "0x411fd401", 2600);
            }
            return new CpuModel("Cortex-A72", 0, 0, 0, "0x410fd083", 2000);
        }
        if (name.startsWith("cascadelake")) return x86("Intel Xeon Processor (Cascadelake)", 6, 0x55, 7, 2400);
        if (name.startsWith("icelake")) return x86("Intel Xeon Processor (Icelake)", 6, 0x6a, 6, 2600);
        if (name.startsWith("sapphirerapids")) return x86("Intel Xeon Processor (SapphireRapids)", 6, 0x8f, 8, 2100);
        if (name.startsWith("skylake")) return x86("Intel Xeon Processor (Skylake, IBRS)", 6, 0x55, 4, 2300);
        if (name.startsWith("broadwell")) return x86("Intel Core Processor (Broadwell, IBRS)", 6, 0x3d, 2, 2200);
        if (name.startsWith("haswell")) return x86("Intel Core Processor (Haswell, no TSX, IBRS)", 6, 0x3c, 1, 2500);
        if (name.startsWith("epyc-milan")) return x86("AMD EPYC-Milan Processor", 0x19, 0x01, 1, 2450);
        if (name.startsWith("epyc-rome")) return x86("AMD EPYC-Rome Processor", 0x17, 0x31, 0, 2250);
        if (name.startsWith("epyc")) return x86("AMD EPYC Processor (with IBPB)", 0x17, 0x01, 2, 2100);
        if ("AMD".equalsIgnoreCase(host.cpuVendor())) return x86("QEMU Virtual CPU version 2.5+", 0x0f, 0x6b, 1, 2400);
        return x86("QEMU Virtual CPU version 2.5+", 6, 6, 3, 2400);
    }

    private static CpuModel x86(String id, int family, int model, int stepping, int mhz) {
        return new CpuModel(id, family, model, stepping, "", mhz);
    }
}

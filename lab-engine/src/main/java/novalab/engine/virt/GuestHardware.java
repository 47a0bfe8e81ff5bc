package novalab.engine.virt;

/**
 * The virtual platform Nova's libvirt driver picks for a guest from the image properties and the host
 * (as {@code _get_guest_config} does): architecture, machine type and firmware. The domain XML and the
 * boot transcript both read it, so they agree.
 *
 * @param arch        {@code hw_architecture}, else the host's architecture
 * @param machineType {@code hw_machine_type}, else {@code pc} on x86_64 ({@code q35} with secure boot)
 *                    and {@code virt} on aarch64
 * @param uefi        aarch64 always boots UEFI; x86_64 with {@code hw_firmware_type=uefi} or secure boot
 * @param secureBoot  {@code os_secure_boot=required}, or {@code optional} on a host with the
 *                    {@code COMPUTE_SECURITY_UEFI_SECURE_BOOT} trait
 */
public record GuestHardware(String arch, String machineType, boolean uefi, boolean secureBoot) {
    public static final String SECURE_BOOT_TRAIT = "COMPUTE_SECURITY_UEFI_SECURE_BOOT";

    public static GuestHardware of(InstanceSpec spec, HostSpec host) {
        var props = spec.imageProperties();
        String arch = props.getOrDefault("hw_architecture", host.arch());
        String secure = props.getOrDefault("os_secure_boot", "disabled");
        boolean secureBoot = "required".equals(secure)
                || ("optional".equals(secure) && host.traits().contains(SECURE_BOOT_TRAIT));
        boolean aarch64 = "aarch64".equals(arch);
        boolean uefi = aarch64 || secureBoot || "uefi".equals(props.get("hw_firmware_type"));
        String machine = props.getOrDefault("hw_machine_type", aarch64 ? "virt" : secureBoot ? "q35" : "pc");
        return new GuestHardware(arch, machine, uefi, secureBoot);
    }

    public boolean aarch64() { return "aarch64".equals(arch); }

    /** PCI Express machines put NICs behind root ports, so systemd names them enp1s0 rather than ens3. */
    public boolean pcie() { return aarch64() || machineType.contains("q35"); }
}

package novalab.engine.virt.libvirt;

import java.util.List;
import java.util.Locale;
import novalab.engine.virt.GuestHardware;
import novalab.engine.virt.HostSpec;
import novalab.engine.virt.InstanceSpec;

/**
 * Simulates nova.virt.libvirt.config.LibvirtConfigGuest as the Zed driver's {@code _get_guest_config}
 * fills it for a KVM guest: {@link #toXml()} is the domain XML Nova writes to {@code libvirt.xml} and
 * defines, element for element in Nova's order. It covers the default configuration (host-model CPU,
 * SeaBIOS or UEFI, OVS hybrid-plug interfaces, pty serial with virtlogd log, VNC, PCI passthrough); it
 * does not model NUMA, pinning, hugepages, config drives, vGPUs or PCIe root ports.
 */
public final class GuestConfig {
    /** Nova's release in the metadata and sysinfo: Zed. */
    public static final String NOVA_VERSION = "26.0.0";
    public static final String NOVA_NAMESPACE = "http://openstack.org/xmlns/libvirt/nova/1.1";
    /** {@code [DEFAULT] instances_path}. */
    public static final String INSTANCES_PATH = "/var/lib/nova/instances";
    /** {@code [libvirt] virt_type}. */
    public static final String VIRT_TYPE = "kvm";

    private final InstanceSpec spec;
    private final GuestHardware hw;
    private final List<PciAddress> hostdevs;

    private GuestConfig(InstanceSpec spec, HostSpec host, List<PciAddress> hostdevs) {
        this.spec = spec;
        this.hw = GuestHardware.of(spec, host);
        this.hostdevs = List.copyOf(hostdevs);
    }

    /** The guest config with the PCI devices the tracker assigned to it (empty without passthrough). */
    public static GuestConfig of(InstanceSpec spec, HostSpec host, List<PciAddress> pciDevices) {
        return new GuestConfig(spec, host, pciDevices);
    }

    public static GuestConfig of(InstanceSpec spec, HostSpec host) {
        return of(spec, host, List.of());
    }

    public GuestHardware hardware() { return hw; }

    /** {@code /var/lib/nova/instances/<uuid>}. */
    public static String instanceDir(String uuid) {
        return INSTANCES_PATH + "/" + uuid;
    }

    /** The OVS hybrid-plug Linux bridge of a port: {@code qbr} + the first 11 characters of its id. */
    public static String bridgeName(String portId) {
        return "qbr" + portId.substring(0, Math.min(11, portId.length()));
    }

    /** The tap device of a port on the host: {@code tap} + the first 11 characters of its id (14 in all). */
    public static String tapName(String portId) {
        return "tap" + portId.substring(0, Math.min(11, portId.length()));
    }

    /** The domain XML as Nova writes it, with a final newline as lxml's pretty printer ends. */
    public String toXml() {
        Xml domain = Xml.element("domain").attr("type", VIRT_TYPE);
        domain.child("uuid", spec.uuid());
        domain.child("name", spec.instanceName());
        domain.child("memory", spec.memoryMb() * 1024L);
        domain.child("vcpu", spec.vcpus());
        domain.child("metadata").add(metadata());
        domain.add(sysinfo());
        domain.add(os());
        domain.add(features());
        domain.add(clock());
        domain.add(cpu());
        domain.add(devices());
        return domain.print();
    }

    private Xml metadata() {
        Xml instance = Xml.element("nova:instance").attr("xmlns:nova", NOVA_NAMESPACE);
        instance.child("nova:package").attr("version", NOVA_VERSION);
        instance.child("nova:name", spec.displayName());
        instance.child("nova:creationTime", spec.creationTime());
        Xml flavor = instance.child("nova:flavor").attr("name", spec.flavorName());
        flavor.child("nova:memory", spec.memoryMb());
        flavor.child("nova:disk", spec.rootGb());
        flavor.child("nova:swap", spec.swapMb());
        flavor.child("nova:ephemeral", spec.ephemeralGb());
        flavor.child("nova:vcpus", spec.vcpus());
        Xml owner = instance.child("nova:owner");
        owner.child("nova:user", spec.userName()).attr("uuid", spec.userId());
        owner.child("nova:project", spec.projectName()).attr("uuid", spec.projectId());
        instance.child("nova:root").attr("type", "image", "uuid", spec.imageId());
        Xml ports = instance.child("nova:ports");
        for (InstanceSpec.Vif vif : spec.vifs()) {
            ports.child("nova:port").attr("uuid", vif.portId())
                    .child("nova:ip").attr("type", "fixed", "address", vif.ip(),
                            "ipVersion", vif.ip().contains(":") ? "6" : "4");
        }
        return instance;
    }

    private Xml sysinfo() {
        Xml sysinfo = Xml.element("sysinfo").attr("type", "smbios");
        Xml system = sysinfo.child("system");
        system.child("entry", "OpenStack Foundation").attr("name", "manufacturer");
        system.child("entry", "OpenStack Nova").attr("name", "product");
        system.child("entry", NOVA_VERSION).attr("name", "version");
        system.child("entry", spec.uuid()).attr("name", "serial");
        system.child("entry", spec.uuid()).attr("name", "uuid");
        system.child("entry", "Virtual Machine").attr("name", "family");
        return sysinfo;
    }

    /** Nova picks the firmware itself (from QEMU's firmware descriptors) and writes explicit loader and NVRAM template paths. */
    private Xml os() {
        Xml os = Xml.element("os");
        os.child("type", "hvm").attr("arch", hw.arch(), "machine", hw.machineType());
        if (hw.uefi()) {
            String[] firmware = firmware();
            Xml loader = os.child("loader", firmware[0]).attr("type", "pflash", "readonly", "yes");
            if (hw.secureBoot()) loader.attr("secure", "yes");
            os.child("nvram").attr("template", firmware[1]);
        }
        os.child("boot").attr("dev", "hd");
        os.child("smbios").attr("mode", "sysinfo");
        return os;
    }

    /** Loader and NVRAM template, as the Ubuntu Jammy ovmf and qemu-efi-aarch64 packages install them. */
    private String[] firmware() {
        if (hw.aarch64()) {
            return hw.secureBoot()
                    ? new String[] {"/usr/share/AAVMF/AAVMF_CODE.ms.fd", "/usr/share/AAVMF/AAVMF_VARS.ms.fd"}
                    : new String[] {"/usr/share/AAVMF/AAVMF_CODE.fd", "/usr/share/AAVMF/AAVMF_VARS.fd"};
        }
        return hw.secureBoot()
                ? new String[] {"/usr/share/OVMF/OVMF_CODE_4M.secboot.fd", "/usr/share/OVMF/OVMF_VARS_4M.ms.fd"}
                : new String[] {"/usr/share/OVMF/OVMF_CODE_4M.fd", "/usr/share/OVMF/OVMF_VARS_4M.fd"};
    }

    private Xml features() {
        Xml features = Xml.element("features");
        features.child("acpi");
        features.child("apic");
        features.child("vmcoreinfo");
        if (hw.secureBoot() && !hw.aarch64()) features.child("smm");
        return features;
    }

    /** HPET is an x86 timer; Nova adds it (present="no") only for x86 guests. */
    private Xml clock() {
        Xml clock = Xml.element("clock").attr("offset", "windows".equals(spec.imageProperties().get("os_type"))
                ? "localtime" : "utc");
        clock.child("timer").attr("name", "pit", "tickpolicy", "delay");
        clock.child("timer").attr("name", "rtc", "tickpolicy", "catchup");
        if (!hw.aarch64()) {
            clock.child("timer").attr("name", "hpet", "present",
                    "true".equalsIgnoreCase(spec.imageProperties().get("hw_time_hpet")) ? "yes" : "no");
        }
        return clock;
    }

    /** {@code [libvirt] cpu_mode} unset: host-model on x86_64, host-passthrough on aarch64; one socket per vCPU. */
    private Xml cpu() {
        Xml cpu = Xml.element("cpu");
        if (hw.aarch64()) {
            cpu.attr("mode", "host-passthrough");
        } else {
            cpu.attr("mode", "host-model", "match", "exact");
        }
        cpu.child("topology").attr("sockets", String.valueOf(spec.vcpus()), "cores", "1", "threads", "1");
        return cpu;
    }

    private Xml devices() {
        String dir = instanceDir(spec.uuid());
        Xml devices = Xml.element("devices");
        devices.add(disk(dir + "/disk", "vda"));
        char next = 'b';
        if (spec.ephemeralGb() > 0) devices.add(disk(dir + "/disk.eph0", "vd" + next++));
        if (spec.swapMb() > 0) devices.add(disk(dir + "/disk.swap", "vd" + next));
        for (InstanceSpec.Vif vif : spec.vifs()) {
            Xml nic = devices.child("interface").attr("type", "bridge");
            nic.child("mac").attr("address", vif.mac());
            nic.child("model").attr("type", "virtio");
            nic.child("source").attr("bridge", bridgeName(vif.portId()));
            if (vif.mtu() > 0) nic.child("mtu").attr("size", String.valueOf(vif.mtu()));
            nic.child("target").attr("dev", tapName(vif.portId()));
        }
        devices.child("serial").attr("type", "pty")
                .child("log").attr("file", dir + "/console.log", "append", "off");
        devices.child("input").attr("type", "tablet", "bus", "usb");
        devices.child("graphics").attr("type", "vnc", "autoport", "yes", "listen", "127.0.0.1");
        devices.child("video").child("model").attr("type", "virtio");
        if (hw.aarch64()) devices.child("input").attr("type", "keyboard", "bus", "usb");
        devices.child("controller").attr("type", "usb", "index", "0");
        for (PciAddress a : hostdevs) {
            devices.child("hostdev").attr("mode", "subsystem", "type", "pci", "managed", "yes")
                    .child("source").child("address").attr(
                            "domain", String.format(Locale.ROOT, "0x%04x", a.domain()), "bus", String.format(Locale.ROOT, "0x%02x", a.bus()),
                            "slot", String.format(Locale.ROOT, "0x%02x", a.slot()), "function", String.format(Locale.ROOT, "0x%x", a.function()));
        }
        devices.child("memballoon").attr("model", "virtio").child("stats").attr("period", "10");
        return devices;
    }

    private static Xml disk(String file, String dev) {
        Xml disk = Xml.element("disk").attr("type", "file", "device", "disk");
        disk.child("driver").attr("name", "qemu", "type", "qcow2", "cache", "none");
        disk.child("source").attr("file", file);
        disk.child("target").attr("dev", dev, "bus", "virtio");
        return disk;
    }
}

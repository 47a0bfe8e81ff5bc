package novalab.engine.virt;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a guest writes to its serial console while it boots and shuts down: the text of
 * {@code console.log} that {@code openstack console log show} prints. The kernel ring buffer comes
 * first ({@code [    0.000000]} timestamps), then the image's init: cloud-init on Ubuntu (ci-info
 * tables, SSH host key fingerprints, authorized keys), CirrOS's own busybox init on CirrOS (udhcpc,
 * the EC2 metadata check, {@code === network info ===}). Everything is derived from the
 * {@link InstanceSpec} and {@link HostSpec}: the same spec gives the same text, byte for byte.
 *
 * <p>A guest without a NIC gets no DHCP lease and no metadata, so its console shows the failures
 * (udhcpc's {@code no lease, failing}, cloud-init's metadata timeouts) and it keeps the image's own
 * hostname and has no authorized key, as it would on a real cloud.
 */
public final class GuestBoot {
    private static final String BIOS_SEABIOS = "BIOS 1.15.0-1 04/01/2014";
    private static final String BIOS_OVMF = "BIOS 0.0.0 02/06/2015";

    private final InstanceSpec spec;
    private final HostSpec host;
    private final GuestOs os;
    private final GuestHardware hw;
    private final CpuModel cpu;
    private final List<GuestNic> nics;

    public GuestBoot(InstanceSpec spec, HostSpec host) {
        this.spec = spec;
        this.host = host;
        this.os = GuestOs.of(spec, host);
        this.hw = GuestHardware.of(spec, host);
        this.cpu = CpuModel.of(host);
        List<GuestNic> list = new ArrayList<>();
        for (int i = 0; i < spec.vifs().size(); i++) {
            list.add(GuestNic.of(spec.vifs().get(i), i, os, hw));
        }
        this.nics = List.copyOf(list);
    }

    /** A boot's console output and the guest's uptime when it reached the login prompt. */
    public record Transcript(String text, double uptimeSeconds) {}

    /** The console.log of the instance's first boot, at {@link InstanceSpec#bootedAt()}. */
    public static String firstBoot(InstanceSpec spec, HostSpec host) {
        return new GuestBoot(spec, host).boot(spec.bootedAt(), 1).text();
    }

    public GuestOs os() { return os; }

    InstanceSpec spec() { return spec; }

    HostSpec host() { return host; }

    GuestHardware hardware() { return hw; }

    List<GuestNic> nics() { return nics; }

    /**
     * The console output of boot number {@code bootNumber} (1 is the first boot, when cloud-init runs
     * its per-instance modules: host keys, authorized keys) of a guest powered on at {@code poweredOnAt}.
     */
    public Transcript boot(Instant poweredOnAt, int bootNumber) {
        SerialConsole c = new SerialConsole(seed(spec.uuid()) ^ bootNumber, poweredOnAt);
        kernel(c);
        if (os.cirros()) {
            new CirrosBoot(this).boot(c, bootNumber == 1);
        } else {
            new CloudInitBoot(this).boot(c, bootNumber == 1);
        }
        return new Transcript(c.text(), c.uptime());
    }

    /** The lines an ACPI shutdown prints, ending with the kernel's power-down at {@code uptimeSeconds}. */
    public String shutdown(double uptimeSeconds) {
        SerialConsole c = new SerialConsole(seed(spec.uuid()) ^ 0x5D, Instant.EPOCH);
        if (os.cirros()) {
            c.raw("Stopping dropbear sshd: OK");
            c.raw("Stopping network: OK");
            c.raw("Saving random seed: OK");
            c.raw("Stopping klogd: OK");
            c.raw("Stopping syslogd: OK");
            c.raw("The system is going down NOW!");
            c.raw("Sent SIGTERM to all processes");
            c.raw("Sent SIGKILL to all processes");
            c.raw("Requesting system poweroff");
        } else {
            c.raw("[  OK  ] Removed slice Slice /system/modprobe.");
            c.raw("[  OK  ] Stopped target Cloud-init target.");
            c.raw("[  OK  ] Stopped target Multi-User System.");
            c.raw("         Stopping OpenBSD Secure Shell server...");
            c.raw("[  OK  ] Stopped OpenBSD Secure Shell server.");
            c.raw("         Stopping Network Name Resolution...");
            c.raw("[  OK  ] Stopped Network Name Resolution.");
            c.raw("         Stopping Network Configuration...");
            c.raw("[  OK  ] Stopped Network Configuration.");
            c.raw("[  OK  ] Reached target System Shutdown.");
            c.raw("[  OK  ] Reached target Late Shutdown Services.");
            c.raw("[  OK  ] Finished System Power Off.");
            c.raw("[  OK  ] Reached target System Power Off.");
        }
        c.at(uptimeSeconds);
        c.kernel("reboot: Power down");
        return c.text();
    }

    private void kernel(SerialConsole c) {
        boolean arm = hw.aarch64();
        String cmdline = os.cirros()
                ? "LABEL=cirros-rootfs ro console=tty1 console=" + os.serialTty()
                : "BOOT_IMAGE=/boot/vmlinuz-" + os.kernelRelease() + " root=LABEL=cloudimg-rootfs ro console=tty1 console="
                  + os.serialTty();
        if (arm) {
            c.kernel("Booting Linux on physical CPU 0x0000000000 [" + cpu.midr() + "]");
            c.kernel("Linux version " + os.linuxBanner());
            c.kernel("efi: EFI v2.70 by EDK II");
            c.kernel("efi: ACPI 2.0=0x13bed0000 SMBIOS 3.0=0x13fed0000 MEMATTR=0x13ccb8018 RNG=0x13fe5ea18 ");
            c.kernel("secureboot: Secure boot " + (hw.secureBoot() ? "enabled" : "disabled"));
            c.kernel("Machine model: linux,dummy-virt");
            c.kernel("Kernel command line: " + cmdline);
        } else {
            c.kernel("Linux version " + os.linuxBanner());
            c.kernel("Command line: " + cmdline);
            if (hw.uefi()) {
                c.kernel("efi: EFI v2.70 by EDK II");
                c.kernel("efi: SMBIOS=0x7f8f8000 ACPI=0x7fb7e000 ACPI 2.0=0x7fb7e014 MEMATTR=0x7e9a3018 ");
                c.kernel("secureboot: Secure boot " + (hw.secureBoot() ? "enabled" : "disabled"));
                if (hw.secureBoot()) {
                    c.kernel("Kernel is locked down from EFI Secure Boot mode; see man kernel_lockdown.7");
                }
            }
            c.kernel("DMI: OpenStack Foundation OpenStack Nova, " + (hw.uefi() ? BIOS_OVMF : BIOS_SEABIOS));
            c.kernel("Hypervisor detected: KVM");
            c.kernel("tsc: Detected " + mhz() + " MHz processor");
        }
        c.advance(0.004, 0.012);
        c.kernel(memoryLine(arm));
        int n = spec.vcpus();
        if (arm) {
            c.advance(0.02, 0.05);
            c.kernel("smp: Bringing up secondary CPUs ...");
            c.kernel("smp: Brought up 1 node, " + n + (n == 1 ? " CPU" : " CPUs"));
            c.kernel("SMP: Total of " + n + " processors activated.");
            c.kernel("CPU: All CPU(s) started at EL1");
        } else {
            c.kernel("smpboot: Allowing " + n + " CPUs, 0 hotplug CPUs");
            c.advance(0.08, 0.14);
            c.kernel(String.format(Locale.ROOT, "smpboot: CPU0: %s (family: 0x%x, model: 0x%x, stepping: 0x%x)",
                    cpu.modelId(), cpu.family(), cpu.model(), cpu.stepping()));
            c.kernel("smp: Brought up 1 node, " + n + (n == 1 ? " CPU" : " CPUs"));
            long hundredths = (long) n * cpu.mhz() * 1000L * 2 / 10 - n;
            c.kernel(String.format(Locale.ROOT, "smpboot: Total of %d processors activated (%d.%02d BogoMIPS)",
                    n, hundredths / 100, hundredths % 100));
        }
        c.advance(0.6, 0.9);
        long bytes = rootGb() * (1L << 30);
        c.kernel("virtio_blk virtio" + nics.size() + ": [vda] " + bytes / 512 + " 512-byte logical blocks ("
                 + humanSize(bytes, 1000, "GB") + "/" + humanSize(bytes, 1024, "GiB") + ")");
        c.kernel(os.cirros() || arm ? " vda: vda1 vda15" : " vda: vda1 vda14 vda15");
        if (!os.cirros()) {
            for (GuestNic nic : nics) {
                c.advance(0.01, 0.04);
                c.kernel("virtio_net virtio" + nic.index() + " " + nic.device() + ": renamed from eth" + nic.index());
            }
        }
        c.advance(0.5, 0.9);
        c.kernel("EXT4-fs (vda1): mounted filesystem with ordered data mode. Opts: (null). Quota mode: none.");
    }

    /** The TSC clock the kernel measures, a hair under the nominal MHz: {@code 2399.998}. */
    String mhz() {
        int khz = cpu.mhz() * 1000 - 2;
        return String.format(Locale.ROOT, "%d.%03d", khz / 1000, khz % 1000);
    }

    private String memoryLine(boolean arm) {
        long kib = spec.memoryMb() * 1024L;
        long total = arm ? kib : kib - 536;
        String sections = arm
                ? "16384K kernel code, 4418K rwdata, 11036K rodata, 9920K init, 1068K bss"
                : "16393K kernel code, 4386K rwdata, 10620K rodata, 3176K init, 18036K bss";
        long reserved = (arm ? 42826 : 52611) + kib / 64 + 30208;
        return "Memory: " + (total - reserved) + "K/" + total + "K available (" + sections + ", " + reserved
               + "K reserved, 0K cma-reserved)";
    }

    /** The root disk in GiB: the flavor's, or the image's own size for a 0 GB flavor. */
    long rootGb() {
        return spec.rootGb() > 0 ? spec.rootGb() : os.cirros() ? 1 : 3;
    }

    /** Linux's string_get_size: three significant digits. */
    private static String humanSize(long bytes, int base, String unit) {
        double v = bytes / Math.pow(base, 3);
        String digits = v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, digits, v) + " " + unit;
    }

    private static long seed(String uuid) {
        return ByteBuffer.wrap(SshHostKeys.sha256(uuid.getBytes(StandardCharsets.UTF_8))).getLong();
    }
}

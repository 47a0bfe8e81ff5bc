package novalab.engine.virt;

import java.util.List;
import java.util.Locale;

/**
 * The userspace half of a CirrOS console: busybox init scripts, udhcpc, the EC2 metadata check,
 * dropbear's host keys and CirrOS's status report ({@code === system information ===},
 * {@code === network info ===}, {@code === datasource: ec2 net ===}) before the login banner.
 */
final class CirrosBoot {
    private static final String METADATA = "http://169.254.169.254";

    private final GuestBoot guest;
    private final InstanceSpec spec;
    private final HostSpec host;
    private final GuestOs os;
    private final GuestHardware hw;
    private final List<GuestNic> nics;

    CirrosBoot(GuestBoot guest) {
        this.guest = guest;
        this.spec = guest.spec();
        this.host = guest.host();
        this.os = guest.os();
        this.hw = guest.hardware();
        this.nics = guest.nics();
    }

    void boot(SerialConsole c, boolean first) {
        boolean online = !nics.isEmpty();
        boolean v05 = os.version().startsWith("0.5");
        String shownHost = online ? spec.hostname() : "cirros";
        c.advance(0.3, 0.5);
        c.raw("Starting syslogd: OK");
        c.raw("Starting klogd: OK");
        c.raw("Running sysctl: OK");
        c.raw("Populating /dev using udev: done");
        c.raw("Starting network: udhcpc: started, v" + (v05 ? "1.29.3" : "1.36.1"));
        String discover = v05 ? "udhcpc: sending discover" : "udhcpc: broadcasting discover";
        if (online) {
            GuestNic nic = nics.get(0);
            c.raw(discover);
            c.raw(v05 ? "udhcpc: sending select for " + nic.ip()
                      : "udhcpc: broadcasting select for " + nic.ip() + ", server " + nic.dhcpServer());
            c.raw(v05 ? "udhcpc: lease of " + nic.ip() + " obtained, lease time 86400"
                      : "udhcpc: lease of " + nic.ip() + " obtained from " + nic.dhcpServer() + ", lease time 86400");
            c.raw("OK");
        } else {
            c.raw(discover);
            c.raw(discover);
            c.raw(discover);
            c.raw("udhcpc: no lease, failing");
            c.raw("WARN: /etc/rc3.d/S40-network failed");
        }
        c.at(2.0 + c.nextDouble());
        c.raw("checking " + METADATA + "/2009-04-04/instance-id");
        if (online) {
            c.raw("successful after 1/20 tries: up " + c.upString() + ". iid=" + ec2InstanceId());
            c.raw("failed to get " + METADATA + "/2009-04-04/user-data");
            c.raw("warning: no ec2 metadata for user-data");
            c.raw("found datasource (ec2, net)");
        } else {
            for (int i = 1; i <= 20; i++) {
                c.advance(12.0, 12.3);
                c.raw("failed " + i + "/20: up " + c.upString() + ". request failed");
            }
            c.raw("failed to read iid from metadata. tried 20");
            c.raw("failed to get instance-id of datasource");
        }
        c.raw("Top of dropbear init script");
        c.raw(first ? "Starting dropbear sshd: generating rsa key... generating ecdsa key... generating ed25519 key... OK"
                    : "Starting dropbear sshd: OK");
        c.advance(0.5, 1.0);
        c.raw("=== system information ===");
        c.raw("Platform: OpenStack Foundation OpenStack Nova");
        c.raw("Container: none");
        c.raw("Arch: " + os.arch());
        c.raw("CPU(s): " + spec.vcpus() + " @ " + guest.mhz() + " MHz");
        c.raw("Cores/Sockets/Threads: 1/" + spec.vcpus() + "/1");
        c.raw("Virt-type: " + (hw.aarch64() ? "" : "AMD".equalsIgnoreCase(host.cpuVendor()) ? "AMD-V" : "VT-x"));
        c.raw("RAM Size: " + Math.max(1, spec.memoryMb() - 49) + "MB");
        c.raw("Disks:");
        long bytes = guest.rootGb() * (1L << 30);
        c.raw("NAME  MAJ:MIN       SIZE LABEL         MOUNTPOINT");
        c.raw(String.format(Locale.ROOT, "vda   253:0   %10d", bytes));
        c.raw(String.format(Locale.ROOT, "vda1  253:1   %10d cirros-rootfs /", bytes - 67142144));
        c.raw(String.format(Locale.ROOT, "vda15 253:15  %10d", 8388608));
        c.raw("=== sshd host keys ===");
        c.raw("-----BEGIN SSH HOST KEY KEYS-----");
        for (SshHostKeys.HostKey key : SshHostKeys.of(spec.uuid(), os)) {
            c.raw(key.type() + " " + key.base64() + " root@" + shownHost);
        }
        c.raw("-----END SSH HOST KEY KEYS-----");
        c.raw("=== network info ===");
        c.raw("if-info: lo,up,127.0.0.1,8,,");
        for (GuestNic nic : nics) {
            c.raw(nic.index() == 0
                    ? "if-info: " + nic.device() + ",up," + nic.ip() + "," + nic.prefix() + "," + nic.linkLocal() + "/64,"
                    : "if-info: " + nic.device() + ",down,,,");
        }
        if (online) {
            GuestNic nic = nics.get(0);
            c.raw("ip-route:default via " + nic.gateway() + " dev " + nic.device());
            c.raw("ip-route:" + nic.network() + "/" + nic.prefix() + " dev " + nic.device() + " scope link  src "
                  + nic.ip());
            c.raw("ip-route:169.254.169.254 via " + nic.dhcpServer() + " dev " + nic.device());
            c.raw("ip-route6:fe80::/64 dev " + nic.device() + "  metric 256");
            c.raw("=== datasource: ec2 net ===");
            c.raw("instance-id: " + ec2InstanceId());
            c.raw("name: N/A");
            c.raw("availability-zone: nova");
            c.raw("local-hostname: " + spec.hostname() + ".novalocal");
            c.raw("launch-index: 0");
        } else {
            c.raw("=== datasource: None None ===");
        }
        c.advance(0.3, 0.6);
        c.raw("=== cirros: current=" + os.version() + " uptime=" + c.upString() + " ===");
        if (!online) {
            c.raw("=== pinging gateway failed, debugging connection ===");
            c.raw("############ debug start ##############");
            c.raw("### route -n");
            c.raw("Kernel IP routing table");
            c.raw("Destination     Gateway         Genmask         Flags Metric Ref    Use Iface");
            c.raw("############ debug end   ##############");
        }
        c.raw("  ____               ____  ____");
        c.raw(" / __/ __ ____ ____ / __ \\/ __/");
        c.raw("/ /__ / // __// __// /_/ /\\ \\ ");
        c.raw("\\___//_//_/  /_/   \\____/___/ ");
        c.raw("   http://cirros-cloud.net");
        c.raw("");
        c.raw("");
        c.raw("login as 'cirros' user. default password: 'gocubsgo'. use 'sudo' for root.");
        c.raw(shownHost + " login: ");
    }

    /** The EC2 id the metadata service gives, from the instance name's hex id ({@code i-0000000a}). */
    private String ec2InstanceId() {
        String name = spec.instanceName();
        return "i-" + (name.startsWith("instance-") ? name.substring("instance-".length()) : name);
    }
}

package novalab.engine.virt;

import java.util.List;

/**
 * The userspace half of an Ubuntu cloud image's console: systemd, then cloud-init's stages
 * ({@code init-local} with its ephemeral DHCP, {@code init} with the ci-info network tables,
 * {@code modules:config}, {@code modules:final} with the authorized keys and SSH host key
 * fingerprints on first boot) and the getty prompt.
 */
final class CloudInitBoot {
    private static final String METADATA = "http://169.254.169.254";

    private final InstanceSpec spec;
    private final GuestOs os;
    private final GuestHardware hw;
    private final List<GuestNic> nics;

    CloudInitBoot(GuestBoot guest) {
        this.spec = guest.spec();
        this.os = guest.os();
        this.hw = guest.hardware();
        this.nics = guest.nics();
    }

    void boot(SerialConsole c, boolean first) {
        boolean online = !nics.isEmpty();
        String shownHost = first && !online ? "ubuntu" : spec.hostname();
        c.advance(0.3, 0.5);
        c.kernel("systemd[1]: " + os.systemd() + " running in system mode (+PAM +AUDIT +SELINUX +APPARMOR +IMA "
                 + "+SMACK +SECCOMP +GCRYPT +GNUTLS +OPENSSL +ACL +BLKID +CURL +ELFUTILS +FIDO2 +IDN2 -IDN +IPTC "
                 + "+KMOD +LIBCRYPTSETUP +LIBFDISK +PCRE2 -PWQUALITY -P11KIT -QRENCODE +BZIP2 +LZ4 +XZ +ZLIB +ZSTD "
                 + "-XKBCOMMON +UTMP +SYSVINIT default-hierarchy=unified)");
        c.kernel("systemd[1]: Detected virtualization kvm.");
        c.kernel("systemd[1]: Detected architecture " + (hw.aarch64() ? "arm64" : "x86-64") + ".");
        c.raw("");
        c.raw("Welcome to " + os.prettyName() + "!");
        c.raw("");
        c.kernel("systemd[1]: Hostname set to <" + (first ? "ubuntu" : shownHost) + ">.");
        c.advance(0.2, 0.4);
        c.kernel("EXT4-fs (vda1): re-mounted. Opts: discard,errors=remount-ro. Quota mode: none.");
        c.raw("[  OK  ] Started Journal Service.");

        String ci = "Cloud-init v. " + os.cloudInit();
        int pidLocal = 440 + c.nextInt(90);
        c.at(3.2 + c.nextDouble() * 0.6);
        c.service("cloud-init", pidLocal, ci + " running 'init-local' at " + c.rfc2822() + ". Up " + c.upString()
                                          + " seconds.");
        if (first && online) {
            GuestNic nic = nics.get(0);
            c.advance(0.05, 0.1);
            c.service("cloud-init", pidLocal, "DHCPDISCOVER on " + nic.device() + " to 255.255.255.255 port 67 interval 3");
            c.service("cloud-init", pidLocal, "DHCPOFFER of " + nic.ip() + " from " + nic.dhcpServer());
            c.service("cloud-init", pidLocal, "DHCPREQUEST for " + nic.ip() + " on " + nic.device()
                                              + " to 255.255.255.255 port 67");
            c.service("cloud-init", pidLocal, "DHCPACK of " + nic.ip() + " from " + nic.dhcpServer());
            c.service("cloud-init", pidLocal, "bound to " + nic.ip() + " -- renewal in " + (40000 + c.nextInt(5000))
                                              + " seconds.");
        } else if (first) {
            c.advance(0.05, 0.1);
            c.service("cloud-init", pidLocal, c.logStamp() + " - __init__.py[WARNING]: Did not find a fallback "
                                              + "interface on OpenStack.");
        }
        c.raw("[  OK  ] Finished Initial cloud-init job (pre-networking).");
        c.raw("[  OK  ] Started Network Configuration.");
        if (online) {
            GuestNic nic = nics.get(0);
            c.advance(0.1, 0.2);
            c.service("systemd-networkd", 400 + c.nextInt(40), nic.device() + ": DHCPv4 address " + nic.ip() + "/"
                    + nic.prefix() + ", gateway " + nic.gateway() + " acquired from " + nic.dhcpServer());
        }
        int pidInit = pidLocal + 60 + c.nextInt(40);
        c.at(4.05 + c.nextDouble() * 0.4);
        c.service("cloud-init", pidInit, ci + " running 'init' at " + c.rfc2822() + ". Up " + c.upString()
                                         + " seconds.");
        for (String line : netDeviceInfo()) {
            c.service("cloud-init", pidInit, "ci-info: " + line);
        }
        for (String line : routeInfo()) {
            c.service("cloud-init", pidInit, "ci-info: " + line);
        }
        if (!online) {
            String unreachable = "request error [HTTPConnectionPool(host='169.254.169.254', port=80): Max retries "
                    + "exceeded with url: /openstack (Caused by NewConnectionError('<urllib3.connection.HTTPConnection "
                    + "object at 0x7f5e2c6a1b10>: Failed to establish a new connection: [Errno 101] Network is "
                    + "unreachable'))]";
            c.advance(0.1, 0.2);
            c.service("cloud-init", pidInit, c.logStamp() + " - url_helper.py[WARNING]: Calling '" + METADATA
                                             + "/openstack' failed [0/120s]: " + unreachable);
            c.advance(119.5, 120.5);
            c.service("cloud-init", pidInit, c.logStamp() + " - url_helper.py[WARNING]: Calling '" + METADATA
                                             + "/openstack' failed [120/120s]: " + unreachable);
            c.service("cloud-init", pidInit, c.logStamp() + " - DataSourceOpenStack.py[WARNING]: Giving up on "
                                             + "OpenStack md from ['" + METADATA + "/openstack'] after 120 seconds");
        } else if (first) {
            c.advance(0.3, 0.6);
            c.service("systemd-hostnamed", pidInit + 30 + c.nextInt(30),
                    "Hostname set to <" + spec.hostname() + "> (static)");
        }
        c.advance(1.5, 2.5);
        c.raw("[  OK  ] Finished Initial cloud-init job (metadata service crawler).");
        c.raw("[  OK  ] Started OpenBSD Secure Shell server.");
        int pidConfig = pidInit + 200 + c.nextInt(80);
        c.advance(0.8, 1.4);
        c.service("cloud-init", pidConfig, ci + " running 'modules:config' at " + c.rfc2822() + ". Up "
                                           + c.upString() + " seconds.");
        int pidFinal = pidConfig + 20 + c.nextInt(30);
        c.advance(0.7, 1.3);
        c.service("cloud-init", pidFinal, ci + " running 'modules:final' at " + c.rfc2822() + ". Up "
                                          + c.upString() + " seconds.");
        if (first) {
            if (online) {
                authorizedKeys(c);
            }
            hostKeyFingerprints(c, shownHost);
        }
        c.advance(0.2, 0.4);
        String datasource = online ? "DataSourceOpenStackLocal [net,ver=2]" : "DataSourceNone";
        if (!online) {
            c.service("cloud-init", pidFinal, c.logStamp() + " - cc_final_message.py[WARNING]: Used fallback datasource");
        }
        c.service("cloud-init", pidFinal, ci + " finished at " + c.rfc2822() + ". Datasource " + datasource
                                          + ".  Up " + c.upString() + " seconds");
        c.raw("");
        c.raw(os.prettyName() + " " + shownHost + " " + os.serialTty());
        c.raw("");
        c.raw(shownHost + " login: ");
    }

    private List<String> netDeviceInfo() {
        SimpleTable t = new SimpleTable("Device", "Up", "Address", "Mask", "Scope", "Hw-Address");
        for (GuestNic nic : nics) {
            t.row(nic.device(), "True", nic.ip(), nic.netmask(), "global", nic.mac());
            t.row(nic.device(), "True", nic.linkLocal() + "/64", ".", "link", nic.mac());
        }
        t.row("lo", "True", "127.0.0.1", "255.0.0.0", "host", ".");
        t.row("lo", "True", "::1/128", ".", "host", ".");
        return t.withTitle("Net device info");
    }

    private List<String> routeInfo() {
        if (nics.isEmpty()) return List.of();
        GuestNic nic = nics.get(0);
        SimpleTable t = new SimpleTable("Route", "Destination", "Gateway", "Genmask", "Interface", "Flags");
        t.row("0", "0.0.0.0", nic.gateway(), "0.0.0.0", nic.device(), "UG");
        t.row("1", nic.network(), "0.0.0.0", nic.netmask(), nic.device(), "U");
        t.row("2", nic.gateway(), "0.0.0.0", "255.255.255.255", nic.device(), "UH");
        t.row("3", "169.254.169.254", nic.dhcpServer(), "255.255.255.255", nic.device(), "UGH");
        return t.withTitle("Route IPv4 info");
    }

    /** cloud-init's cc_ssh_authkey_fingerprints report, with Nova's key fingerprint as given. */
    private void authorizedKeys(SerialConsole c) {
        String user = os.defaultUser();
        if (spec.publicKey().isEmpty() || spec.keyFingerprint().isEmpty()) {
            c.raw("ci-info: no authorized SSH keys fingerprints found for user " + user + ".");
            return;
        }
        String[] parts = spec.publicKey().get().trim().split("\\s+", 3);
        String type = parts[0];
        String comment = parts.length > 2 ? parts[2] : "-";
        SimpleTable t = new SimpleTable("Keytype", "Fingerprint (sha256)", "Options", "Comment");
        t.row(type, spec.keyFingerprint().get(), "-", comment);
        for (String line : t.withTitle("Authorized keys from /home/" + user + "/.ssh/authorized_keys for user " + user)) {
            c.raw("ci-info: " + line);
        }
    }

    private void hostKeyFingerprints(SerialConsole c, String hostname) {
        String tag = "<14>" + c.syslogStamp() + " ec2: ";
        String bar = "#############################################################";
        List<SshHostKeys.HostKey> keys = SshHostKeys.of(spec.uuid(), os);
        c.raw(tag + bar);
        c.raw(tag + "-----BEGIN SSH HOST KEY FINGERPRINTS-----");
        for (SshHostKeys.HostKey key : keys) {
            c.raw(tag + key.bits() + " " + key.fingerprint() + " root@" + hostname + " (" + key.label() + ")");
        }
        c.raw(tag + "-----END SSH HOST KEY FINGERPRINTS-----");
        c.raw(tag + bar);
        c.raw("-----BEGIN SSH HOST KEY KEYS-----");
        for (SshHostKeys.HostKey key : keys) {
            c.raw(key.type() + " " + key.base64() + " root@" + hostname);
        }
        c.raw("-----END SSH HOST KEY KEYS-----");
    }
}

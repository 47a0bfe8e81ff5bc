package novalab.engine.cli.net;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.Cloud;
import novalab.engine.compute.Instance;
import novalab.engine.network.Ipv4;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.Subnet;
import novalab.engine.nodes.GuestNode;
import novalab.engine.shell.Invocation;
import novalab.engine.virt.GuestOs;

/**
 * The few programs a student uses inside a guest: {@code uname}, {@code ip addr}, {@code sudo},
 * {@code apt}/{@code apt-get install nginx} (Ubuntu) and {@code systemctl} for it.
 */
final class GuestPrograms {
    private GuestPrograms() {}

    static final String NGINX_PAGE = """
            <!DOCTYPE html>
            <html>
            <head>
            <title>Welcome to nginx!</title>
            <style>
            html { color-scheme: light dark; }
            body { width: 35em; margin: 0 auto;
            font-family: Tahoma, Verdana, Arial, sans-serif; }
            </style>
            </head>
            <body>
            <h1>Welcome to nginx!</h1>
            <p>If you see this page, the nginx web server is successfully installed and
            working. Further configuration is required.</p>

            <p>For online documentation and support please refer to
            <a href="http://nginx.org/">nginx.org</a>.<br/>
            Commercial support is available at
            <a href="http://nginx.com/">nginx.com</a>.</p>

            <p><em>Thank you for using nginx.</em></p>
            </body>
            </html>
            """;

    static void install(Cloud cloud, GuestNode g, GuestOs os, Instance inst) {
        g.install("uname", inv -> uname(inv, os, g));
        g.install("ip", inv -> ip(inv, cloud, g, inst, os));
        g.install("sudo", inv -> sudo(inv, g));
        if (!os.cirros()) {
            g.install("apt", inv -> apt(inv, g, false));
            g.install("apt-get", inv -> apt(inv, g, false));
            g.install("systemctl", inv -> systemctl(inv, g, false));
        }
    }

    private static int uname(Invocation inv, GuestOs os, GuestNode g) {
        String full = os.uname(g.hostname());
        if (inv.args().isEmpty() || inv.args().contains("-s")) { inv.outln("Linux"); return 0; }
        if (inv.args().contains("-a")) { inv.outln(full); return 0; }
        if (inv.args().contains("-r")) { inv.outln(os.kernelRelease()); return 0; }
        if (inv.args().contains("-n")) { inv.outln(g.hostname()); return 0; }
        if (inv.args().contains("-m")) { inv.outln(os.arch()); return 0; }
        inv.errln("uname: invalid option -- '" + inv.args().get(0).replace("-", "") + "'");
        inv.errln("Try 'uname --help' for more information.");
        return 1;
    }

    private static int ip(Invocation inv, Cloud cloud, GuestNode g, Instance inst, GuestOs os) {
        List<String> a = inv.args();
        if (a.isEmpty() || !(a.get(0).startsWith("a") || a.get(0).equals("-4") || a.get(0).startsWith("r"))) {
            inv.errln("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }");
            return a.isEmpty() ? 255 : 1;
        }
        String nic = os.cirros() ? "eth0" : "ens3";
        List<Port> ports = cloud.neutron().portsOfDevice(inst.uuid);
        if (a.get(0).startsWith("r")) {
            for (Port p : ports) {
                Subnet s = cloud.neutron().subnet(p.fixedIps().get(0).subnetId()).orElseThrow();
                inv.outln("default via " + s.gatewayIp() + " dev " + nic + " proto dhcp src " + p.firstIp() + " metric 100");
                inv.outln(s.cidr() + " dev " + nic + " proto kernel scope link src " + p.firstIp() + " metric 100");
            }
            return 0;
        }
        inv.outln("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000");
        inv.outln("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00");
        inv.outln("    inet 127.0.0.1/8 scope host lo");
        inv.outln("       valid_lft forever preferred_lft forever");
        int n = 2;
        for (Port p : ports) {
            Subnet s = cloud.neutron().subnet(p.fixedIps().get(0).subnetId()).orElseThrow();
            Ipv4.Cidr c = Ipv4.cidr(s.cidr()).orElseThrow();
            String bcast = Ipv4.format(c.network() | (~c.mask() & 0xFFFFFFFFL));
            int mtu = cloud.neutron().network(p.networkId()).map(x -> x.mtu()).orElse(1450);
            inv.outln(n + ": " + nic + ": <BROADCAST,MULTICAST,UP,LOWER_UP> mtu " + mtu + " qdisc fq_codel state UP group default qlen 1000");
            inv.outln("    link/ether " + p.macAddress() + " brd ff:ff:ff:ff:ff:ff");
            inv.outln("    inet " + p.firstIp() + "/" + c.prefix() + " metric 100 brd " + bcast + " scope global dynamic " + nic);
            inv.outln("       valid_lft 86337sec preferred_lft 86337sec");
            n++;
        }
        return 0;
    }

    private static int sudo(Invocation inv, GuestNode g) {
        List<String> a = new ArrayList<>(inv.args());
        if (a.isEmpty()) {
            inv.errln("usage: sudo -h | -K | -k | -V");
            inv.errln("usage: sudo [-AbEHknPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i|-s] [<command>]");
            return 1;
        }
        while (!a.isEmpty() && a.get(0).startsWith("-")) a.remove(0);
        if (a.isEmpty()) return 0;
        String cmd = a.get(0);
        Invocation asRoot = inv.withArgs(a.subList(1, a.size()));
        return switch (cmd) {
            case "apt", "apt-get" -> apt(asRoot, g, true);
            case "systemctl" -> systemctl(asRoot, g, true);
            default -> inv.control().runOn(g, String.join(" ", a.stream().map(GuestPrograms::quote).toList()), inv);
        };
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    private static int apt(Invocation inv, GuestNode g, boolean root) {
        List<String> a = inv.args().stream().filter(x -> !x.startsWith("-")).toList();
        if (a.isEmpty()) {
            inv.outln("apt 2.4.10 (amd64)");
            inv.outln("Usage: apt [options] command");
            return 1;
        }
        if (!root && (a.get(0).equals("install") || a.get(0).equals("update") || a.get(0).equals("remove"))) {
            inv.errln("E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)");
            inv.errln("E: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?");
            return 100;
        }
        switch (a.get(0)) {
            case "update" -> {
                inv.outln("Hit:1 http://nova.clouds.archive.ubuntu.com/ubuntu jammy InRelease");
                inv.outln("Get:2 http://security.ubuntu.com/ubuntu jammy-security InRelease [110 kB]");
                inv.outln("Fetched 110 kB in 1s (98.2 kB/s)");
                inv.outln("Reading package lists... Done");
                inv.control().sleep(3_000);
                return 0;
            }
            case "install" -> {
                List<String> pkgs = a.subList(1, a.size());
                if (pkgs.isEmpty()) {
                    inv.outln("0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.");
                    return 0;
                }
                for (String p : pkgs) {
                    if (!p.equals("nginx") && !p.equals("curl")) {
                        inv.outln("Reading package lists... Done");
                        inv.outln("Building dependency tree... Done");
                        inv.errln("E: Unable to locate package " + p);
                        return 100;
                    }
                }
                inv.outln("Reading package lists... Done");
                inv.outln("Building dependency tree... Done");
                inv.outln("Reading state information... Done");
                inv.outln("The following NEW packages will be installed:");
                inv.outln("  " + String.join(" ", pkgs));
                inv.outln("0 upgraded, " + pkgs.size() + " newly installed, 0 to remove and 0 not upgraded.");
                inv.control().sleep(8_000);
                if (pkgs.contains("nginx")) {
                    g.fs().write("/var/www/html/index.nginx-debian.html", NGINX_PAGE, 0644, "root");
                    g.listen(80);
                    inv.outln("Setting up nginx (1.18.0-6ubuntu14.4) ...");
                }
                inv.outln("Processing triggers for man-db (2.10.2-1) ...");
                return 0;
            }
            default -> {
                inv.errln("E: Invalid operation " + a.get(0));
                return 100;
            }
        }
    }

    private static int systemctl(Invocation inv, GuestNode g, boolean root) {
        List<String> a = inv.args();
        if (a.size() < 2) {
            inv.errln("Too few arguments.");
            return 1;
        }
        String unit = a.get(1).replace(".service", "");
        boolean installed = g.fs().isFile("/var/www/html/index.nginx-debian.html");
        if (!unit.equals("nginx") && !unit.equals("ssh")) {
            inv.errln("Unit " + unit + ".service could not be found.");
            return 4;
        }
        if (unit.equals("nginx") && !installed) {
            inv.errln("Unit nginx.service could not be found.");
            return 4;
        }
        boolean running = unit.equals("ssh") || g.listens(80);
        switch (a.get(0)) {
            case "status" -> {
                inv.outln("● " + unit + ".service - " + (unit.equals("ssh") ? "OpenBSD Secure Shell server" : "A high performance web server and a reverse proxy server"));
                inv.outln("     Loaded: loaded (/lib/systemd/system/" + unit + ".service; enabled; vendor preset: enabled)");
                inv.outln("     Active: " + (running ? "active (running)" : "inactive (dead)"));
                return running ? 0 : 3;
            }
            case "start", "restart", "stop", "enable", "disable" -> {
                if (!root) {
                    inv.errln("Failed to " + a.get(0) + " " + unit + ".service: Access denied");
                    inv.errln("See system logs and 'systemctl status " + unit + ".service' for details.");
                    return 1;
                }
                if (unit.equals("nginx")) {
                    if (a.get(0).equals("stop")) g.close(80);
                    else if (!a.get(0).equals("disable") && !a.get(0).equals("enable")) g.listen(80);
                }
                return 0;
            }
            default -> {
                inv.errln("Unknown command verb " + a.get(0) + ".");
                return 1;
            }
        }
    }
}

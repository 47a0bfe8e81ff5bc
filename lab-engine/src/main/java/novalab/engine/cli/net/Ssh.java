package novalab.engine.cli.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.compute.Instance;
import novalab.engine.crypto.KeyFilePermissions;
import novalab.engine.crypto.SshKeys;
import novalab.engine.crypto.SshPublicKey;
import novalab.engine.image.Image;
import novalab.engine.network.Ipv4;
import novalab.engine.nodes.GuestNode;
import novalab.engine.nodes.SimNode;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;
import novalab.engine.shell.VirtualFs;
import novalab.engine.virt.GuestOs;

/**
 * OpenSSH's client on the workstation. To the infrastructure ({@code controller}, {@code compute1}...)
 * it logs in as root with the operator's trusted key. To a server it honours the whole chain: a
 * floating IP on an ACTIVE server, security groups allowing tcp/22 from the workstation (dropped
 * packets time out), a key file that exists with mode 600 or stricter, the key Nova injected, and the
 * image's login user. New host keys are accepted and remembered (as with StrictHostKeyChecking=accept-new).
 */
public final class Ssh implements Program, novalab.engine.shell.Completer {
    /** The kernel's TCP connect timeout the client hits when packets are dropped, in ms. */
    static final long CONNECT_TIMEOUT_MS = 127_000;

    private static final String USAGE = """
            usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface] [-b bind_address]
                       [-c cipher_spec] [-D [bind_address:]port] [-E log_file]
                       [-e escape_char] [-F configfile] [-I pkcs11] [-i identity_file]
                       [-J destination] [-L address] [-l login_name] [-m mac_spec]
                       [-O ctl_cmd] [-o option] [-P tag] [-p port] [-R address]
                       [-S ctl_path] [-W host:port] [-w local_tun[:remote_tun]]
                       destination [command [argument ...]]
                   ssh [-Q query_option]
            """;

    private final Cloud cloud;

    public Ssh(Cloud cloud) {
        this.cloud = cloud;
    }

    /**
     * Tab completion of the destination: the lab's machines by host name ({@code comp} → compute1, ...),
     * keeping a typed {@code user@}. Option values ({@code -i key.pem}) and the remote command get file names.
     */
    @Override
    public List<String> complete(novalab.engine.shell.CompletionRequest r) {
        List<String> args = r.args();
        if (r.partial().startsWith("-")) return List.of();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-")) return List.of(); // the destination is already there
            if (a.length() == 2 && "iloFpJ".indexOf(a.charAt(1)) >= 0) i++;
        }
        if (!args.isEmpty() && args.get(args.size() - 1).length() == 2 && "iloFpJ".indexOf(args.get(args.size() - 1).charAt(1)) >= 0) {
            return List.of();
        }
        int at = r.partial().indexOf('@');
        String user = at < 0 ? "" : r.partial().substring(0, at + 1);
        List<String> out = new ArrayList<>();
        for (SimNode n : cloud.nodes()) {
            if (n.hostname().equals(r.node().hostname())) continue;
            out.add(user + n.hostname());
        }
        return r.matching(out);
    }

    @Override
    public int run(Invocation inv) {
        List<String> identities = new ArrayList<>();
        Optional<String> login = Optional.empty();
        int port = 22;
        Map<String, String> options = new LinkedHashMap<>();
        List<String> args = inv.args();
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("-") || a.equals("-")) break;
            if (a.equals("--")) { i++; break; }
            char c = a.charAt(1);
            if ("BbcDEeFIiJLlmOoPpRSWw".indexOf(c) >= 0) {
                String value;
                if (a.length() > 2) value = a.substring(2);
                else if (i + 1 < args.size()) value = args.get(++i);
                else {
                    inv.errln("option requires an argument -- " + c);
                    inv.err(USAGE);
                    return 255;
                }
                switch (c) {
                    case 'i' -> identities.add(value);
                    case 'l' -> login = Optional.of(value);
                    case 'p' -> {
                        try {
                            port = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            inv.errln("Bad port '" + value + "'");
                            return 255;
                        }
                    }
                    case 'o' -> {
                        String[] kv = value.split("[= ]", 2);
                        options.put(kv[0].toLowerCase(), kv.length > 1 ? kv[1] : "");
                    }
                    default -> { }
                }
            } else if ("46AaCfGgKkMNnqsTtVvXxYy".indexOf(c) < 0) {
                inv.errln("unknown option -- " + c);
                inv.err(USAGE);
                return 255;
            }
        }
        if (i >= args.size()) {
            inv.err(USAGE);
            return 255;
        }
        String dest = args.get(i);
        String command = String.join(" ", args.subList(i + 1, args.size()));
        String host = dest;
        if (dest.contains("@")) {
            login = Optional.of(dest.substring(0, dest.indexOf('@')));
            host = dest.substring(dest.indexOf('@') + 1);
        }
        String user = login.orElse(inv.node().user());
        Optional<SimNode> infra = infrastructure(host);
        if (infra.isPresent()) return infrastructureLogin(inv, infra.get(), command);
        if (Ipv4.parse(host).isEmpty()) {
            inv.errln("ssh: Could not resolve hostname " + host + ": Name or service not known");
            return 255;
        }
        Reach.Outcome out = Reach.tcp(cloud, host, port);
        if (out == Reach.Outcome.TIMEOUT) {
            long wait = timeout(options);
            inv.control().sleep(wait);
            inv.errln("ssh: connect to host " + host + " port " + port + ": Connection timed out");
            return 255;
        }
        if (out == Reach.Outcome.REFUSED || port != 22) {
            inv.errln("ssh: connect to host " + host + " port " + port + ": Connection refused");
            return 255;
        }
        Reach.Target t = Reach.target(cloud, host).orElseThrow();
        rememberHost(inv, host, t.instance());
        Instance inst = t.instance();
        Optional<SshPublicKey> injected = inst.keyData.flatMap(SshKeys::parsePublicKeyLine);
        boolean accepted = false;
        List<String> tried = identities.isEmpty() ? defaultIdentities(inv) : identities;
        for (String id : tried) {
            String path = inv.path(id);
            Optional<VirtualFs.FileEntry> f = inv.fs().file(path);
            if (f.isEmpty()) {
                if (!identities.isEmpty()) inv.errln("Warning: Identity file " + id + " not accessible: No such file or directory.");
                continue;
            }
            if (KeyFilePermissions.tooOpen(f.get(), inv.node().user())) {
                inv.err(KeyFilePermissions.warning(id, f.get().mode()));
                continue;
            }
            Optional<SshPublicKey> key = SshKeys.publicKeyOfPrivate(f.get().content());
            if (key.isEmpty()) {
                inv.errln("Load key \"" + id + "\": invalid format");
                continue;
            }
            if (injected.isPresent() && injected.get().sameKeyAs(key.get())) accepted = true;
        }
        Image image = cloud.glance().get(inst.imageRef).orElse(null);
        String defaultUser = loginUser(cloud, inst, image);
        if (accepted && user.equals("root") && !defaultUser.equals("root")) {
            inv.outln("Please login as the user \"" + defaultUser + "\" rather than the user \"root\".");
            inv.outln("");
            return 142;
        }
        if (!accepted || !user.equals(defaultUser)) {
            inv.errln(user + "@" + host + ": Permission denied (publickey).");
            return 255;
        }
        GuestNode guest = guest(inst, image, t.port().firstIp());
        if (command.isBlank()) {
            inv.out(motd(guest, inst, image));
            inv.control().enter(guest, Map.of("HOME", guest.home(), "USER", guest.user(), "SHELL", "/bin/bash"));
            return 0;
        }
        return inv.control().runOn(guest, command, inv);
    }

    private static long timeout(Map<String, String> options) {
        String v = options.get("connecttimeout");
        if (v != null) {
            try {
                return Math.min(CONNECT_TIMEOUT_MS, Long.parseLong(v.trim()) * 1000);
            } catch (NumberFormatException e) {
                return CONNECT_TIMEOUT_MS;
            }
        }
        return CONNECT_TIMEOUT_MS;
    }

    private List<String> defaultIdentities(Invocation inv) {
        List<String> out = new ArrayList<>();
        for (String n : List.of("id_rsa", "id_ecdsa", "id_ed25519")) {
            String p = inv.node().home() + "/.ssh/" + n;
            if (inv.fs().isFile(p)) out.add(p);
        }
        return out;
    }

    private void rememberHost(Invocation inv, String host, Instance inst) {
        String file = inv.node().home() + "/.ssh/known_hosts";
        String existing = inv.fs().file(file).map(VirtualFs.FileEntry::content).orElse("");
        if (existing.contains(host + " ")) return;
        inv.fs().mkdirs(inv.node().home() + "/.ssh");
        String hostKey = "AAAAC3NzaC1lZDI1NTE5AAAAI" + java.util.Base64.getEncoder().encodeToString(
                inst.uuid.replace("-", "").substring(0, 24).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        inv.fs().append(file, host + " ssh-ed25519 " + hostKey + "\n", 0644, inv.node().user());
        inv.errln("Warning: Permanently added '" + host + "' (ED25519) to the list of known hosts.");
    }

    private Optional<SimNode> infrastructure(String host) {
        for (SimNode n : cloud.nodes()) {
            if (n.hostname().equals(host) || n.ip().equals(host)) return Optional.of(n);
        }
        return Optional.empty();
    }

    private int infrastructureLogin(Invocation inv, SimNode node, String command) {
        if (command.isBlank()) {
            inv.outln("Welcome to Ubuntu 22.04.3 LTS (GNU/Linux 5.15.0-88-generic x86_64)");
            inv.outln("");
            inv.outln(" * Nebula Inc. " + (node == cloud.controller() ? "OpenStack controller" : "compute node") + " " + node.hostname()
                    + " -- authorised operators only");
            inv.outln("");
            inv.control().enter(node, Map.of("HOME", node.home(), "USER", "root", "SHELL", "/bin/bash"));
            return 0;
        }
        return inv.control().runOn(node, command, inv);
    }

    /** The guest's machine, created at first login from the image's profile. */
    GuestNode guest(Instance inst, Image image, String fixedIp) {
        return cloud.guests().computeIfAbsent(inst.uuid, u -> {
            String user = loginUser(cloud, inst, image);
            GuestNode g = new GuestNode(inst.uuid, inst.hostname, user, fixedIp);
            String arch = image == null ? "x86_64" : image.properties().getOrDefault("hw_architecture", "x86_64");
            GuestOs os = GuestOs.of(image == null ? Map.of() : image.properties(), image == null ? "" : image.name(), arch);
            g.fs().write("/etc/os-release", os.osRelease(), 0644, "root");
            g.fs().write("/etc/hostname", inst.hostname + "\n", 0644, "root");
            g.fs().write("/etc/hosts", "127.0.0.1 localhost\n127.0.1.1 " + inst.hostname + "\n", 0644, "root");
            inst.keyData.ifPresent(k -> g.fs().write(g.home() + "/.ssh/authorized_keys", k.endsWith("\n") ? k : k + "\n", 0600, user));
            g.fs().chmod(g.home() + "/.ssh", 0700);
            GuestPrograms.install(cloud, g, os, inst);
            return g;
        });
    }

    /** The image's login user, or for a VM made by {@code az vm create} its admin username (Azure creates that user). */
    private static String loginUser(Cloud cloud, Instance inst, Image image) {
        return cloud.azure().adminUsernameOf(inst.uuid).orElse(image == null ? "root" : image.defaultUser());
    }

    private String motd(GuestNode g, Instance inst, Image image) {
        String arch = image == null ? "x86_64" : image.properties().getOrDefault("hw_architecture", "x86_64");
        GuestOs os = GuestOs.of(image == null ? Map.of() : image.properties(), image == null ? "" : image.name(), arch);
        if (os.cirros()) return "";
        return "Welcome to " + os.prettyName() + " (GNU/Linux " + os.kernelRelease() + " " + arch + ")\n\n"
                + " * Documentation:  https://help.ubuntu.com\n"
                + " * Management:     https://landscape.canonical.com\n"
                + " * Support:        https://ubuntu.com/advantage\n\n"
                + "  System information as of " + cloud.clock().instant().toString().replace("T", " ").replace("Z", " UTC") + "\n\n"
                + "The programs included with the Ubuntu system are free software;\n"
                + "the exact distribution terms for each program are described in the\n"
                + "individual files in /usr/share/doc/*/copyright.\n\n"
                + "To run a command as administrator (user \"root\"), use \"sudo <command>\".\n"
                + "See \"man sudo_root\" for details.\n\n";
    }
}

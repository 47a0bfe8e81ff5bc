package novalab.engine.cli.ops;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.conf.IniFile;
import novalab.engine.network.Ipv4;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.SecurityGroupRule;
import novalab.engine.nodes.ServiceUnit;
import novalab.engine.nodes.SimNode;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;

/**
 * The security-group data plane of one compute node, as the neutron-openvswitch-agent programs it from
 * Neutron's current ports and rules (so a new rule shows at once): with {@code firewall_driver =
 * openvswitch} as OpenFlow rules on br-int ({@code ovs-ofctl dump-flows br-int}), with
 * {@code iptables_hybrid} as the per-port chains {@code neutron-openvswi-i<port[:10]>} ({@code iptables -S}).
 * The driver is read from the agent's ini when {@code neutron-openvswitch-agent} (re)starts.
 */
public final class Firewall {
    public static final String AGENT_INI = "/etc/neutron/plugins/ml2/openvswitch_agent.ini";
    private static final String OVS = "openvswitch";
    private static final String HYBRID = "iptables_hybrid";

    private final Cloud cloud;
    private final SimNode node;
    private String driver = OVS;

    private Firewall(Cloud cloud, SimNode node) {
        this.cloud = cloud;
        this.node = node;
    }

    /** Writes the agent's ini, adds the agent's unit and installs {@code ovs-ofctl} and {@code iptables} on a compute node. */
    public static void install(Cloud cloud, SimNode node) {
        Firewall fw = new Firewall(cloud, node);
        if (node.fs().file(AGENT_INI).isEmpty()) {
            node.fs().write(AGENT_INI, "[agent]\ntunnel_types = vxlan\nl2_population = True\n\n[ovs]\nlocal_ip = " + node.ip()
                    + "\nbridge_mappings = provider:br-provider\n\n[securitygroup]\nenable_security_group = True\nfirewall_driver = openvswitch\n",
                    0640, "root");
        }
        ServiceUnit agent = new ServiceUnit("neutron-openvswitch-agent", "Openstack Neutron Open vSwitch Plugin Agent",
                "/usr/bin/neutron-openvswitch-agent", 1342, fw::start, () -> { });
        node.unit(agent);
        agent.start(cloud.nowMs());
        node.install("ovs-ofctl", fw.new OvsOfctl()).install("iptables", fw.new Iptables());
    }

    private Optional<String> start() {
        IniFile ini = IniFile.parse(node.fs().file(AGENT_INI).map(f -> f.content()).orElse(""));
        String d = ini.get("securitygroup", "firewall_driver").orElse(HYBRID).trim();
        if (d.equals("iptables_hybrid") || d.equals("neutron.agent.linux.iptables_firewall.OVSHybridIptablesFirewallDriver")) {
            driver = HYBRID;
        } else if (d.equals("openvswitch") || d.equals("neutron.agent.linux.openvswitch_firewall.OVSFirewallDriver")) {
            driver = OVS;
        } else if (d.equals("noop")) {
            driver = "noop";
        } else {
            return Optional.of("Could not load firewall driver " + d);
        }
        return Optional.empty();
    }

    /** The instance ports bound to this host, oldest first, with their br-int port numbers and local VLANs. */
    private record Bound(Port port, int ofport, int vlan) {}

    private List<Bound> bound() {
        List<Bound> out = new ArrayList<>();
        Map<String, Integer> vlans = new LinkedHashMap<>();
        var admin = new novalab.engine.identity.RequestContext("", "", "", "", List.of("admin"), "");
        int ofport = 3;
        for (Port p : cloud.neutron().ports(admin)) {
            if (!p.bindingHostId().equals(node.hostname()) || !p.deviceOwner().startsWith("compute:")) continue;
            int vlan = vlans.computeIfAbsent(p.networkId(), k -> vlans.size() + 1);
            out.add(new Bound(p, ofport++, vlan));
        }
        return out;
    }

    private List<SecurityGroupRule> rules(Port p, String direction, String ethertype) {
        List<SecurityGroupRule> out = new ArrayList<>();
        for (String g : p.securityGroupIds()) {
            for (SecurityGroupRule r : cloud.neutron().rulesOf(g)) {
                if (r.direction().equals(direction) && r.ethertype().equals(ethertype)) out.add(r);
            }
        }
        return out;
    }

    private static String proto(String p) {
        return switch (p) {
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            default -> p.toLowerCase(Locale.ROOT);
        };
    }

    /** The source addresses a remote-group rule stands for: the fixed IPs of that group's ports. */
    private List<String> members(String groupId) {
        var admin = new novalab.engine.identity.RequestContext("", "", "", "", List.of("admin"), "");
        return cloud.neutron().ports(admin).stream().filter(q -> q.securityGroupIds().contains(groupId)).map(Port::firstIp)
                .filter(ip -> !ip.isEmpty()).toList();
    }

    /** Nova-style port range → OpenFlow value/mask pairs ({@code 0x50/0xfff0}), as the OVS firewall expands them. */
    static List<String> portMasks(int min, int max) {
        if (min == max) return List.of(String.valueOf(min));
        List<String> out = new ArrayList<>();
        long lo = min;
        while (lo <= max) {
            int bits = 0;
            while (bits < 16 && (lo & ((1L << (bits + 1)) - 1)) == 0 && lo + (1L << (bits + 1)) - 1 <= max) bits++;
            long mask = 0xffff & ~((1L << bits) - 1);
            out.add(bits == 0 ? String.valueOf(lo) : String.format("0x%x/0x%x", lo, mask));
            lo += 1L << bits;
        }
        return out;
    }

    // ===================== ovs-ofctl =====================

    /** Open vSwitch 2.17's {@code ovs-ofctl dump-flows br-int [table=N]}. */
    final class OvsOfctl implements Program {
        @Override
        public int run(Invocation inv) {
            List<String> a = inv.args().stream().filter(x -> !x.startsWith("-")).toList();
            if (a.isEmpty()) {
                inv.errln("ovs-ofctl: missing command name; use --help for help");
                return 1;
            }
            if (a.get(0).equals("--help") || inv.args().contains("--help")) {
                inv.outln("ovs-ofctl: OpenFlow switch management utility\nusage: ovs-ofctl [OPTIONS] COMMAND [ARG...]\n\n"
                        + "For OpenFlow switches:\n  show SWITCH                 show OpenFlow information\n"
                        + "  dump-flows SWITCH           print all flow entries\n  dump-flows SWITCH FLOW      print matching FLOWs");
                return 0;
            }
            if (!a.get(0).equals("dump-flows") && !a.get(0).equals("show")) {
                inv.errln("ovs-ofctl: unknown command '" + a.get(0) + "'; use --help for help");
                return 1;
            }
            if (a.size() < 2) {
                inv.errln("ovs-ofctl: '" + a.get(0) + "' command requires at least 1 arguments");
                return 1;
            }
            String bridge = a.get(1);
            if (!List.of("br-int", "br-tun", "br-provider").contains(bridge)) {
                inv.errln("ovs-ofctl: " + bridge + " is not a bridge or a socket");
                return 1;
            }
            if (!node.unit("openvswitch-switch").map(ServiceUnit::running).orElse(true)) {
                inv.errln("ovs-ofctl: " + bridge + ": failed to connect to socket (Connection refused)");
                return 1;
            }
            if (a.get(0).equals("show")) {
                show(inv, bridge);
                return 0;
            }
            Optional<Integer> table = Optional.empty();
            if (a.size() > 2) {
                String f = a.get(2);
                if (!f.matches("table=\\d+")) {
                    inv.errln("ovs-ofctl: unknown keyword " + f.split("=")[0]);
                    return 1;
                }
                table = Optional.of(Integer.parseInt(f.substring(6)));
            }
            List<Flow> flows = bridge.equals("br-int") ? brInt() : List.of(new Flow(0, 0, "", "NORMAL", cloud.clock().instantAt(0)));
            for (Flow f : flows) {
                if (table.isPresent() && f.table() != table.get()) continue;
                double secs = Math.max(0, cloud.clock().instant().toEpochMilli() - f.since().toEpochMilli()) / 1000.0;
                inv.outln(String.format(" cookie=0x%s, duration=%.3fs, table=%d, n_packets=0, n_bytes=0, priority=%d%s actions=%s",
                        cookie(), secs, f.table(), f.priority(), f.match().isEmpty() ? "" : "," + f.match(), f.actions()));
            }
            return 0;
        }

        private String cookie() {
            return Integer.toHexString(node.hostname().hashCode() & 0x7fffffff) + "a1b2c3d4".substring(0, 8);
        }

        private void show(Invocation inv, String bridge) {
            inv.outln("OFPT_FEATURES_REPLY (xid=0x2): dpid:0000" + String.format("%012x", (long) (node.hostname().hashCode() & 0x7fffffff)));
            inv.outln("n_tables:254, n_buffers:0");
            inv.outln("capabilities: FLOW_STATS TABLE_STATS PORT_STATS QUEUE_STATS ARP_MATCH_IP");
            inv.outln("actions: output enqueue set_vlan_vid set_vlan_pcp strip_vlan mod_dl_src mod_dl_dst mod_nw_src mod_nw_dst mod_nw_tos mod_tp_src mod_tp_dst");
            if (bridge.equals("br-int")) {
                inv.outln(" 1(int-br-provider): addr:b2:1c:4e:7a:10:01");
                inv.outln(" 2(patch-tun): addr:b2:1c:4e:7a:10:02");
                for (Bound b : bound()) {
                    String dev = (driver.equals(HYBRID) ? "qvo" : "tap") + b.port().id().substring(0, 11);
                    inv.outln(" " + b.ofport() + "(" + dev + "): addr:" + b.port().macAddress().replaceFirst("^fa", "fe"));
                }
            }
            inv.outln(" LOCAL(" + bridge + "): addr:b2:1c:4e:7a:10:00");
            inv.outln("OFPT_GET_CONFIG_REPLY (xid=0x4): frags=normal miss_send_len=0");
        }
    }

    private record Flow(int table, int priority, String match, String actions, Instant since) {}

    private List<Flow> brInt() {
        Instant boot = cloud.clock().instantAt(0);
        List<Flow> out = new ArrayList<>();
        out.add(new Flow(0, 65535, "vlan_tci=0x0fff/0x1fff", "drop", boot));
        out.add(new Flow(0, 0, "", "resubmit(,58)", boot));
        out.add(new Flow(23, 0, "", "drop", boot));
        out.add(new Flow(24, 0, "", "drop", boot));
        out.add(new Flow(58, 0, "", "resubmit(,60)", boot));
        List<Bound> ports = bound();
        if (!driver.equals(OVS)) {
            out.add(new Flow(60, 3, "", "NORMAL", boot));
            return out;
        }
        String zone = "zone=NXM_NX_REG6[0..15]";
        for (Bound b : ports) {
            Instant since = Instant.parse(b.port().createdAt());
            out.add(new Flow(60, 100, "in_port=" + b.ofport(), "load:0x" + Integer.toHexString(b.ofport()) + "->NXM_NX_REG5[],load:0x"
                    + Integer.toHexString(b.vlan()) + "->NXM_NX_REG6[],resubmit(,71)", since));
            out.add(new Flow(60, 90, "dl_vlan=" + b.vlan() + ",dl_dst=" + b.port().macAddress(), "load:0x" + Integer.toHexString(b.ofport())
                    + "->NXM_NX_REG5[],load:0x" + Integer.toHexString(b.vlan()) + "->NXM_NX_REG6[],strip_vlan,resubmit(,81)", since));
        }
        out.add(new Flow(60, 3, "", "NORMAL", boot));
        for (Bound b : ports) {
            Port p = b.port();
            Instant since = Instant.parse(p.createdAt());
            String reg = "reg5=0x" + Integer.toHexString(b.ofport());
            out.add(new Flow(71, 95, "arp," + reg + ",in_port=" + b.ofport() + ",dl_src=" + p.macAddress() + ",arp_spa=" + p.firstIp(), "resubmit(,94)", since));
            out.add(new Flow(71, 65, "ip," + reg + ",in_port=" + b.ofport() + ",dl_src=" + p.macAddress() + ",nw_src=" + p.firstIp(),
                    "ct(table=72," + zone + ")", since));
            out.add(new Flow(71, 10, reg + ",in_port=" + b.ofport(), "ct_clear,resubmit(,93)", since));
        }
        out.add(new Flow(71, 0, "", "drop", boot));
        for (Bound b : ports) {
            String reg = "reg5=0x" + Integer.toHexString(b.ofport());
            out.add(new Flow(72, 74, "ct_state=+est-rel-rpl,ip," + reg, "resubmit(,73)", Instant.parse(b.port().createdAt())));
            for (SecurityGroupRule r : rules(b.port(), "egress", "IPv4")) {
                for (String m : matches(r, false, reg)) {
                    out.add(new Flow(72, 77, "ct_state=+new-est," + m, "resubmit(,73)", later(instant(r), b)));
                }
            }
        }
        out.add(new Flow(72, 50, "ct_state=+inv+trk", "resubmit(,93)", boot));
        out.add(new Flow(72, 0, "", "drop", boot));
        for (Bound b : ports) {
            String reg = "reg5=0x" + Integer.toHexString(b.ofport());
            out.add(new Flow(73, 90, "ct_state=+new-est,ip," + reg, "ct(commit," + zone + "),resubmit(,91)", Instant.parse(b.port().createdAt())));
        }
        for (Bound b : ports) {
            Instant since = Instant.parse(b.port().createdAt());
            String reg = "reg5=0x" + Integer.toHexString(b.ofport());
            out.add(new Flow(81, 95, "arp," + reg, "output:" + b.ofport(), since));
            out.add(new Flow(81, 90, "ct_state=-trk,ip," + reg, "ct(table=82," + zone + ")", since));
            out.add(new Flow(81, 80, "ct_state=+trk," + reg, "resubmit(,82)", since));
        }
        for (Bound b : ports) {
            String reg = "reg5=0x" + Integer.toHexString(b.ofport());
            out.add(new Flow(82, 72, "ct_state=+est-rel-rpl,ip," + reg, "output:" + b.ofport(), Instant.parse(b.port().createdAt())));
            for (SecurityGroupRule r : rules(b.port(), "ingress", "IPv4")) {
                for (String m : matches(r, true, reg)) {
                    out.add(new Flow(82, 77, "ct_state=+new-est," + m, "ct(commit," + zone + "),output:" + b.ofport(), later(instant(r), b)));
                }
            }
        }
        out.add(new Flow(82, 50, "ct_state=+inv+trk", "drop", boot));
        out.add(new Flow(82, 0, "", "drop", boot));
        return out;
    }

    private static Instant later(Instant rule, Bound b) {
        Instant port = Instant.parse(b.port().createdAt());
        return rule.isAfter(port) ? rule : port;
    }

    private Instant instant(SecurityGroupRule r) {
        try {
            return Instant.parse(r.createdAt());
        } catch (RuntimeException e) {
            return cloud.clock().instantAt(0);
        }
    }

    /** One OpenFlow match per (remote address, port mask) a rule expands to. */
    private List<String> matches(SecurityGroupRule r, boolean ingress, String reg) {
        String base = r.protocol().map(Firewall::proto).map(p -> switch (p) {
            case "tcp", "udp", "icmp" -> p;
            default -> p.matches("\\d+") ? "ip,nw_proto=" + p : p;
        }).orElse("ip");
        String dir = ingress ? "nw_src=" : "nw_dst=";
        List<String> remotes = new ArrayList<>();
        if (r.remoteGroupId().isPresent()) {
            members(r.remoteGroupId().get()).forEach(ip -> remotes.add("," + dir + ip));
            if (remotes.isEmpty()) return List.of();
        } else if (r.remoteIpPrefix().isPresent() && !r.remoteIpPrefix().get().equals("0.0.0.0/0")) {
            String prefix = r.remoteIpPrefix().get();
            remotes.add("," + dir + (prefix.endsWith("/32") ? prefix.substring(0, prefix.length() - 3) : prefix));
        } else {
            remotes.add("");
        }
        List<String> ports = new ArrayList<>();
        if (base.equals("icmp")) {
            ports.add(r.portRangeMin().isPresent() ? ",icmp_type=" + r.portRangeMin().getAsInt()
                    + (r.portRangeMax().isPresent() ? ",icmp_code=" + r.portRangeMax().getAsInt() : "") : "");
        } else if ((base.equals("tcp") || base.equals("udp")) && r.portRangeMin().isPresent()) {
            for (String m : portMasks(r.portRangeMin().getAsInt(), r.portRangeMax().orElse(r.portRangeMin().getAsInt()))) ports.add(",tp_dst=" + m);
        } else {
            ports.add("");
        }
        List<String> out = new ArrayList<>();
        for (String rem : remotes) for (String pt : ports) out.add(base + "," + reg + rem + pt);
        return out;
    }

    // ===================== iptables =====================

    /** iptables v1.8.7 (legacy) {@code -S [chain]} on the filter table. */
    final class Iptables implements Program {
        @Override
        public int run(Invocation inv) {
            List<String> a = new ArrayList<>(inv.args());
            String table = "filter";
            boolean list = false;
            Optional<String> chain = Optional.empty();
            for (int i = 0; i < a.size(); i++) {
                String x = a.get(i);
                switch (x) {
                    case "-t", "--table" -> {
                        if (i + 1 >= a.size()) return usage(inv, "option \"" + x + "\" requires an argument");
                        table = a.get(++i);
                    }
                    case "-S", "--list-rules" -> {
                        list = true;
                        if (i + 1 < a.size() && !a.get(i + 1).startsWith("-")) chain = Optional.of(a.get(++i));
                    }
                    case "-v", "-n", "--numeric" -> { }
                    case "-h", "--help" -> {
                        inv.outln("iptables v1.8.7\n\nUsage: iptables -[ACD] chain rule-specification [options]\n       iptables -S [chain [rulenum]]\n"
                                + "       iptables -[LFZ] [chain [rulenum]] [options]");
                        return 0;
                    }
                    case "-V", "--version" -> { inv.outln("iptables v1.8.7 (legacy)"); return 0; }
                    case "-L", "--list" -> {
                        return usage(inv, "the lab's iptables shows the rules with -S (--list-rules) only");
                    }
                    default -> {
                        if (x.startsWith("-")) return usage(inv, "unknown option \"" + x + "\"");
                        return usage(inv, "Bad argument `" + x + "'");
                    }
                }
            }
            if (!list) return usage(inv, "no command specified");
            if (!table.equals("filter")) {
                if (!List.of("nat", "mangle", "raw", "security").contains(table)) {
                    inv.errln("iptables v1.8.7 (legacy): can't initialize iptables table `" + table + "': Table does not exist (do you need to insmod?)");
                    inv.errln("Perhaps iptables or your kernel needs to be upgraded.");
                    return 3;
                }
                for (String c : switch (table) {
                    case "nat" -> List.of("PREROUTING", "INPUT", "OUTPUT", "POSTROUTING");
                    case "raw" -> List.of("PREROUTING", "OUTPUT");
                    default -> List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING");
                }) if (chain.isEmpty() || chain.get().equals(c)) inv.outln("-P " + c + " ACCEPT");
                return 0;
            }
            List<String> lines = filterRules();
            if (chain.isEmpty()) {
                lines.forEach(inv::outln);
                return 0;
            }
            String c = chain.get();
            boolean exists = lines.stream().anyMatch(l -> l.equals("-P " + c + " ACCEPT") || l.equals("-N " + c));
            if (!exists) {
                inv.errln("iptables: No chain/target/match by that name.");
                return 1;
            }
            for (String l : lines) {
                if (l.equals("-P " + c + " ACCEPT") || l.equals("-N " + c) || l.startsWith("-A " + c + " ")) inv.outln(l);
            }
            return 0;
        }

        private int usage(Invocation inv, String msg) {
            inv.errln("iptables v1.8.7 (legacy): " + msg);
            inv.errln("Try `iptables -h' or 'iptables --help' for more information.");
            return 2;
        }
    }

    private List<String> filterRules() {
        List<String> out = new ArrayList<>(List.of("-P INPUT ACCEPT", "-P FORWARD ACCEPT", "-P OUTPUT ACCEPT"));
        if (!driver.equals(HYBRID)) return out;
        String pre = "neutron-openvswi-";
        List<Bound> ports = bound();
        List<String> chains = new ArrayList<>(List.of("neutron-filter-top", pre + "FORWARD", pre + "INPUT", pre + "OUTPUT", pre + "local",
                pre + "sg-chain", pre + "sg-fallback"));
        for (Bound b : ports) {
            String id = b.port().id().substring(0, 10);
            chains.add(pre + "i" + id);
            chains.add(pre + "o" + id);
            chains.add(pre + "s" + id);
        }
        chains.sort(String::compareTo);
        chains.forEach(c -> out.add("-N " + c));
        out.add("-A INPUT -j " + pre + "INPUT");
        out.add("-A FORWARD -j neutron-filter-top");
        out.add("-A FORWARD -j " + pre + "FORWARD");
        out.add("-A OUTPUT -j neutron-filter-top");
        out.add("-A OUTPUT -j " + pre + "OUTPUT");
        out.add("-A neutron-filter-top -j " + pre + "local");
        String session = "-m state --state RELATED,ESTABLISHED -m comment --comment \"Direct packets associated with a known session to the RETURN chain.\" -j RETURN";
        String invalid = "-m state --state INVALID -m comment --comment \"Drop packets that appear related to an existing connection (e.g. TCP ACK/FIN) but do not have an entry in conntrack.\" -j DROP";
        String fallback = "-m comment --comment \"Send unmatched traffic to the fallback chain.\" -j " + pre + "sg-fallback";
        for (Bound b : ports) {
            String tap = "tap" + b.port().id().substring(0, 11);
            out.add("-A " + pre + "FORWARD -m physdev --physdev-out " + tap + " --physdev-is-bridged -m comment --comment \"Direct traffic from the VM interface to the security group chain.\" -j " + pre + "sg-chain");
            out.add("-A " + pre + "FORWARD -m physdev --physdev-in " + tap + " --physdev-is-bridged -m comment --comment \"Direct traffic from the VM interface to the security group chain.\" -j " + pre + "sg-chain");
        }
        for (Bound b : ports) {
            String tap = "tap" + b.port().id().substring(0, 11);
            out.add("-A " + pre + "INPUT -m physdev --physdev-in " + tap + " --physdev-is-bridged -m comment --comment \"Direct incoming traffic from VM to the security group chain.\" -j " + pre + "o" + b.port().id().substring(0, 10));
        }
        for (Bound b : ports) {
            Port p = b.port();
            String i = "-A " + pre + "i" + p.id().substring(0, 10) + " ";
            out.add(i + session);
            out.add(i + "-d " + p.firstIp() + "/32 -p udp -m udp --sport 67 --dport 68 -j RETURN");
            out.add(i + "-d 255.255.255.255/32 -p udp -m udp --sport 67 --dport 68 -j RETURN");
            for (SecurityGroupRule r : rules(p, "ingress", "IPv4")) out.add(i + iptablesRule(r, true));
            out.add(i + invalid);
            out.add(i + fallback);
        }
        for (Bound b : ports) {
            Port p = b.port();
            String id = p.id().substring(0, 10);
            String o = "-A " + pre + "o" + id + " ";
            out.add(o + "-s 0.0.0.0/32 -d 255.255.255.255/32 -p udp -m udp --sport 68 --dport 67 -m comment --comment \"Allow DHCP client traffic.\" -j RETURN");
            out.add(o + "-j " + pre + "s" + id);
            out.add(o + "-p udp -m udp --sport 68 --dport 67 -m comment --comment \"Allow DHCP client traffic.\" -j RETURN");
            out.add(o + "-p udp -m udp --sport 67 --dport 68 -m comment --comment \"Prevent DHCP Spoofing by VM.\" -j DROP");
            out.add(o + session);
            for (SecurityGroupRule r : rules(p, "egress", "IPv4")) out.add(o + iptablesRule(r, false));
            out.add(o + invalid);
            out.add(o + fallback);
        }
        for (Bound b : ports) {
            Port p = b.port();
            String s = "-A " + pre + "s" + p.id().substring(0, 10) + " ";
            out.add(s + "-s " + p.firstIp() + "/32 -m mac --mac-source " + p.macAddress().toUpperCase(Locale.ROOT)
                    + " -m comment --comment \"Allow traffic from defined IP/MAC pairs.\" -j RETURN");
            out.add(s + "-m comment --comment \"Drop traffic without an IP/MAC allow rule.\" -j DROP");
        }
        for (Bound b : ports) {
            String tap = "tap" + b.port().id().substring(0, 11);
            String id = b.port().id().substring(0, 10);
            out.add("-A " + pre + "sg-chain -m physdev --physdev-out " + tap + " --physdev-is-bridged -m comment --comment \"Jump to the VM specific chain.\" -j " + pre + "i" + id);
            out.add("-A " + pre + "sg-chain -m physdev --physdev-in " + tap + " --physdev-is-bridged -m comment --comment \"Jump to the VM specific chain.\" -j " + pre + "o" + id);
        }
        out.add("-A " + pre + "sg-chain -j ACCEPT");
        out.add("-A " + pre + "sg-fallback -m comment --comment \"Default drop rule for unmatched traffic.\" -j DROP");
        return out;
    }

    /** One neutron iptables rule: {@code -s 10.0.0.0/8 -p tcp -m tcp --dport 22 -j RETURN}. */
    private static String iptablesRule(SecurityGroupRule r, boolean ingress) {
        StringBuilder sb = new StringBuilder();
        if (r.remoteGroupId().isPresent()) {
            sb.append("-m set --match-set NIPv4").append(r.remoteGroupId().get(), 0, Math.min(26, r.remoteGroupId().get().length()))
                    .append(ingress ? " src " : " dst ");
        } else if (r.remoteIpPrefix().isPresent() && !r.remoteIpPrefix().get().equals("0.0.0.0/0")) {
            String prefix = r.remoteIpPrefix().get();
            String cidr = Ipv4.cidr(prefix).map(Object::toString).orElse(prefix);
            sb.append(ingress ? "-s " : "-d ").append(cidr).append(' ');
        }
        Optional<String> proto = r.protocol().map(Firewall::proto);
        if (proto.isPresent()) {
            String p = proto.get();
            sb.append("-p ").append(p).append(' ');
            if ((p.equals("tcp") || p.equals("udp")) && r.portRangeMin().isPresent()) {
                int min = r.portRangeMin().getAsInt();
                int max = r.portRangeMax().orElse(min);
                sb.append("-m ").append(p).append(' ').append(min == max ? "--dport " + min : "-m multiport --dports " + min + ":" + max).append(' ');
            } else if (p.equals("icmp") && r.portRangeMin().isPresent()) {
                sb.append("-m icmp --icmp-type ").append(r.portRangeMin().getAsInt())
                        .append(r.portRangeMax().isPresent() ? "/" + r.portRangeMax().getAsInt() : "").append(' ');
            }
        }
        return sb.append("-j RETURN").toString();
    }
}

package novalab.engine.cli.net;

import java.util.List;
import novalab.engine.Cloud;
import novalab.engine.network.Ipv4;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;

/**
 * iputils ping on the workstation: ICMP echo obeys the target's security groups (icmp ingress) like
 * any other packet. One echo per simulated second; without {@code -c} the lab sends 4 (a terminal
 * here has no Ctrl-C).
 */
public final class Ping implements Program {
    private final Cloud cloud;

    public Ping(Cloud cloud) {
        this.cloud = cloud;
    }

    @Override
    public int run(Invocation inv) {
        int count = 4;
        String host = null;
        List<String> a = inv.args();
        for (int i = 0; i < a.size(); i++) {
            String x = a.get(i);
            if (x.equals("-c") || x.equals("-W") || x.equals("-i") || x.equals("-w")) {
                if (i + 1 >= a.size()) {
                    inv.errln("ping: option requires an argument -- '" + x.substring(1) + "'");
                    return 2;
                }
                String v = a.get(++i);
                if (x.equals("-c")) {
                    try {
                        count = Integer.parseInt(v);
                        if (count < 1) throw new NumberFormatException();
                    } catch (NumberFormatException e) {
                        inv.errln("ping: invalid argument: '" + v + "': out of range: 1 <= value <= 9223372036854775807");
                        return 1;
                    }
                }
            } else if (x.startsWith("-c") && x.length() > 2) {
                try {
                    count = Integer.parseInt(x.substring(2));
                } catch (NumberFormatException e) {
                    inv.errln("ping: invalid argument: '" + x.substring(2) + "'");
                    return 1;
                }
            } else if (x.startsWith("-")) {
                inv.errln("ping: invalid option -- '" + x.substring(1) + "'");
                return 2;
            } else {
                host = x;
            }
        }
        if (host == null) {
            inv.errln("ping: usage error: Destination address required");
            return 1;
        }
        if (Ipv4.parse(host).isEmpty()) {
            inv.errln("ping: " + host + ": Name or service not known");
            return 2;
        }
        boolean ok = Reach.icmp(cloud, host);
        inv.outln("PING " + host + " (" + host + ") 56(84) bytes of data.");
        double min = 0, max = 0, sum = 0;
        for (int i = 1; i <= count; i++) {
            if (ok) {
                double t = 0.6 + ((host.hashCode() + i * 37) & 0x3f) / 100.0;
                min = i == 1 ? t : Math.min(min, t);
                max = Math.max(max, t);
                sum += t;
                inv.outln(String.format("64 bytes from %s: icmp_seq=%d ttl=62 time=%.3f ms", host, i, t));
            }
            if (i < count) inv.control().sleep(1_000);
        }
        if (!ok) inv.control().sleep(1_000);
        inv.outln("");
        inv.outln("--- " + host + " ping statistics ---");
        long time = (count - 1) * 1000L + (ok ? 3 : 60);
        if (ok) {
            double avg = sum / count;
            inv.outln(count + " packets transmitted, " + count + " received, 0% packet loss, time " + time + "ms");
            inv.outln(String.format("rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms", min, avg, max, (max - min) / 2));
            return 0;
        }
        inv.outln(count + " packets transmitted, 0 received, 100% packet loss, time " + time + "ms");
        inv.outln("");
        return 1;
    }
}

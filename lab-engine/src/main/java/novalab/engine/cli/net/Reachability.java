package novalab.engine.cli.net;

import java.util.List;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.compute.Instance;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.SecurityGroupRule;

/**
 * What ssh, curl and ping from the student's workstation would meet at each commonly used port of a
 * server, as {@link Reach} decides it, with the security group rule that let the packet in (for the
 * lab's live views; nothing here changes the cloud).
 */
public final class Reachability {
    private Reachability() {}

    /** One probe: {@code tcp}/22, {@code tcp}/80, {@code tcp}/443 and {@code icmp}. */
    public record Probe(String protocol, int port) {
        public String label() { return protocol.equals("icmp") ? "ICMP (ping)" : port + "/" + protocol; }
    }

    /** The probes the live view shows. */
    public static final List<Probe> COMMON = List.of(new Probe("tcp", 22), new Probe("tcp", 80), new Probe("tcp", 443), new Probe("icmp", 0));

    /** How a probe ends, and why. */
    public enum Verdict { ANSWERED, REFUSED, NO_RULE, NO_ROUTE, NOT_RUNNING }

    /** A probe's verdict, the rule that let it in (when one did) and a sentence that says why. */
    public record Result(Probe probe, Verdict verdict, Optional<SecurityGroupRule> rule, String why) {
        public boolean reachable() { return verdict == Verdict.ANSWERED; }
    }

    /** An address elsewhere on the Internet (TEST-NET-1, not the workstation's): shows rules that admit only some sources. */
    public static final String ELSEWHERE = "192.0.2.10";

    /** What the server's security groups say to a probe from {@code sourceIp}, routing and the guest aside. */
    public record Gate(boolean allowed, Optional<SecurityGroupRule> rule) {}

    /** The security groups' answer (the same check ssh, curl and ping go through) for a probe from {@code sourceIp}. */
    public static Gate gate(Cloud cloud, Instance server, Probe p, String sourceIp) {
        return cloud.neutron().portsOfDevice(server.uuid).stream().findFirst()
                .map(port -> new Gate(cloud.neutron().ingressAllowed(port.id(), sourceIp, p.protocol(), p.port()),
                        cloud.neutron().ingressRule(port.id(), sourceIp, p.protocol(), p.port())))
                .orElse(new Gate(false, Optional.empty()));
    }

    /** The workstation's address, the source of every probe. */
    public static String source(Cloud cloud) { return cloud.workstation().ip(); }

    /** The floating IP that leads to the server, if any. */
    public static Optional<FloatingIp> floatingIp(Cloud cloud, Instance server) {
        return cloud.neutron().portsOfDevice(server.uuid).stream()
                .flatMap(p -> cloud.neutron().allFloatingIps().stream().filter(f -> f.portId().equals(Optional.of(p.id()))))
                .findFirst();
    }

    /** Each common probe from the workstation to the server's floating IP. */
    public static List<Result> probe(Cloud cloud, Instance server) {
        Optional<FloatingIp> fip = floatingIp(cloud, server);
        return COMMON.stream().map(p -> probe(cloud, server, fip, p)).toList();
    }

    private static Result probe(Cloud cloud, Instance server, Optional<FloatingIp> fip, Probe p) {
        if (fip.isEmpty()) {
            return new Result(p, Verdict.NO_ROUTE, Optional.empty(), "no route: the server has no floating IP, so nothing outside its network reaches it");
        }
        Optional<Reach.Target> t = Reach.target(cloud, fip.get().address());
        if (t.isEmpty()) return new Result(p, Verdict.NO_ROUTE, Optional.empty(), "no route to " + fip.get().address());
        String src = source(cloud);
        Optional<SecurityGroupRule> rule = cloud.neutron().ingressRule(t.get().port().id(), src, p.protocol(), p.port());
        if (!Reach.running(t.get().instance())) {
            return new Result(p, Verdict.NOT_RUNNING, rule, "the server is not running, so nothing answers (the client times out)"
                    + (rule.isPresent() ? "; the security groups would let it in" : "; and no rule would let it in"));
        }
        boolean allowed = cloud.neutron().ingressAllowed(t.get().port().id(), src, p.protocol(), p.port());
        if (!allowed) {
            return new Result(p, Verdict.NO_RULE, Optional.empty(), "no rule allows it: the packet is dropped and the client times out");
        }
        if (p.protocol().equals("icmp")) {
            boolean answered = Reach.icmp(cloud, fip.get().address());
            return new Result(p, answered ? Verdict.ANSWERED : Verdict.NO_RULE, rule, answered ? "answered" : "no answer");
        }
        Reach.Outcome o = Reach.tcp(cloud, fip.get().address(), p.port());
        return switch (o) {
            case OPEN -> new Result(p, Verdict.ANSWERED, rule, "answered");
            case REFUSED -> new Result(p, Verdict.REFUSED, rule, "let in, but nothing listens on the port: connection refused");
            case TIMEOUT -> new Result(p, Verdict.NO_RULE, Optional.empty(), "no rule allows it: the packet is dropped and the client times out");
        };
    }
}

package novalab.engine.cli.net;

import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.compute.Instance;
import novalab.engine.compute.VmState;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Port;
import novalab.engine.nodes.GuestNode;
import novalab.engine.virt.PowerState;

/**
 * What happens to a packet from the workstation to a public address: no route (an address no ACTIVE
 * server answers for), dropped by the port's security groups (implicit deny: the client times out),
 * refused (nothing listens on the port), or answered. The same rules serve ssh, curl and ping.
 */
final class Reach {
    private Reach() {}

    enum Outcome { TIMEOUT, REFUSED, OPEN }

    /** The server behind a floating IP, through its port. */
    record Target(Instance instance, Port port, FloatingIp fip) {}

    static Optional<Target> target(Cloud cloud, String ip) {
        Optional<FloatingIp> fip = cloud.neutron().floatingIpByAddress(ip);
        if (fip.isEmpty() || fip.get().portId().isEmpty()) return Optional.empty();
        Optional<Port> port = cloud.neutron().port(fip.get().portId().get());
        if (port.isEmpty()) return Optional.empty();
        Optional<Instance> inst = cloud.db().instance(port.get().deviceId()).filter(i -> !i.deleted());
        return inst.map(i -> new Target(i, port.get(), fip.get()));
    }

    static boolean running(Instance i) {
        return i.vmState() == VmState.ACTIVE && i.powerState() == PowerState.RUNNING;
    }

    /** tcp/{@code port} from the workstation to {@code ip}. */
    static Outcome tcp(Cloud cloud, String ip, int port) {
        Optional<Target> t = target(cloud, ip);
        if (t.isEmpty() || !running(t.get().instance())) return Outcome.TIMEOUT;
        if (!cloud.neutron().ingressAllowed(t.get().port().id(), cloud.workstation().ip(), "tcp", port)) return Outcome.TIMEOUT;
        GuestNode g = cloud.guests().get(t.get().instance().uuid);
        boolean listening = port == 22 || (g != null && g.listens(port));
        return listening ? Outcome.OPEN : Outcome.REFUSED;
    }

    /** An ICMP echo from the workstation to {@code ip}: answered or not. */
    static boolean icmp(Cloud cloud, String ip) {
        Optional<Target> t = target(cloud, ip);
        return t.isPresent() && running(t.get().instance())
                && cloud.neutron().ingressAllowed(t.get().port().id(), cloud.workstation().ip(), "icmp", 0);
    }
}

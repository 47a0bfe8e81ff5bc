package novalab.engine.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import novalab.engine.common.CloudError;
import novalab.engine.common.Ids;
import novalab.engine.common.SimClock;
import novalab.engine.identity.RequestContext;
import novalab.engine.network.Model.FixedIp;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Network;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.Router;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Model.SecurityGroupRule;
import novalab.engine.network.Model.Subnet;

/**
 * Neutron-lite: networks, subnets, routers, ports, security groups and rules, floating IPs, and the
 * data-plane question every packet asks: do this port's security groups let it in? Groups are
 * stateful allow-lists with implicit deny; rule changes apply to running ports at once.
 */
public final class Neutron {
    private static final Set<String> PROTOCOLS = Set.of("ah", "dccp", "egp", "esp", "gre", "hopopt", "icmp", "igmp",
            "ipip", "ipv6-encap", "ipv6-frag", "ipv6-icmp", "icmpv6", "ipv6-nonxt", "ipv6-opts", "ipv6-route", "ospf",
            "pgm", "rsvp", "sctp", "tcp", "udp", "udplite", "vrrp", "any");
    private static final Set<String> PORT_PROTOCOLS = Set.of("tcp", "udp", "sctp", "dccp", "udplite");

    private final SimClock clock;
    private final Ids ids;
    private final Map<String, Network> networks = new LinkedHashMap<>();
    private final Map<String, Subnet> subnets = new LinkedHashMap<>();
    private final Map<String, Router> routers = new LinkedHashMap<>();
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    private final Map<String, SecurityGroupRule> rules = new LinkedHashMap<>();
    private final Map<String, FloatingIp> floatingIps = new LinkedHashMap<>();
    private final NetworkSecurityGroups nsgs = new NetworkSecurityGroups();

    public Neutron(SimClock clock, Ids ids) {
        this.clock = clock;
        this.ids = ids;
    }

    // ----- setup (scenario) -----

    public Network addNetwork(String name, String projectId, boolean shared, boolean external, int mtu) {
        Network n = new Network(ids.uuid(), name, projectId, shared, external, mtu, List.of(), clock.isoZ(), clock.isoZ(), 1);
        networks.put(n.id(), n);
        return n;
    }

    public Subnet addSubnet(String name, String networkId, String projectId, String cidr, String gateway, String poolStart,
                            String poolEnd, List<String> dns, boolean dhcp) {
        Subnet s = new Subnet(ids.uuid(), name, networkId, projectId, cidr, gateway, poolStart, poolEnd, dns, dhcp, clock.isoZ());
        subnets.put(s.id(), s);
        Network n = networks.get(networkId);
        List<String> sids = new ArrayList<>(n.subnetIds());
        sids.add(s.id());
        networks.put(n.id(), new Network(n.id(), n.name(), n.projectId(), n.shared(), n.external(), n.mtu(), sids,
                n.createdAt(), clock.isoZ(), n.revision() + 1));
        return s;
    }

    public Router addRouter(String name, String projectId, String externalNetworkId, List<String> subnetIds) {
        String extIp = allocateIp(networks.get(externalNetworkId)).ipAddress();
        Router r = new Router(ids.uuid(), name, projectId, Optional.of(externalNetworkId), subnetIds, extIp);
        routers.put(r.id(), r);
        return r;
    }

    // ----- networks -----

    public List<Network> networks(RequestContext ctx) {
        return networks.values().stream()
                .filter(n -> ctx.isAdmin() || n.shared() || n.external() || n.projectId().equals(ctx.projectId())).toList();
    }

    public Network network(RequestContext ctx, String idOrName) {
        Network byId = networks.get(idOrName);
        if (byId != null) return byId;
        List<Network> named = networks(ctx).stream().filter(n -> n.name().equals(idOrName)).toList();
        if (named.size() == 1) return named.get(0);
        if (named.size() > 1) throw new CloudError(409, "Conflict", "More than one Network exists with the name '" + idOrName + "'.");
        throw new CloudError(404, "NetworkNotFound", "Network " + idOrName + " could not be found.");
    }

    public Optional<Network> network(String id) { return Optional.ofNullable(networks.get(id)); }

    public List<Subnet> subnets(RequestContext ctx) {
        return subnets.values().stream().filter(s -> {
            Network n = networks.get(s.networkId());
            return ctx.isAdmin() || n.shared() || n.external() || s.projectId().equals(ctx.projectId());
        }).toList();
    }

    public Optional<Subnet> subnet(String id) { return Optional.ofNullable(subnets.get(id)); }

    public List<Router> routers(RequestContext ctx) {
        return routers.values().stream().filter(r -> ctx.isAdmin() || r.projectId().equals(ctx.projectId())).toList();
    }

    // ----- ports -----

    /** Creates the port Nova asks for when it plugs an instance into {@code networkId} on {@code host}. */
    public Port createPort(String projectId, String networkId, String deviceId, String deviceOwner,
                           List<String> securityGroupIds, String host) {
        Network n = networks.get(networkId);
        FixedIp ip = allocateIp(n);
        Port p = new Port(ids.uuid(), "", networkId, projectId, ids.mac(), List.of(ip), deviceId, deviceOwner, "ACTIVE",
                securityGroupIds, host, clock.isoZ(), clock.isoZ(), 4);
        ports.put(p.id(), p);
        return p;
    }

    private FixedIp allocateIp(Network n) {
        for (String sid : n.subnetIds()) {
            Subnet s = subnets.get(sid);
            long start = Ipv4.parse(s.poolStart()).orElseThrow();
            long end = Ipv4.parse(s.poolEnd()).orElseThrow();
            Set<String> used = new java.util.HashSet<>();
            ports.values().forEach(p -> p.fixedIps().forEach(f -> used.add(f.ipAddress())));
            floatingIps.values().forEach(f -> used.add(f.address()));
            routers.values().forEach(r -> used.add(r.externalIp()));
            for (long a = start; a <= end; a++) {
                String ip = Ipv4.format(a);
                if (!used.contains(ip)) return new FixedIp(s.id(), ip);
            }
        }
        throw new CloudError(409, "IpAddressGenerationFailure", "No more IP addresses available on network " + n.id() + ".");
    }

    public List<Port> ports(RequestContext ctx) {
        return ports.values().stream().filter(p -> ctx.isAdmin() || p.projectId().equals(ctx.projectId())).toList();
    }

    public Optional<Port> port(String id) { return Optional.ofNullable(ports.get(id)); }

    public List<Port> portsOfDevice(String deviceId) {
        return ports.values().stream().filter(p -> p.deviceId().equals(deviceId)).toList();
    }

    /** Nova's deallocate_for_instance: ports go, and floating IPs on them are disassociated (kept by the project). */
    public void deletePortsOf(String deviceId) {
        for (Port p : portsOfDevice(deviceId)) {
            for (FloatingIp f : List.copyOf(floatingIps.values())) {
                if (f.portId().equals(Optional.of(p.id()))) floatingIps.put(f.id(), disassociated(f));
            }
            ports.remove(p.id());
        }
    }

    public void rebindPorts(String deviceId, String host) {
        for (Port p : portsOfDevice(deviceId)) {
            ports.put(p.id(), new Port(p.id(), p.name(), p.networkId(), p.projectId(), p.macAddress(), p.fixedIps(),
                    p.deviceId(), p.deviceOwner(), host.isEmpty() ? "DOWN" : "ACTIVE", p.securityGroupIds(), host,
                    p.createdAt(), clock.isoZ(), p.revision() + 1));
        }
    }

    // ----- security groups -----

    /** The project's {@code default} group, created on first use as Neutron does. */
    public SecurityGroup defaultGroup(String projectId) {
        return groups.values().stream().filter(g -> g.name().equals("default") && g.projectId().equals(projectId))
                .findFirst().orElseGet(() -> {
                    SecurityGroup g = newGroup("default", "Default security group", projectId);
                    addRuleUnchecked(g, "ingress", "IPv4", Optional.empty(), Optional.of(g.id()));
                    addRuleUnchecked(g, "ingress", "IPv6", Optional.empty(), Optional.of(g.id()));
                    return g;
                });
    }

    public SecurityGroup createSecurityGroup(RequestContext ctx, String name, String description) {
        defaultGroup(ctx.projectId());
        return newGroup(name, description, ctx.projectId());
    }

    private SecurityGroup newGroup(String name, String description, String projectId) {
        SecurityGroup g = new SecurityGroup(ids.uuid(), name, description, projectId, true, clock.isoZ(), clock.isoZ(), 1);
        groups.put(g.id(), g);
        addRuleUnchecked(g, "egress", "IPv4", Optional.empty(), Optional.empty());
        addRuleUnchecked(g, "egress", "IPv6", Optional.empty(), Optional.empty());
        return g;
    }

    private void addRuleUnchecked(SecurityGroup g, String direction, String ethertype, Optional<String> prefix,
                                  Optional<String> remoteGroup) {
        SecurityGroupRule r = new SecurityGroupRule(ids.uuid(), g.id(), direction, ethertype, Optional.empty(),
                OptionalInt.empty(), OptionalInt.empty(), prefix, remoteGroup, "", g.projectId(), clock.isoZ());
        rules.put(r.id(), r);
    }

    public List<SecurityGroup> securityGroups(RequestContext ctx) {
        defaultGroup(ctx.projectId());
        return groups.values().stream().filter(g -> ctx.isAdmin() || g.projectId().equals(ctx.projectId())).toList();
    }

    /** Finds a group by id, or by name within the caller's project (OSC's find_resource). */
    public SecurityGroup securityGroup(RequestContext ctx, String idOrName) {
        SecurityGroup byId = groups.get(idOrName);
        if (byId != null && (ctx.isAdmin() || byId.projectId().equals(ctx.projectId()))) return byId;
        List<SecurityGroup> named = securityGroups(ctx).stream()
                .filter(g -> g.name().equals(idOrName) && g.projectId().equals(ctx.projectId())).toList();
        if (named.isEmpty() && ctx.isAdmin()) named = securityGroups(ctx).stream().filter(g -> g.name().equals(idOrName)).toList();
        if (named.size() == 1) return named.get(0);
        if (named.size() > 1) throw new CloudError(409, "Conflict", "More than one SecurityGroup exists with the name '" + idOrName + "'.");
        throw new CloudError(404, "SecurityGroupNotFound", "Security group " + idOrName + " does not exist");
    }

    public Optional<SecurityGroup> securityGroup(String id) { return Optional.ofNullable(groups.get(id)); }

    /** Every security group of this cloud, in creation order (for the lab's live views). */
    public List<SecurityGroup> allSecurityGroups() { return List.copyOf(groups.values()); }

    public void deleteSecurityGroup(RequestContext ctx, String id) {
        SecurityGroup g = securityGroup(ctx, id);
        if (g.name().equals("default")) {
            throw new CloudError(409, "SecurityGroupCannotRemoveDefault", "Insufficient rights for removing default security group.");
        }
        boolean inUse = ports.values().stream().anyMatch(p -> p.securityGroupIds().contains(g.id()));
        if (inUse) throw new CloudError(409, "SecurityGroupInUse", "Security Group " + g.id() + " in use.");
        rules.values().removeIf(r -> r.securityGroupId().equals(g.id()));
        groups.remove(g.id());
    }

    public List<SecurityGroupRule> rulesOf(String groupId) {
        return rules.values().stream().filter(r -> r.securityGroupId().equals(groupId)).toList();
    }

    public List<SecurityGroupRule> rules(RequestContext ctx) {
        return rules.values().stream().filter(r -> ctx.isAdmin() || r.projectId().equals(ctx.projectId())).toList();
    }

    public Optional<SecurityGroupRule> rule(String id) { return Optional.ofNullable(rules.get(id)); }

    /** What a client asks for in {@code POST /v2.0/security-group-rules}. */
    public record RuleRequest(String securityGroupId, String direction, String ethertype, Optional<String> protocol,
                              OptionalInt portRangeMin, OptionalInt portRangeMax, Optional<String> remoteIpPrefix,
                              Optional<String> remoteGroupId, String description) {}

    /** Validates and adds a rule with Neutron's checks and messages; a duplicate is a 409. */
    public SecurityGroupRule createRule(RequestContext ctx, RuleRequest req) {
        SecurityGroup g = securityGroup(ctx, req.securityGroupId());
        if (!req.direction().equals("ingress") && !req.direction().equals("egress")) {
            throw CloudError.badRequest("Invalid input for direction. Reason: '" + req.direction() + "' is not in ['ingress', 'egress'].");
        }
        if (!req.ethertype().equals("IPv4") && !req.ethertype().equals("IPv6")) {
            throw CloudError.badRequest("Invalid input for ethertype. Reason: '" + req.ethertype() + "' is not in ['IPv4', 'IPv6'].");
        }
        Optional<String> proto = req.protocol().map(String::toLowerCase);
        if (proto.isPresent()) {
            String p = proto.get();
            boolean numeric = p.chars().allMatch(Character::isDigit) && !p.isEmpty() && p.length() <= 3 && Integer.parseInt(p) <= 255;
            if (!numeric && !PROTOCOLS.contains(p)) {
                throw CloudError.badRequest("Security group rule protocol " + p + " not supported. Only protocol values "
                        + "[None, 'ah', 'dccp', 'egp', 'esp', 'gre', 'hopopt', 'icmp', 'igmp', 'ipip', 'ipv6-encap', "
                        + "'ipv6-frag', 'ipv6-icmp', 'icmpv6', 'ipv6-nonxt', 'ipv6-opts', 'ipv6-route', 'ospf', 'pgm', "
                        + "'rsvp', 'sctp', 'tcp', 'udp', 'udplite', 'vrrp'] and integer representations [0 to 255] are supported.");
            }
            if (p.equals("any")) proto = Optional.empty();
        }
        if (req.portRangeMin().isPresent() || req.portRangeMax().isPresent()) {
            String p = proto.orElse("");
            if (PORT_PROTOCOLS.contains(p)) {
                int min = req.portRangeMin().orElse(req.portRangeMax().getAsInt());
                int max = req.portRangeMax().orElse(min);
                if (min > max) throw CloudError.badRequest("For TCP/UDP protocols, port_range_min must be <= port_range_max");
                if (min < 1 || max > 65535) {
                    throw CloudError.badRequest("Invalid value for port " + (min < 1 ? min : max));
                }
            } else if (!p.equals("icmp") && !p.equals("ipv6-icmp") && !p.equals("icmpv6")) {
                throw CloudError.badRequest("Invalid input for operation: Port range is only supported for TCP, UDP, UDPLITE, SCTP and DCCP protocols.");
            }
        }
        Optional<String> prefix = req.remoteIpPrefix();
        if (prefix.isPresent() && req.remoteGroupId().isPresent()) {
            throw CloudError.badRequest("Only remote_ip_prefix or remote_group_id may be provided.");
        }
        if (prefix.isPresent()) {
            String c = prefix.get();
            boolean v6 = c.contains(":");
            if (!v6 && Ipv4.cidr(c).isEmpty()) {
                throw CloudError.badRequest("Invalid input for remote_ip_prefix. Reason: '" + c + "' is not a valid IP subnet.");
            }
            if (v6 != req.ethertype().equals("IPv6")) {
                throw CloudError.badRequest("Conflicting value ethertype " + req.ethertype() + " for CIDR " + c);
            }
            if (!v6) {
                Ipv4.Cidr parsed = Ipv4.cidr(c).orElseThrow();
                prefix = Optional.of(Ipv4.format(parsed.network() & parsed.mask()) + "/" + parsed.prefix());
            }
        }
        Optional<String> remoteGroup = req.remoteGroupId().map(rg -> securityGroup(ctx, rg).id());
        OptionalInt min = req.portRangeMin();
        OptionalInt max = req.portRangeMax();
        if (min.isPresent() && max.isEmpty() && PORT_PROTOCOLS.contains(proto.orElse(""))) max = min;
        if (max.isPresent() && min.isEmpty() && PORT_PROTOCOLS.contains(proto.orElse(""))) min = max;
        for (SecurityGroupRule r : rulesOf(g.id())) {
            if (r.direction().equals(req.direction()) && r.ethertype().equals(req.ethertype()) && r.protocol().equals(proto)
                    && r.portRangeMin().equals(min) && r.portRangeMax().equals(max) && r.remoteIpPrefix().equals(prefix)
                    && r.remoteGroupId().equals(remoteGroup)) {
                throw new CloudError(409, "SecurityGroupRuleExists", "Security group rule already exists. Rule id is " + r.id() + ".");
            }
        }
        SecurityGroupRule r = new SecurityGroupRule(ids.uuid(), g.id(), req.direction(), req.ethertype(), proto, min, max,
                prefix, remoteGroup, req.description(), g.projectId(), clock.isoZ());
        rules.put(r.id(), r);
        return r;
    }

    public void deleteRule(RequestContext ctx, String ruleId) {
        SecurityGroupRule r = rules.get(ruleId);
        if (r == null || !(ctx.isAdmin() || r.projectId().equals(ctx.projectId()))) {
            throw new CloudError(404, "SecurityGroupRuleNotFound", "Security group rule " + ruleId + " does not exist");
        }
        rules.remove(ruleId);
    }

    // ----- floating IPs -----

    public FloatingIp createFloatingIp(RequestContext ctx, String networkIdOrName, Optional<String> address, String description) {
        Network n = network(ctx, networkIdOrName);
        if (!n.external()) {
            throw CloudError.badRequest("Bad floatingip request: Network " + n.id() + " is not a valid external network.");
        }
        String ip;
        if (address.isPresent()) {
            ip = address.get();
            String cidr = subnets.get(n.subnetIds().get(0)).cidr();
            if (!Ipv4.inCidr(ip, cidr)) throw CloudError.badRequest("Bad floatingip request: IP address " + ip + " is not a valid IP for the specified subnet.");
            boolean taken = floatingIps.values().stream().anyMatch(f -> f.address().equals(ip))
                    || routers.values().stream().anyMatch(r -> r.externalIp().equals(ip));
            if (taken) throw new CloudError(409, "IpAddressAlreadyAllocated", "IP address " + ip + " already allocated in subnet " + n.subnetIds().get(0));
        } else {
            ip = allocateIp(n).ipAddress();
        }
        FloatingIp f = new FloatingIp(ids.uuid(), ip, n.id(), Optional.empty(), Optional.empty(), Optional.empty(), "DOWN",
                ctx.projectId(), description, clock.isoZ(), clock.isoZ(), 0);
        floatingIps.put(f.id(), f);
        return f;
    }

    public List<FloatingIp> floatingIps(RequestContext ctx) {
        return floatingIps.values().stream().filter(f -> ctx.isAdmin() || f.projectId().equals(ctx.projectId())).toList();
    }

    /** By id or by address (OSC matches {@code floating_ip_address} client-side). */
    public FloatingIp floatingIp(RequestContext ctx, String idOrAddress) {
        for (FloatingIp f : floatingIps(ctx)) {
            if (f.id().equals(idOrAddress) || f.address().equals(idOrAddress)) return f;
        }
        throw new CloudError(404, "FloatingIPNotFound", "Floating IP " + idOrAddress + " could not be found");
    }

    /** Every floating IP of this cloud, in creation order (for the lab's live views). */
    public List<FloatingIp> allFloatingIps() { return List.copyOf(floatingIps.values()); }

    public Optional<FloatingIp> floatingIpByAddress(String address) {
        return floatingIps.values().stream().filter(f -> f.address().equals(address)).findFirst();
    }

    /** {@code PUT /v2.0/floatingips/{id}} with a port: the subnet must reach the external network through a router. */
    public FloatingIp associate(RequestContext ctx, String fipId, String portId, Optional<String> fixedIp) {
        FloatingIp f = floatingIp(ctx, fipId);
        Port p = ports.get(portId);
        if (p == null) throw new CloudError(404, "PortNotFound", "Port " + portId + " could not be found.");
        String fixed = fixedIp.orElse(p.firstIp());
        if (p.fixedIps().stream().noneMatch(x -> x.ipAddress().equals(fixed))) {
            throw CloudError.badRequest("Bad floatingip request: Port " + portId + " does not have fixed ip " + fixed + ".");
        }
        String subnetId = p.fixedIps().get(0).subnetId();
        Optional<Router> router = routers.values().stream()
                .filter(r -> r.subnetIds().contains(subnetId) && r.externalNetworkId().equals(Optional.of(f.floatingNetworkId())))
                .findFirst();
        if (router.isEmpty()) {
            throw new CloudError(404, "ExternalGatewayForFloatingIPNotFound", "External network " + f.floatingNetworkId()
                    + " is not reachable from subnet " + subnetId + ".  Therefore, cannot associate Port " + portId
                    + " with a Floating IP.");
        }
        for (FloatingIp other : floatingIps.values()) {
            if (!other.id().equals(f.id()) && other.portId().equals(Optional.of(portId)) && other.fixedIpAddress().equals(Optional.of(fixed))) {
                throw new CloudError(409, "FloatingIPPortAlreadyAssociated", "Cannot associate floating IP " + f.address()
                        + " (" + f.id() + ") with port " + portId + " using fixed IP " + fixed
                        + ", as that fixed IP already has a floating IP on external network " + f.floatingNetworkId() + ".");
            }
        }
        FloatingIp updated = new FloatingIp(f.id(), f.address(), f.floatingNetworkId(), Optional.of(portId), Optional.of(fixed),
                Optional.of(router.get().id()), "ACTIVE", f.projectId(), f.description(), f.createdAt(), clock.isoZ(), f.revision() + 1);
        floatingIps.put(f.id(), updated);
        return updated;
    }

    public FloatingIp disassociate(RequestContext ctx, String fipId) {
        FloatingIp f = floatingIp(ctx, fipId);
        FloatingIp updated = disassociated(f);
        floatingIps.put(f.id(), updated);
        return updated;
    }

    private FloatingIp disassociated(FloatingIp f) {
        return new FloatingIp(f.id(), f.address(), f.floatingNetworkId(), Optional.empty(), Optional.empty(), Optional.empty(),
                "DOWN", f.projectId(), f.description(), f.createdAt(), clock.isoZ(), f.revision() + 1);
    }

    public void deleteFloatingIp(RequestContext ctx, String idOrAddress) {
        FloatingIp f = floatingIp(ctx, idOrAddress);
        floatingIps.remove(f.id());
    }

    // ----- data plane -----

    /** The Azure NSGs on this data plane (the {@code az} dialect's firewall; see {@link #ingressAllowed}). */
    public NetworkSecurityGroups nsgs() { return nsgs; }

    /**
     * Whether a packet from {@code sourceIp} to {@code protocol}/{@code port} may enter {@code portId}:
     * some ingress rule of one of the port's groups must match (implicit deny otherwise). Rules with a
     * remote group match only sources that are ports of that group.
     */
    public boolean ingressAllowed(String portId, String sourceIp, String protocol, int dstPort) {
        Port p = ports.get(portId);
        if (p == null) return false;
        // An Azure NSG on the server's NIC decides alone (priorities, Allow/Deny); else the Neutron groups below.
        String vnet = p.fixedIps().isEmpty() ? "0.0.0.0/32" : subnet(p.fixedIps().get(0).subnetId()).map(Subnet::cidr).orElse("0.0.0.0/32");
        Optional<Boolean> byNsg = nsgs.ingressDecision(p, vnet, sourceIp, protocol, dstPort);
        if (byNsg.isPresent()) return byNsg.get();
        return ingressRule(portId, sourceIp, protocol, dstPort).isPresent();
    }

    /**
     * The first ingress rule of the port's security groups that lets a packet from {@code sourceIp} to
     * {@code protocol}/{@code port} in (the rule {@link #ingressAllowed} goes by when no Azure NSG decides).
     */
    public Optional<SecurityGroupRule> ingressRule(String portId, String sourceIp, String protocol, int dstPort) {
        Port p = ports.get(portId);
        if (p == null) return Optional.empty();
        for (String gid : p.securityGroupIds()) {
            for (SecurityGroupRule r : rulesOf(gid)) {
                if (!r.direction().equals("ingress") || !r.ethertype().equals("IPv4")) continue;
                if (r.protocol().isPresent() && !protocolMatches(r.protocol().get(), protocol)) continue;
                if (!protocol.equals("icmp") && r.portRangeMin().isPresent()) {
                    if (dstPort < r.portRangeMin().getAsInt() || dstPort > r.portRangeMax().orElse(r.portRangeMin().getAsInt())) continue;
                }
                if (r.remoteIpPrefix().isPresent() && !Ipv4.inCidr(sourceIp, r.remoteIpPrefix().get())) continue;
                if (r.remoteGroupId().isPresent()) {
                    String rg = r.remoteGroupId().get();
                    boolean member = ports.values().stream()
                            .anyMatch(q -> q.securityGroupIds().contains(rg) && q.fixedIps().stream().anyMatch(x -> x.ipAddress().equals(sourceIp)));
                    if (!member) continue;
                }
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static boolean protocolMatches(String ruleProto, String proto) {
        return switch (ruleProto) {
            case "6" -> proto.equals("tcp");
            case "17" -> proto.equals("udp");
            case "1" -> proto.equals("icmp");
            default -> ruleProto.equals(proto);
        };
    }
}

package novalab.engine.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.network.Model.Port;

/**
 * Azure network security groups on Neutron's data plane: each group is an ordered list of Allow and
 * Deny rules (priority 100..4096, lowest number first, first match decides) above six default rules
 * that cannot be removed; a group attached to a server's NIC (its Nova ports) decides that port's
 * ingress alone, in place of the port's Neutron security groups (allow-lists with implicit deny).
 */
public final class NetworkSecurityGroups {
    /** The Azure service tag of the platform's load-balancer probe source. */
    public static final String AZURE_LOAD_BALANCER_IP = "168.63.129.16";

    /** One security rule as ARM stores it; lists hold prefixes / port ranges ({@code *}, {@code 22}, {@code 80-90}, tags, CIDRs). */
    public record SecurityRule(String name, int priority, String direction, String access, String protocol,
                               List<String> sourceAddressPrefixes, List<String> sourcePortRanges,
                               List<String> destinationAddressPrefixes, List<String> destinationPortRanges,
                               String description) {
        public SecurityRule {
            sourceAddressPrefixes = List.copyOf(sourceAddressPrefixes);
            sourcePortRanges = List.copyOf(sourcePortRanges);
            destinationAddressPrefixes = List.copyOf(destinationAddressPrefixes);
            destinationPortRanges = List.copyOf(destinationPortRanges);
        }

        static SecurityRule any(String name, int priority, String direction, String access, String source, String destination,
                                String description) {
            return new SecurityRule(name, priority, direction, access, "*", List.of(source), List.of("*"), List.of(destination),
                    List.of("*"), description);
        }
    }

    /** A group: its key (the resource GUID), name, user rules in creation order. */
    public record NetworkSecurityGroup(String guid, String name, List<SecurityRule> securityRules) {
        public NetworkSecurityGroup { securityRules = List.copyOf(securityRules); }
    }

    /** The six rules every NSG carries, as ARM lists them in {@code defaultSecurityRules}. */
    public static final List<SecurityRule> DEFAULT_RULES = List.of(
            SecurityRule.any("AllowVnetInBound", 65000, "Inbound", "Allow", "VirtualNetwork", "VirtualNetwork",
                    "Allow inbound traffic from all VMs in VNET"),
            SecurityRule.any("AllowAzureLoadBalancerInBound", 65001, "Inbound", "Allow", "AzureLoadBalancer", "*",
                    "Allow inbound traffic from azure load balancer"),
            SecurityRule.any("DenyAllInBound", 65500, "Inbound", "Deny", "*", "*", "Deny all inbound traffic"),
            SecurityRule.any("AllowVnetOutBound", 65000, "Outbound", "Allow", "VirtualNetwork", "VirtualNetwork",
                    "Allow outbound traffic from all VMs to all VMs in VNET"),
            SecurityRule.any("AllowInternetOutBound", 65001, "Outbound", "Allow", "*", "Internet",
                    "Allow outbound traffic from all VMs to Internet"),
            SecurityRule.any("DenyAllOutBound", 65500, "Outbound", "Deny", "*", "*", "Deny all outbound traffic"));

    private final Map<String, NetworkSecurityGroup> groups = new LinkedHashMap<>();
    /** Server (Nova instance uuid, the device of its ports) → NSG guid. */
    private final Map<String, String> attachments = new LinkedHashMap<>();

    public NetworkSecurityGroup create(String guid, String name) {
        NetworkSecurityGroup g = new NetworkSecurityGroup(guid, name, List.of());
        groups.put(guid, g);
        return g;
    }

    public Optional<NetworkSecurityGroup> get(String guid) { return Optional.ofNullable(groups.get(guid)); }

    /** Adds or replaces (same name) a rule; the caller has checked priority conflicts. */
    public NetworkSecurityGroup putRule(String guid, SecurityRule rule) {
        NetworkSecurityGroup g = groups.get(guid);
        List<SecurityRule> rules = new ArrayList<>(g.securityRules());
        rules.removeIf(r -> r.name().equalsIgnoreCase(rule.name()));
        rules.add(rule);
        NetworkSecurityGroup updated = new NetworkSecurityGroup(guid, g.name(), rules);
        groups.put(guid, updated);
        return updated;
    }

    /** The user rule that already holds this priority and direction (Azure's SecurityRuleConflict), other than {@code name}. */
    public Optional<SecurityRule> conflicting(String guid, String name, int priority, String direction) {
        return groups.get(guid).securityRules().stream().filter(r -> r.priority() == priority
                && r.direction().equalsIgnoreCase(direction) && !r.name().equalsIgnoreCase(name)).findFirst();
    }

    public void delete(String guid) {
        groups.remove(guid);
        attachments.values().removeIf(g -> g.equals(guid));
    }

    /** Attaches the group to a server's NIC (all ports of the device). */
    public void attach(String deviceId, String guid) { attachments.put(deviceId, guid); }

    public void detach(String deviceId) { attachments.remove(deviceId); }

    public Optional<NetworkSecurityGroup> attachedTo(String deviceId) {
        return Optional.ofNullable(attachments.get(deviceId)).map(groups::get);
    }

    /** Servers whose NIC carries this group. */
    public List<String> devicesOf(String guid) {
        return attachments.entrySet().stream().filter(e -> e.getValue().equals(guid)).map(Map.Entry::getKey).toList();
    }

    /**
     * Azure's inbound decision for a packet to {@code port}, or empty when no NSG is attached (Neutron's
     * groups decide then): user and default rules by ascending priority, the first that matches source,
     * protocol, destination port and address decides Allow or Deny.
     *
     * @param vnetCidr the CIDR the {@code VirtualNetwork} tag stands for (the port's subnet)
     */
    public Optional<Boolean> ingressDecision(Port port, String vnetCidr, String sourceIp, String protocol, int dstPort) {
        Optional<NetworkSecurityGroup> g = attachedTo(port.deviceId());
        if (g.isEmpty()) return Optional.empty();
        List<SecurityRule> all = new ArrayList<>(g.get().securityRules());
        all.addAll(DEFAULT_RULES);
        all.sort(Comparator.comparingInt(SecurityRule::priority));
        for (SecurityRule r : all) {
            if (!r.direction().equalsIgnoreCase("Inbound")) continue;
            if (!protocolMatches(r.protocol(), protocol)) continue;
            if (r.sourceAddressPrefixes().stream().noneMatch(p -> addressMatches(p, sourceIp, vnetCidr))) continue;
            if (r.destinationAddressPrefixes().stream().noneMatch(p -> addressMatches(p, port.firstIp(), vnetCidr))) continue;
            boolean portMatch = protocol.equals("icmp")
                    ? r.destinationPortRanges().contains("*")
                    : r.destinationPortRanges().stream().anyMatch(p -> portMatches(p, dstPort));
            if (!portMatch) continue;
            return Optional.of(r.access().equalsIgnoreCase("Allow"));
        }
        return Optional.of(false);
    }

    private static boolean protocolMatches(String rule, String proto) {
        return rule.equals("*") || rule.equalsIgnoreCase(proto);
    }

    static boolean addressMatches(String prefix, String ip, String vnetCidr) {
        boolean inVnet = Ipv4.inCidr(ip, vnetCidr);
        return switch (prefix.toLowerCase()) {
            case "*", "any" -> true;
            case "virtualnetwork" -> inVnet;
            case "internet" -> !inVnet && !ip.equals(AZURE_LOAD_BALANCER_IP);
            case "azureloadbalancer" -> ip.equals(AZURE_LOAD_BALANCER_IP);
            default -> prefix.contains("/") ? Ipv4.cidr(prefix).isPresent() && Ipv4.inCidr(ip, prefix) : prefix.equals(ip);
        };
    }

    static boolean portMatches(String range, int port) {
        if (range.equals("*")) return true;
        try {
            int dash = range.indexOf('-');
            if (dash < 0) return Integer.parseInt(range.trim()) == port;
            int lo = Integer.parseInt(range.substring(0, dash).trim());
            int hi = Integer.parseInt(range.substring(dash + 1).trim());
            return port >= lo && port <= hi;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import novalab.engine.network.NetworkSecurityGroups;
import novalab.engine.network.NetworkSecurityGroups.NetworkSecurityGroup;
import novalab.engine.network.NetworkSecurityGroups.SecurityRule;

/** {@code az network nsg create|show} and {@code az network nsg rule create|list}: NSGs on the shared data plane. */
final class NetworkCommands {
    private NetworkCommands() {}

    static final String NSG_TYPE = "Microsoft.Network/networkSecurityGroups";

    static List<AzCommand> all() { return List.of(new NsgCreate(), new NsgShow(), new NsgRuleCreate(), new NsgRuleList()); }

    static AzureRegistry.Nsg nsg(AzContext ctx, String group, String name) {
        AzureRegistry.Group g = ctx.group(group);
        return ctx.registry().nsg(g.name(), name).orElseThrow(() -> AzError.resourceNotFound(NSG_TYPE, name, g.name()));
    }

    /** Creates an NSG (with its six default rules) in the registry and on the data plane. */
    static AzureRegistry.Nsg create(AzContext ctx, AzureRegistry.Group g, String name, String location) {
        String guid = ctx.registry().uuid();
        ctx.cloud().neutron().nsgs().create(guid, name);
        AzureRegistry.Nsg n = new AzureRegistry.Nsg(name, g.name(), location, guid);
        ctx.registry().putNsg(n);
        return n;
    }

    static ObjectNode ruleJson(AzContext ctx, AzureRegistry.Nsg n, SecurityRule r, boolean isDefault) {
        ObjectNode o = AzOutput.object();
        o.put("access", r.access());
        o.put("description", r.description().isEmpty() ? null : r.description());
        single(o, "destinationAddressPrefix", r.destinationAddressPrefixes());
        single(o, "destinationPortRange", r.destinationPortRanges());
        o.put("direction", r.direction());
        o.put("etag", "W/\"" + n.guid() + "\"");
        o.put("id", ctx.resourceId(n.group(), NSG_TYPE, n.name()) + (isDefault ? "/defaultSecurityRules/" : "/securityRules/") + r.name());
        o.put("name", r.name());
        o.put("priority", r.priority());
        o.put("protocol", r.protocol());
        o.put("provisioningState", "Succeeded");
        o.put("resourceGroup", n.group());
        single(o, "sourceAddressPrefix", r.sourceAddressPrefixes());
        single(o, "sourcePortRange", r.sourcePortRanges());
        o.put("type", NSG_TYPE + "/" + (isDefault ? "defaultSecurityRules" : "securityRules"));
        return o;
    }

    /** ARM's pair: one value → the singular field and an empty list; several → null and the list. */
    private static void single(ObjectNode o, String field, List<String> values) {
        ArrayNode list = o.putArray(field + "es".substring(field.endsWith("Prefix") ? 0 : 1));
        if (values.size() == 1) {
            o.put(field, values.get(0));
        } else {
            o.putNull(field);
            values.forEach(list::add);
        }
    }

    static ObjectNode nsgJson(AzContext ctx, AzureRegistry.Nsg n) {
        NetworkSecurityGroup g = ctx.cloud().neutron().nsgs().get(n.guid()).orElseThrow();
        ObjectNode o = AzOutput.object();
        ArrayNode defaults = o.putArray("defaultSecurityRules");
        NetworkSecurityGroups.DEFAULT_RULES.forEach(r -> defaults.add(ruleJson(ctx, n, r, true)));
        o.put("etag", "W/\"" + n.guid() + "\"");
        o.put("id", ctx.resourceId(n.group(), NSG_TYPE, n.name()));
        o.put("location", n.location());
        o.put("name", n.name());
        ArrayNode nics = AzOutput.NODES.arrayNode();
        for (String device : ctx.cloud().neutron().nsgs().devicesOf(n.guid())) {
            ctx.registry().vms().stream().filter(v -> v.serverId().equals(device)).findFirst().ifPresent(v ->
                    nics.add(AzOutput.object().put("id", ctx.resourceId(v.group(), "Microsoft.Network/networkInterfaces", v.name() + "VMNic"))
                            .put("resourceGroup", v.group())));
        }
        if (nics.isEmpty()) o.putNull("networkInterfaces");
        else o.set("networkInterfaces", nics);
        o.put("provisioningState", "Succeeded");
        o.put("resourceGroup", n.group());
        o.put("resourceGuid", n.guid());
        ArrayNode rules = o.putArray("securityRules");
        g.securityRules().forEach(r -> rules.add(ruleJson(ctx, n, r, false)));
        o.put("type", NSG_TYPE);
        return o;
    }

    static final class NsgCreate implements AzCommand {
        public String name() { return "network nsg create"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("Create a network security group.").required("--name -n", "Name of the new network security group resource.")
                    .required("--resource-group -g", "Name of resource group.").one("--location -l", "Location.")
                    .many("--tags", "Space-separated tags: key[=value] [key[=value] ...].");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Group g = ctx.group(a.get("--resource-group"));
            String loc = a.opt("--location").map(GroupCommands::location).orElse(g.location());
            AzureRegistry.Nsg n = ctx.registry().nsg(g.name(), a.get("--name")).orElseGet(() -> create(ctx, g, a.get("--name"), loc));
            ObjectNode out = AzOutput.object();
            out.set("NewNSG", nsgJson(ctx, n));
            return Optional.of(out);
        }
    }

    static final class NsgShow implements AzCommand {
        public String name() { return "network nsg show"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("Get information about a network security group.").required("--name -n", "Name of the network security group.")
                    .required("--resource-group -g", "Name of resource group.");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            return Optional.of(nsgJson(ctx, nsg(ctx, a.get("--resource-group"), a.get("--name"))));
        }
    }

    /** Adds or replaces a rule; the same priority and direction as another rule is ARM's SecurityRuleConflict. */
    static SecurityRule putRule(AzContext ctx, AzureRegistry.Nsg n, SecurityRule r) {
        NetworkSecurityGroups nsgs = ctx.cloud().neutron().nsgs();
        Optional<SecurityRule> other = nsgs.conflicting(n.guid(), r.name(), r.priority(), r.direction());
        if (other.isPresent()) {
            throw AzError.arm("SecurityRuleConflict", "Security rule " + r.name() + " conflicts with rule " + other.get().name()
                    + ". Rules cannot have the same Priority and Direction. To learn more, see aka.ms/nsgrules.", false);
        }
        nsgs.putRule(n.guid(), r);
        return r;
    }

    static final class NsgRuleCreate implements AzCommand {
        public String name() { return "network nsg rule create"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("Create a network security group rule.").required("--name -n", "Name of the network security group rule.")
                    .required("--nsg-name", "Name of the network security group.").required("--priority", "Rule priority, between 100 (highest priority) and 4096 (lowest priority). Must be unique for each rule in the collection.")
                    .required("--resource-group -g", "Name of resource group.")
                    .choice("--access", List.of("Allow", "Deny"), "The network traffic is allowed or denied.")
                    .one("--description", "Rule description.")
                    .choice("--direction", List.of("Inbound", "Outbound"), "Direction of the rule.")
                    .choice("--protocol", List.of("*", "Ah", "Esp", "Icmp", "Tcp", "Udp"), "Network protocol this rule applies to.")
                    .many("--destination-address-prefixes", "Space-separated list of CIDR prefixes or IP ranges. Alternatively, specify ONE of 'VirtualNetwork', 'AzureLoadBalancer', 'Internet' or '*' to match all IPs.")
                    .many("--destination-port-ranges", "Space-separated list of ports or port ranges between 0-65535. Use '*' to match all ports.")
                    .many("--source-address-prefixes", "Space-separated list of CIDR prefixes or IP ranges. Alternatively, specify ONE of 'VirtualNetwork', 'AzureLoadBalancer', 'Internet' or '*' to match all IPs.")
                    .many("--source-port-ranges", "Space-separated list of ports or port ranges between 0-65535. Use '*' to match all ports.")
                    .flag("--no-wait", "Do not wait for the long-running operation to finish.");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            int priority = a.integer("--priority", "--priority").orElseThrow();
            AzureRegistry.Nsg n = nsg(ctx, a.get("--resource-group"), a.get("--nsg-name"));
            if (priority < 100 || priority > 4096) {
                throw AzError.arm("SecurityRuleInvalidPriority", "Security rule has invalid Priority. Value provided: " + priority
                        + " Allowed range 100-4096.", false);
            }
            for (String p : a.list("--destination-port-ranges")) validPort(p);
            for (String p : a.list("--source-port-ranges")) validPort(p);
            SecurityRule r = new SecurityRule(a.get("--name"), priority, a.opt("--direction").orElse("Inbound"),
                    a.opt("--access").orElse("Allow"), a.opt("--protocol").orElse("*"), or(a.list("--source-address-prefixes"), "*"),
                    or(a.list("--source-port-ranges"), "*"), or(a.list("--destination-address-prefixes"), "*"),
                    or(a.list("--destination-port-ranges"), "80"), a.get("--description"));
            putRule(ctx, n, r);
            return Optional.of(ruleJson(ctx, n, r, false));
        }

        private static List<String> or(List<String> v, String dflt) { return v.isEmpty() ? List.of(dflt) : v; }
    }

    static void validPort(String p) {
        boolean ok = p.equals("*") || p.matches("\\d{1,5}(-\\d{1,5})?")
                && java.util.Arrays.stream(p.split("-")).allMatch(x -> Integer.parseInt(x) <= 65535);
        if (!ok) {
            throw AzError.arm("SecurityRuleInvalidPortRange", "Security rule has invalid Port range. Value provided: " + p
                    + ". Value should be an integer OR integer range with '-' delimiter. Valid range 0-65535.", false);
        }
    }

    static final class NsgRuleList implements AzCommand {
        public String name() { return "network nsg rule list"; }

        public AzArgs.Spec spec() {
            return new AzArgs.Spec("List all rules in a network security group.").required("--nsg-name", "Name of the network security group.")
                    .required("--resource-group -g", "Name of resource group.").flag("--include-default", "Include default security rules in the output.");
        }

        public Optional<JsonNode> run(AzContext ctx, AzArgs a) {
            AzureRegistry.Nsg n = nsg(ctx, a.get("--resource-group"), a.get("--nsg-name"));
            ArrayNode out = AzOutput.NODES.arrayNode();
            ctx.cloud().neutron().nsgs().get(n.guid()).orElseThrow().securityRules().forEach(r -> out.add(ruleJson(ctx, n, r, false)));
            if (a.flag("--include-default")) NetworkSecurityGroups.DEFAULT_RULES.forEach(r -> out.add(ruleJson(ctx, n, r, true)));
            return Optional.of(out);
        }
    }
}

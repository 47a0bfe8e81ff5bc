package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Model.SecurityGroupRule;

/** {@code aws ec2 describe-security-groups}: Neutron groups, their rules folded into EC2 IpPermissions. */
final class DescribeSecurityGroups implements Ec2Operation {
    private static final Map<String, Function<ObjectNode, List<String>>> FILTERS = Map.of(
            "group-name", o -> List.of(o.path("GroupName").asText()),
            "group-id", o -> List.of(o.path("GroupId").asText()),
            "description", o -> List.of(o.path("Description").asText()),
            "vpc-id", o -> List.of(o.path("VpcId").asText()),
            "owner-id", o -> List.of(o.path("OwnerId").asText()));

    public String name() { return "describe-security-groups"; }
    public String apiName() { return "DescribeSecurityGroups"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().list("--group-ids", "--group-names").structs("--filters").flag("--dry-run")
                .integer("--max-items", "--page-size").string("--starting-token");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        List<SecurityGroup> groups = new ArrayList<>();
        for (String id : req.list("--group-ids")) groups.add(ctx.groupById(id));
        for (String n : req.list("--group-names")) groups.add(ctx.groupByName(n));
        if (!req.has("--group-ids") && !req.has("--group-names")) {
            ctx.groups().stream().filter(g -> g.projectId().equals(ctx.rc().projectId())).forEach(groups::add);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (SecurityGroup g : groups) items.add(of(ctx, g));
        items = Filters.apply(req.structs("--filters"), FILTERS, items);
        ArrayNode arr = AwsJson.arr();
        items.forEach(arr::add);
        return Optional.of(AwsJson.obj().set("SecurityGroups", arr));
    }

    static ObjectNode of(Ec2Context ctx, SecurityGroup g) {
        ObjectNode o = AwsJson.obj().put("Description", g.description()).put("GroupName", g.name());
        List<SecurityGroupRule> rules = ctx.neutron().rulesOf(g.id());
        o.set("IpPermissions", permissions(ctx, rules, "ingress"));
        o.put("OwnerId", Ec2Names.accountId(g.projectId())).put("GroupId", Ec2Names.groupId(g.id()));
        o.set("IpPermissionsEgress", permissions(ctx, rules, "egress"));
        o.put("VpcId", ctx.defaultVpcId());
        return o;
    }

    private static ArrayNode permissions(Ec2Context ctx, List<SecurityGroupRule> rules, String direction) {
        Map<String, ObjectNode> perms = new LinkedHashMap<>();
        for (SecurityGroupRule r : rules) {
            if (!r.direction().equals(direction)) continue;
            String proto = r.protocol().orElse("-1");
            String key = proto + "/" + r.portRangeMin() + "/" + r.portRangeMax();
            ObjectNode p = perms.computeIfAbsent(key, k -> {
                ObjectNode n = AwsJson.obj();
                boolean ported = !proto.equals("-1");
                if (ported) n.put("FromPort", r.portRangeMin().orElse(proto.equals("icmp") ? -1 : 0));
                n.put("IpProtocol", proto);
                n.set("IpRanges", AwsJson.arr());
                n.set("Ipv6Ranges", AwsJson.arr());
                n.set("PrefixListIds", AwsJson.arr());
                if (ported) n.put("ToPort", r.portRangeMax().orElse(proto.equals("icmp") ? -1 : 65535));
                n.set("UserIdGroupPairs", AwsJson.arr());
                return n;
            });
            if (r.remoteGroupId().isPresent()) {
                String gid = Ec2Names.groupId(r.remoteGroupId().get());
                boolean seen = false;
                for (JsonNode x : p.get("UserIdGroupPairs")) seen |= x.path("GroupId").asText().equals(gid);
                if (seen) continue;
                ((ArrayNode) p.get("UserIdGroupPairs")).add(AwsJson.obj().put("GroupId", Ec2Names.groupId(r.remoteGroupId().get()))
                        .put("UserId", Ec2Names.accountId(r.projectId())));
            } else if (r.ethertype().equals("IPv6")) {
                ObjectNode range = AwsJson.obj().put("CidrIpv6", r.remoteIpPrefix().orElse("::/0"));
                if (!r.description().isEmpty()) range.put("Description", r.description());
                ((ArrayNode) p.get("Ipv6Ranges")).add(range);
            } else {
                ObjectNode range = AwsJson.obj().put("CidrIp", r.remoteIpPrefix().orElse("0.0.0.0/0"));
                if (!r.description().isEmpty()) range.put("Description", r.description());
                ((ArrayNode) p.get("IpRanges")).add(range);
            }
        }
        ArrayNode arr = AwsJson.arr();
        perms.values().forEach(arr::add);
        return arr;
    }
}

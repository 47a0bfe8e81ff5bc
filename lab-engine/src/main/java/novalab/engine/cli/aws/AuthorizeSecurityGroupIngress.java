package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import novalab.engine.common.CloudError;
import novalab.engine.network.Model.SecurityGroup;
import novalab.engine.network.Model.SecurityGroupRule;
import novalab.engine.network.Neutron;

/**
 * {@code aws ec2 authorize-security-group-ingress}: the shorthand ({@code --protocol/--port/--cidr}, rewritten
 * client-side into one permission as secgroupsimplify.py does) or {@code --ip-permissions}; each CIDR or
 * source group of each permission becomes one Neutron ingress rule, so the data plane obeys it unchanged.
 */
final class AuthorizeSecurityGroupIngress implements Ec2Operation {
    public String name() { return "authorize-security-group-ingress"; }
    public String apiName() { return "AuthorizeSecurityGroupIngress"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().string("--group-id", "--group-name", "--protocol", "--port", "--cidr", "--source-group", "--group-owner")
                .structs("--ip-permissions", "--tag-specifications").flag("--dry-run");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        List<JsonNode> perms = permissions(req);
        SecurityGroup g;
        if (req.string("--group-id").isPresent()) g = ctx.groupById(req.string("--group-id").get());
        else if (req.string("--group-name").isPresent()) g = ctx.groupByName(req.string("--group-name").get());
        else throw new Ec2Error("MissingParameter", "The request must contain the parameter groupName or groupId");
        List<Neutron.RuleRequest> requests = new ArrayList<>();
        for (JsonNode p : perms) requests.addAll(rules(ctx, g, p));
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        ArrayNode out = AwsJson.arr();
        for (Neutron.RuleRequest rr : requests) {
            SecurityGroupRule r;
            try {
                r = ctx.neutron().createRule(ctx.rc(), rr);
            } catch (CloudError e) {
                if (e.status() == 409) {
                    throw new Ec2Error("InvalidPermission.Duplicate", "the specified rule \"peer: " + rr.remoteIpPrefix().orElse(rr.remoteGroupId()
                            .map(Ec2Names::groupId).orElse("0.0.0.0/0")) + ", " + rr.protocol().orElse("ALL").toUpperCase()
                            + (rr.portRangeMin().isPresent() ? ", from port: " + rr.portRangeMin().getAsInt() + ", to port: "
                            + rr.portRangeMax().getAsInt() : "") + ", ALLOW\" already exists");
                }
                throw Ec2Context.translate(e);
            }
            ObjectNode o = AwsJson.obj().put("SecurityGroupRuleId", Ec2Names.ruleId(r.id())).put("GroupId", Ec2Names.groupId(g.id()))
                    .put("GroupOwnerId", Ec2Names.accountId(g.projectId())).put("IsEgress", false).put("IpProtocol", r.protocol().orElse("-1"))
                    .put("FromPort", r.portRangeMin().orElse(-1)).put("ToPort", r.portRangeMax().orElse(-1));
            r.remoteIpPrefix().ifPresent(c -> o.put("CidrIpv4", c));
            r.remoteGroupId().ifPresent(x -> o.set("ReferencedGroupInfo", AwsJson.obj().put("GroupId", Ec2Names.groupId(x))
                    .put("UserId", Ec2Names.accountId(r.projectId()))));
            if (!r.description().isEmpty()) o.put("Description", r.description());
            out.add(o);
        }
        ObjectNode res = AwsJson.obj().put("Return", true);
        res.set("SecurityGroupRules", out);
        return Optional.of(res);
    }

    /** The permissions to add: the shorthand options folded into one, or the --ip-permissions list. */
    private static List<JsonNode> permissions(Ec2Request req) {
        List<String> shorthand = new ArrayList<>();
        for (String o : List.of("--protocol", "--port", "--cidr", "--source-group", "--group-owner")) if (req.has(o)) shorthand.add(o);
        if (req.has("--ip-permissions")) {
            if (!shorthand.isEmpty()) {
                throw AwsExit.param("The " + shorthand.get(0) + " option is not compatible with the --ip-permissions option");
            }
            return req.structs("--ip-permissions");
        }
        if (shorthand.isEmpty()) return List.of();
        ObjectNode p = AwsJson.obj();
        String proto = req.string("--protocol").orElse("");
        if (req.has("--protocol")) {
            if (proto.equals("all")) proto = "-1";
            if (!proto.matches("tcp|udp|icmp|-1|\\d+")) {
                throw AwsExit.param("protocol parameter should be one of: tcp|udp|icmp|all or any valid protocol number.");
            }
            if (proto.matches("\\d+") && (proto.length() > 3 || Integer.parseInt(proto) > 255)) {
                throw AwsExit.param("protocol numbers must be in the range 0-255 or -1 to specify all protocols");
            }
            p.put("IpProtocol", proto);
        }
        if (req.has("--port")) {
            String port = req.string("--port").get();
            if (!port.matches("-1|\\d{1,5}(-\\d{1,5})?")) throw AwsExit.param("port parameter should be of the form <from[-to]> (e.g. 22 or 22-25)");
            String[] parts = port.equals("-1") ? new String[] {"-1", "-1"} : port.split("-");
            p.put("FromPort", Integer.parseInt(parts[0])).put("ToPort", Integer.parseInt(parts.length > 1 ? parts[1] : parts[0]));
        }
        req.string("--cidr").ifPresent(c -> p.set("IpRanges", AwsJson.arr().add(AwsJson.obj().put("CidrIp", c))));
        req.string("--source-group").ifPresent(sg -> p.set("UserIdGroupPairs", AwsJson.arr().add(
                sg.startsWith("sg-") ? AwsJson.obj().put("GroupId", sg) : AwsJson.obj().put("GroupName", sg))));
        return List.of(p);
    }

    private static List<Neutron.RuleRequest> rules(Ec2Context ctx, SecurityGroup g, JsonNode p) {
        String proto = p.path("IpProtocol").asText("");
        if (proto.isEmpty()) throw new Ec2Error("MissingParameter", "The request must contain the parameter ipPermissions.protocol");
        String neutronProto = switch (proto.toLowerCase()) {
            case "-1", "all" -> "";
            case "6" -> "tcp";
            case "17" -> "udp";
            case "1" -> "icmp";
            default -> proto.toLowerCase();
        };
        if (!neutronProto.isEmpty() && !neutronProto.matches("tcp|udp|icmp|\\d{1,3}")) {
            throw new Ec2Error("InvalidParameterValue", "Invalid value '" + proto + "' for IP protocol. Unknown protocol.");
        }
        OptionalInt from = OptionalInt.empty();
        OptionalInt to = OptionalInt.empty();
        if (neutronProto.equals("tcp") || neutronProto.equals("udp")) {
            if (!p.has("FromPort") || !p.has("ToPort")) {
                throw new Ec2Error("InvalidParameterValue", "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.");
            }
            int f = p.path("FromPort").asInt(-2);
            int t = p.path("ToPort").asInt(-2);
            if (f < 0 || t > 65535 || f > t) {
                throw new Ec2Error("InvalidParameterValue", "Invalid TCP/UDP port range: FromPort " + f + ", ToPort " + t + ".");
            }
            from = OptionalInt.of(f);
            to = OptionalInt.of(t);
        } else if (neutronProto.equals("icmp") && p.path("FromPort").asInt(-1) >= 0) {
            from = OptionalInt.of(p.path("FromPort").asInt());
            if (p.path("ToPort").asInt(-1) >= 0) to = OptionalInt.of(p.path("ToPort").asInt());
        }
        Optional<String> protoOpt = neutronProto.isEmpty() ? Optional.empty() : Optional.of(neutronProto);
        List<Neutron.RuleRequest> out = new ArrayList<>();
        for (JsonNode r : p.path("IpRanges")) {
            String cidr = r.path("CidrIp").asText("");
            if (!cidr.matches("\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}")) {
                throw new Ec2Error("InvalidParameterValue", "CIDR block " + cidr + " is malformed");
            }
            out.add(new Neutron.RuleRequest(g.id(), "ingress", "IPv4", protoOpt, from, to, Optional.of(cidr), Optional.empty(),
                    r.path("Description").asText("")));
        }
        for (JsonNode r : p.path("UserIdGroupPairs")) {
            SecurityGroup src = r.has("GroupId") ? ctx.groupById(r.path("GroupId").asText()) : ctx.groupByName(r.path("GroupName").asText());
            out.add(new Neutron.RuleRequest(g.id(), "ingress", "IPv4", protoOpt, from, to, Optional.empty(), Optional.of(src.id()),
                    r.path("Description").asText("")));
        }
        if (out.isEmpty()) {
            out.add(new Neutron.RuleRequest(g.id(), "ingress", "IPv4", protoOpt, from, to, Optional.of("0.0.0.0/0"), Optional.empty(), ""));
        }
        return out;
    }
}

package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import novalab.engine.common.CloudError;
import novalab.engine.network.Model.SecurityGroup;

/** {@code aws ec2 create-security-group}: a Neutron security group (which starts with Neutron's egress-all rules). */
final class CreateSecurityGroup implements Ec2Operation {
    public String name() { return "create-security-group"; }
    public String apiName() { return "CreateSecurityGroup"; }

    public Ec2Request.Spec spec() {
        return new Ec2Request.Spec().string("--group-name", "--description", "--vpc-id").structs("--tag-specifications")
                .flag("--dry-run").required("--description", "--group-name");
    }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        String name = req.string("--group-name").orElse("");
        String vpc = req.string("--vpc-id").orElse(ctx.defaultVpcId());
        if (req.string("--vpc-id").isPresent() && !vpc.equals(ctx.defaultVpcId())) {
            throw new Ec2Error("InvalidVpcID.NotFound", "The vpc ID '" + vpc + "' does not exist");
        }
        if (name.startsWith("sg-")) throw new Ec2Error("InvalidParameterValue", "Group names may not be in the format sg-*");
        if (name.isEmpty()) throw new Ec2Error("InvalidParameterValue", "Invalid value '' for groupName. Length of value must be at least 1.");
        if (ctx.groups().stream().anyMatch(g -> g.name().equals(name) && g.projectId().equals(ctx.rc().projectId()))) {
            throw new Ec2Error("InvalidGroup.Duplicate", "The security group '" + name + "' already exists for VPC '" + vpc + "'");
        }
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        SecurityGroup g;
        try {
            g = ctx.neutron().createSecurityGroup(ctx.rc(), name, req.string("--description").orElse(""));
        } catch (CloudError e) {
            throw Ec2Context.translate(e);
        }
        return Optional.of(AwsJson.obj().put("GroupId", Ec2Names.groupId(g.id())));
    }
}

package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import novalab.engine.common.CloudError;
import novalab.engine.network.Model.SecurityGroup;

/** {@code aws ec2 delete-security-group}: deletes the Neutron group unless an instance's port still uses it; prints nothing. */
final class DeleteSecurityGroup implements Ec2Operation {
    public String name() { return "delete-security-group"; }
    public String apiName() { return "DeleteSecurityGroup"; }

    public Ec2Request.Spec spec() { return new Ec2Request.Spec().string("--group-id", "--group-name").flag("--dry-run"); }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        SecurityGroup g;
        if (req.string("--group-id").isPresent()) g = ctx.groupById(req.string("--group-id").get());
        else if (req.string("--group-name").isPresent()) g = ctx.groupByName(req.string("--group-name").get());
        else throw new Ec2Error("MissingParameter", "The request must contain the parameter groupName or groupId");
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        if (g.name().equals("default")) throw new Ec2Error("CannotDelete", "the specified group: \"" + Ec2Names.groupId(g.id()) + "\" name: \"default\" cannot be deleted by a user");
        try {
            ctx.neutron().deleteSecurityGroup(ctx.rc(), g.id());
        } catch (CloudError e) {
            if (e.status() == 409) throw new Ec2Error("DependencyViolation", "resource " + Ec2Names.groupId(g.id()) + " has a dependent object");
            throw Ec2Context.translate(e);
        }
        return Optional.empty();
    }
}

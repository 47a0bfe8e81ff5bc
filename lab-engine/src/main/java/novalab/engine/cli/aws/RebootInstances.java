package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import novalab.engine.api.ServerAction;
import novalab.engine.api.ServerView;
import novalab.engine.common.CloudError;

/** {@code aws ec2 reboot-instances}: Nova's soft reboot of each instance; prints nothing. */
final class RebootInstances implements Ec2Operation {
    public String name() { return "reboot-instances"; }
    public String apiName() { return "RebootInstances"; }

    public Ec2Request.Spec spec() { return new Ec2Request.Spec().list("--instance-ids").flag("--dry-run").required("--instance-ids"); }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        List<ServerView> views = ctx.instances(req.list("--instance-ids"));
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        for (int i = 0; i < views.size(); i++) {
            try {
                ctx.compute().action(ctx.token(), views.get(i).id(), ServerAction.REBOOT_SOFT);
            } catch (CloudError e) {
                throw new Ec2Error("IncorrectState", "The instance '" + req.list("--instance-ids").get(i) + "' is not in a state from which it can be rebooted.");
            }
        }
        return Optional.empty();
    }
}

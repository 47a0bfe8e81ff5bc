package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import novalab.engine.api.ServerView;
import novalab.engine.common.CloudError;

/** {@code aws ec2 get-console-output}: Nova's console log; before the guest has one, only the id and timestamp. */
final class GetConsoleOutput implements Ec2Operation {
    public String name() { return "get-console-output"; }
    public String apiName() { return "GetConsoleOutput"; }

    public Ec2Request.Spec spec() { return new Ec2Request.Spec().string("--instance-id").flag("--latest", "--dry-run").required("--instance-id"); }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        String iid = req.string("--instance-id").get();
        ServerView v = ctx.instance(iid);
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        ObjectNode o = AwsJson.obj().put("InstanceId", iid);
        try {
            String log = ctx.compute().consoleOutput(ctx.token(), v.id(), Optional.empty());
            if (!log.isEmpty()) o.put("Output", log);
        } catch (CloudError e) {
            // not built yet: EC2 answers without Output
        }
        o.put("Timestamp", Ec2Names.timestamp(ctx.cloud().clock().isoZ()));
        return Optional.of(o);
    }
}

package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import novalab.engine.api.ServerView;

/** What stop-, start- and terminate-instances share: per instance, the previous state, the Nova call, the current state. */
abstract class StateChange implements Ec2Operation {
    /** The list key of the response ({@code StoppingInstances}). */
    abstract String resultKey();

    /** Calls nova-api for one instance (or does nothing when EC2 treats it as a no-op) and returns its EC2 state afterwards. */
    abstract Ec2Names.State change(Ec2Context ctx, String instanceId, ServerView v, Ec2Names.State previous, Ec2Request req);

    public Ec2Request.Spec spec() { return new Ec2Request.Spec().list("--instance-ids").flag("--dry-run", "--force", "--hibernate").required("--instance-ids"); }

    public Optional<JsonNode> execute(Ec2Context ctx, Ec2Request req) {
        List<String> ids = req.list("--instance-ids");
        for (String id : ids) {
            if (ctx.terminated().visible(ctx.nowMs()).containsKey(id) && ctx.servers().stream().noneMatch(v -> Ec2Names.instanceId(v.id()).equals(id))) {
                if (apiName().equals("TerminateInstances")) continue;
                throw new Ec2Error("IncorrectInstanceState", "The instance '" + id + "' is not in a state from which it can be "
                        + (apiName().equals("StopInstances") ? "stopped" : "started") + ".");
            }
        }
        List<String> live = ids.stream().filter(id -> !ctx.terminated().visible(ctx.nowMs()).containsKey(id)).toList();
        List<ServerView> views = ctx.instances(live);
        if (req.flag("--dry-run")) throw RunInstances.dryRun();
        ArrayNode out = AwsJson.arr();
        for (int i = 0; i < ids.size(); i++) {
            if (!live.contains(ids.get(i))) {
                ObjectNode o = AwsJson.obj();
                o.set("CurrentState", AwsJson.state(Ec2Names.TERMINATED));
                o.put("InstanceId", ids.get(i));
                o.set("PreviousState", AwsJson.state(Ec2Names.TERMINATED));
                out.add(o);
                continue;
            }
            ServerView v = views.get(live.indexOf(ids.get(i)));
            Ec2Names.State prev = Ec2Names.state(v);
            Ec2Names.State cur;
            try {
                cur = change(ctx, ids.get(i), v, prev, req);
            } catch (novalab.engine.common.CloudError e) {
                String verb = switch (apiName()) {
                    case "StopInstances" -> "stopped";
                    case "StartInstances" -> "started";
                    default -> "terminated";
                };
                throw new Ec2Error("IncorrectInstanceState", "The instance '" + ids.get(i) + "' is not in a state from which it can be " + verb + ".");
            }
            ObjectNode o = AwsJson.obj();
            o.set("CurrentState", AwsJson.state(cur));
            o.put("InstanceId", ids.get(i));
            o.set("PreviousState", AwsJson.state(prev));
            out.add(o);
        }
        return Optional.of(AwsJson.obj().set(resultKey(), out));
    }

    static Ec2Names.State now(Ec2Context ctx, ServerView v) { return Ec2Names.state(ctx.compute().server(ctx.token(), v.id())); }
}

package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import novalab.engine.api.ServerView;

/** {@code aws ec2 terminate-instances}: Nova's delete; the instance stays visible as terminated for an hour. */
final class TerminateInstances extends StateChange {
    public String name() { return "terminate-instances"; }
    public String apiName() { return "TerminateInstances"; }
    String resultKey() { return "TerminatingInstances"; }

    Ec2Names.State change(Ec2Context ctx, String iid, ServerView v, Ec2Names.State prev, Ec2Request req) {
        if (prev == Ec2Names.TERMINATED && v.fault().isEmpty()) return prev;
        ObjectNode last = ctx.instanceJson(v);
        String reservation = ctx.compute().instanceOf(ctx.token(), v.id()).reservationId;
        ctx.compute().deleteServer(ctx.token(), v.id());
        last.set("State", AwsJson.state(Ec2Names.TERMINATED));
        last.put("StateTransitionReason", "User initiated");
        last.remove("PublicIpAddress");
        last.set("NetworkInterfaces", AwsJson.arr());
        last.remove("PrivateIpAddress");
        last.put("PrivateDnsName", "");
        ObjectNode reason = AwsJson.obj().put("Code", "Client.UserInitiatedShutdown")
                .put("Message", "Client.UserInitiatedShutdown: User initiated shutdown");
        ctx.terminated().add(iid, new Terminated.Gone(reservation, withStateReason(last, reason), ctx.nowMs()));
        return Ec2Names.SHUTTING_DOWN;
    }

    /** The instance with its StateReason where the service model has it (after SourceDestCheck, before Tags), as botocore prints it. */
    private static ObjectNode withStateReason(ObjectNode instance, ObjectNode reason) {
        if (instance.has("StateReason")) return instance.set("StateReason", reason);
        ObjectNode out = AwsJson.obj();
        boolean placed = false;
        var it = instance.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!placed && (e.getKey().equals("Tags") || e.getKey().equals("VirtualizationType") || e.getKey().equals("CpuOptions"))) {
                out.set("StateReason", reason);
                placed = true;
            }
            out.set(e.getKey(), e.getValue());
        }
        if (!placed) out.set("StateReason", reason);
        return out;
    }
}

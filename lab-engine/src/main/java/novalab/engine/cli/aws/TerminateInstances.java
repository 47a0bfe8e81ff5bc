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
        last.set("StateReason", AwsJson.obj().put("Code", "Client.UserInitiatedShutdown")
                .put("Message", "Client.UserInitiatedShutdown: User initiated shutdown"));
        ctx.terminated().add(iid, new Terminated.Gone(reservation, last, ctx.nowMs()));
        return Ec2Names.SHUTTING_DOWN;
    }
}

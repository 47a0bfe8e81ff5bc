package novalab.engine.cli.aws;

import novalab.engine.api.ServerAction;
import novalab.engine.api.ServerView;

/** {@code aws ec2 start-instances}: Nova's start action; starting a running instance is a no-op. */
final class StartInstances extends StateChange {
    public String name() { return "start-instances"; }
    public String apiName() { return "StartInstances"; }
    String resultKey() { return "StartingInstances"; }

    Ec2Names.State change(Ec2Context ctx, String iid, ServerView v, Ec2Names.State prev, Ec2Request req) {
        if (prev == Ec2Names.RUNNING || prev == Ec2Names.PENDING) return prev;
        if (prev != Ec2Names.STOPPED) {
            throw new Ec2Error("IncorrectInstanceState", "The instance '" + iid + "' is not in a state from which it can be started.");
        }
        ctx.compute().action(ctx.token(), v.id(), v.vmState().startsWith("shelved") ? ServerAction.UNSHELVE : ServerAction.START);
        Ec2Names.State cur = now(ctx, v);
        return cur == Ec2Names.RUNNING ? cur : Ec2Names.PENDING;
    }
}

package novalab.engine.cli.aws;

import novalab.engine.api.ServerAction;
import novalab.engine.api.ServerView;

/** {@code aws ec2 stop-instances}: Nova's stop action; stopping a stopped instance is a no-op. */
final class StopInstances extends StateChange {
    public String name() { return "stop-instances"; }
    public String apiName() { return "StopInstances"; }
    String resultKey() { return "StoppingInstances"; }

    Ec2Names.State change(Ec2Context ctx, String iid, ServerView v, Ec2Names.State prev, Ec2Request req) {
        if (prev == Ec2Names.STOPPED || prev == Ec2Names.STOPPING) return prev;
        if (prev == Ec2Names.PENDING && v.launchedAt().isEmpty()) {
            throw new Ec2Error("IncorrectInstanceState", "Instance '" + iid + "' cannot be stopped as it has never reached the 'running' state.");
        }
        if (prev != Ec2Names.RUNNING) throw new Ec2Error("IncorrectInstanceState", "This instance '" + iid + "' is not in a state from which it can be stopped.");
        ctx.compute().action(ctx.token(), v.id(), ServerAction.STOP);
        Ec2Names.State cur = now(ctx, v);
        return cur == Ec2Names.STOPPED ? cur : Ec2Names.STOPPING;
    }
}

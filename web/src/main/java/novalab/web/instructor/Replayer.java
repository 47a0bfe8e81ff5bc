package novalab.web.instructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import novalab.engine.Cloud;
import novalab.engine.Sandbox;
import novalab.engine.compute.Instance;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.shell.ExecResult;
import novalab.exercises.Exercise;
import novalab.exercises.ExerciseSandbox;
import novalab.exercises.checks.Probe;
import novalab.web.Chrome;
import novalab.web.lab.Command;

/** Rebuilds the state after command N of a history by replaying commands 1..N in a fresh sandbox of the exercise. */
final class Replayer {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B[@-Z\\\\-_]");

    private Replayer() {}

    static ReplayPage at(Chrome chrome, Exercise ex, StudentHistory h, int step, String grade) {
        List<Command> cmds = h.commands();
        String line = "";
        String output = "";
        int status = 0;
        try (Sandbox box = ExerciseSandbox.create(ex, "fake")) {
            for (int i = 0; i < step; i++) {
                Command c = cmds.get(i);
                ExecResult r;
                try {
                    r = run(box, c);
                } catch (RuntimeException | StackOverflowError e) {
                    r = new ExecResult("", "", "(the lab's engine failed on this command: " + e.getClass().getSimpleName() + ")\n", 1);
                }
                if (i == step - 1) {
                    line = c.line();
                    output = ANSI.matcher(r.output()).replaceAll("");
                    status = r.status();
                }
            }
            return new ReplayPage(chrome, h.userId(), h.student(), ex.id(), ex.title(), h.epoch(), step, cmds.size(), line, output, status,
                    servers(box.cloud()), hosts(box.cloud()), cmds, grade);
        }
    }

    /** A terminal line through the shell; a request the student's own client made ({@code __api …}, {@code __ec2 …}) through the wire API, as the lab replays it. */
    private static ExecResult run(Sandbox box, Command c) {
        Optional<novalab.engine.wire.ApiResponse> answered = novalab.engine.wire.HistoryLines.replayRequest(box, c.offsetMs(), c.line());
        if (answered.isEmpty()) return box.run(c.offsetMs(), c.line());
        novalab.engine.wire.ApiResponse r = answered.get();
        String out = "HTTP " + r.status() + "\n" + r.body() + (r.body().endsWith("\n") ? "" : "\n");
        return new ExecResult(out, "", out, r.status() < 400 ? 0 : 1);
    }

    private static List<ReplayPage.Server> servers(Cloud cloud) {
        List<ReplayPage.Server> out = new ArrayList<>();
        for (Instance i : cloud.db().instances()) {
            if (i.deleted()) continue;
            out.add(new ReplayPage.Server(i.displayName, Probe.status(i), i.host().orElse("(none)"), i.flavor.name()));
        }
        return out;
    }

    private static List<ReplayPage.Host> hosts(Cloud cloud) {
        List<ReplayPage.Host> out = new ArrayList<>();
        for (ComputeNodeRecord n : cloud.db().computeNodes()) {
            int servers = (int) cloud.db().instances().stream().filter(i -> !i.deleted() && i.host().filter(n.host()::equals).isPresent()).count();
            out.add(new ReplayPage.Host(n.host(), n.memoryMbUsed(), n.memoryMb(), n.vcpusUsed(), n.vcpus(), servers));
        }
        return out;
    }
}

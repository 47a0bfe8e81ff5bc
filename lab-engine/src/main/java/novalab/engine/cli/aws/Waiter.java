package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code aws ec2 wait instance-running|instance-stopped|instance-terminated|instance-exists}: polls
 * DescribeInstances (15 s × 40, instance-exists 5 s × 40) on the simulated clock, as waiters-2.json says.
 */
final class Waiter {
    private record Def(String apiName, String target, Set<String> failures, long delayMs) {}

    static final Map<String, Def> WAITERS = Map.of(
            "instance-running", new Def("InstanceRunning", "running", Set.of("shutting-down", "terminated", "stopping"), 15_000),
            "instance-stopped", new Def("InstanceStopped", "stopped", Set.of("pending", "terminated"), 15_000),
            "instance-terminated", new Def("InstanceTerminated", "terminated", Set.of("pending", "stopping"), 15_000),
            "instance-exists", new Def("InstanceExists", "", Set.of(), 5_000));

    private Waiter() {}

    static Ec2Request.Spec spec() {
        return new Ec2Request.Spec().list("--instance-ids").structs("--filters").flag("--dry-run").integer("--max-items", "--page-size");
    }

    /** Runs the waiter; returns normally on success, throws {@link AwsExit} (255) on failure. */
    static void run(Ec2Context ctx, String waiter, Ec2Request req) {
        Def d = WAITERS.get(waiter);
        List<String> ids = req.list("--instance-ids");
        String lastNotFound = "";
        for (int attempt = 1; attempt <= 40; attempt++) {
            if (attempt > 1) ctx.inv().control().sleep(d.delayMs());
            JsonNode res;
            try {
                res = DescribeInstances.describe(ctx, ids, req.structs("--filters"), false);
                lastNotFound = "";
            } catch (Ec2Error e) {
                if (!e.code().equals("InvalidInstanceID.NotFound")) {
                    throw new AwsExit(255, "\nWaiter " + d.apiName() + " failed: An error occurred (" + e.code() + "): " + e.getMessage() + "\n");
                }
                lastNotFound = "InvalidInstanceID.NotFound";
                continue;
            }
            List<String> states = new ArrayList<>();
            res.path("Reservations").forEach(r -> r.path("Instances").forEach(i -> states.add(i.path("State").path("Name").asText())));
            if (d.target().isEmpty()) {
                if (!states.isEmpty()) return;
                continue;
            }
            for (String s : states) {
                if (d.failures().contains(s)) {
                    throw new AwsExit(255, "\nWaiter " + d.apiName() + " failed: Waiter encountered a terminal failure state: For expression "
                            + "\"Reservations[].Instances[].State.Name\" we matched expected path: \"" + s + "\" at least once\n");
                }
            }
            if (!states.isEmpty() && states.stream().allMatch(d.target()::equals)) return;
        }
        throw new AwsExit(255, "\nWaiter " + d.apiName() + " failed: Max attempts exceeded"
                + (lastNotFound.isEmpty() ? "" : ". Previously accepted state: Matched expected service error code: " + lastNotFound) + "\n");
    }
}

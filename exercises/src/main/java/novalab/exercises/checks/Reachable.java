package novalab.exercises.checks;

import java.util.List;
import java.util.Optional;
import novalab.engine.compute.Instance;
import novalab.engine.shell.ExecResult;

/**
 * {@code reach}: from the workstation, {@code ssh -i KEY USER@FLOATING_IP true} (via {@code ssh}) or
 * {@code curl -s http://FLOATING_IP:PORT/} (via {@code curl}) succeeds. Evaluated by running that very
 * command in a fresh workstation shell at the end, so it obeys the lab's own reachability rules.
 */
public record Reachable(CheckInfo info, String server, String via, String user, String key, int port) implements Check {
    static Reachable parse(CheckInfo info, Fields f) {
        String via = f.str("via");
        if (!via.equals("ssh") && !via.equals("curl")) throw f.error("via", "expected ssh or curl");
        String user = f.optStr("user").orElse("cirros");
        String key = f.optStr("key").orElse("");
        if (via.equals("ssh") && key.isEmpty()) throw f.error("key", "an ssh check needs the private key file");
        return new Reachable(info, f.str("server"), via, user, key, f.optInt("port").orElse(via.equals("ssh") ? 22 : 80));
    }

    @Override
    public boolean runsCommands() { return true; }

    @Override
    public Observation evaluate(Probe probe) {
        List<Instance> all = probe.servers(server);
        if (all.isEmpty()) return Observation.fail("no server named " + server);
        Optional<String> ip = all.stream().flatMap(i -> probe.floatingIps(i).stream()).findFirst();
        if (ip.isEmpty()) return Observation.fail(server + ": no floating IP to reach it by");
        String line = via.equals("ssh")
                ? "ssh -o ConnectTimeout=10 -p " + port + " -i " + key + " " + user + "@" + ip.get() + " true"
                : "curl -s -m 10 -o /dev/null http://" + ip.get() + (port == 80 ? "" : ":" + port) + "/";
        ExecResult r = probe.runOnWorkstation(line);
        String shown = line.replace(ip.get(), "<floating ip>");
        if (r.status() == 0) return Observation.pass(shown + ": exit 0");
        String[] err = r.stderr().strip().split("\n");
        String last = err.length == 0 ? "" : err[err.length - 1].replace(ip.get(), "<floating ip>");
        return Observation.fail(shown + ": exit " + r.status() + (last.isEmpty() ? "" : " (" + last + ")"));
    }
}

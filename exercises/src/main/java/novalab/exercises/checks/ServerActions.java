package novalab.exercises.checks;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.compute.Instance;

/** {@code server_actions}: the server's action log ({@code openstack server event list}) contains these actions in this order. */
public record ServerActions(CheckInfo info, String server, List<String> actions) implements Check {
    public ServerActions {
        actions = List.copyOf(actions);
    }

    static ServerActions parse(CheckInfo info, Fields f) {
        return new ServerActions(info, f.str("server"), f.strList("actions", true));
    }

    @Override
    public Observation evaluate(Probe probe) {
        List<Instance> all = probe.servers(server);
        if (all.isEmpty()) return Observation.fail("no server named " + server);
        boolean ok = false;
        List<String> seen = new ArrayList<>();
        for (Instance i : all) {
            List<String> log = new ArrayList<>(i.actions().stream().map(Instance.Action::action).toList());
            java.util.Collections.reverse(log);
            ok |= subsequence(log);
            seen.add(server + " actions: " + String.join(", ", log));
        }
        return Observation.of(ok, String.join("; ", seen));
    }

    private boolean subsequence(List<String> log) {
        int k = 0;
        for (String a : log) {
            if (k < actions.size() && actions.get(k).equals(a)) k++;
        }
        return k == actions.size();
    }
}

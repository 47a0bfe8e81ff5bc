package novalab.web.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import novalab.engine.Cloud;
import novalab.engine.compute.Instance;
import novalab.engine.db.ComputeNodeRecord;
import novalab.engine.scheduler.FilterStep;
import novalab.engine.scheduler.SchedulingDecision;
import novalab.engine.scheduler.WeighedHost;

/** Reads a snapshot of a cloud into the panel's records (called under the student's sandbox lock). */
final class CloudViews {
    private CloudViews() {}

    static CloudPanel panel(Cloud cloud) {
        Map<String, List<HostView>> byCell = new LinkedHashMap<>();
        for (ComputeNodeRecord n : cloud.db().computeNodes()) {
            String cell = cloud.db().cellOfHost(n.host()).map(c -> c.name).orElse("?");
            String zone = String.join(",", cloud.db().api.zonesOf(n.host()));
            boolean disabled = cloud.db().service("nova-compute", n.host()).map(s -> s.disabled()).orElse(false);
            List<String> servers = new ArrayList<>();
            for (Instance i : cloud.db().instances()) {
                if (!i.deleted() && i.host().filter(n.host()::equals).isPresent()) servers.add(i.displayName + " (" + i.vmState().name().toLowerCase(Locale.ROOT) + ")");
            }
            byCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(new HostView(n.host(), cell, zone.isEmpty() ? "nova" : zone, disabled,
                    n.memoryMb(), n.memoryMbUsed(), n.vcpus(), n.vcpusUsed(), servers));
        }
        List<CloudPanel.Cell> cells = new ArrayList<>();
        byCell.forEach((name, hosts) -> cells.add(new CloudPanel.Cell(name, hosts)));
        return new CloudPanel(cloud.clock().isoZ(), cells, cloud.scheduler().lastDecision().map(CloudViews::decision));
    }

    private static DecisionView decision(SchedulingDecision d) {
        List<DecisionView.Step> steps = new ArrayList<>();
        for (FilterStep s : d.filterSteps()) {
            // a filter may log several lines for one host: the first says why
            Map<String, String> why = new LinkedHashMap<>();
            s.rejected().forEach(r -> why.putIfAbsent(r.host(), r.reason().isEmpty() ? "rejected (the filter logged no reason)" : r.reason()));
            steps.add(new DecisionView.Step(s.filter(), s.start(), s.end(),
                    why.entrySet().stream().map(e -> new DecisionView.Removed(e.getKey(), e.getValue())).toList()));
        }
        List<DecisionView.Weight> weighed = new ArrayList<>();
        for (WeighedHost w : d.weighed()) {
            weighed.add(new DecisionView.Weight(w.host().host(), String.format(Locale.ROOT, "%.4f", w.weight()), w.host().freeRamMb()));
        }
        return new DecisionView(d.requestId(), d.flavorName(), d.imageName(), d.availabilityZone().orElse(""), steps, weighed,
                d.chosen().orElse(""), d.failure().orElse(""));
    }
}

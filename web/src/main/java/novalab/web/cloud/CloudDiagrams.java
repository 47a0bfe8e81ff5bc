package novalab.web.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.compute.Instance;

/**
 * The drawn views of a student's cloud: the last request's flow, each server's lifecycle, and the
 * security groups with what reaches each server (all of them, or one server's for its own page).
 */
public record CloudDiagrams(Optional<FlowView> flow, List<LifecycleView> lifecycles, SecurityView security, Optional<String> server) {
    /** The whole cloud: the last request the bus saw, every server that is not deleted. */
    static CloudDiagrams of(Cloud cloud) {
        List<LifecycleView> lifecycles = new ArrayList<>();
        for (Instance i : cloud.db().instances()) if (!i.deleted()) lifecycles.add(LifecycleView.of(i));
        return new CloudDiagrams(FlowView.of(cloud.bus(), cloud.bus().lastRequestId()), lifecycles, SecurityView.of(cloud), Optional.empty());
    }

    /** One server (by id, or by a name only it has): its latest traced request, its lifecycle, its groups and reach. */
    static Optional<CloudDiagrams> ofServer(Cloud cloud, String idOrName) {
        Optional<Instance> found = cloud.db().instance(idOrName);
        if (found.isEmpty()) {
            List<Instance> named = cloud.db().instances().stream().filter(i -> !i.deleted() && i.displayName.equals(idOrName)).toList();
            if (named.size() == 1) found = Optional.of(named.get(0));
        }
        return found.map(i -> {
            Optional<FlowView> flow = Optional.empty();
            for (Instance.Action a : i.actions()) {
                flow = FlowView.of(cloud.bus(), a.requestId());
                if (flow.isPresent()) break;
            }
            SecurityView security = SecurityView.ofServer(cloud, i);
            return new CloudDiagrams(flow, List.of(LifecycleView.of(i)), security, Optional.of(i.displayName));
        });
    }
}

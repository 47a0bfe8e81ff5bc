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
public record CloudDiagrams(Optional<FlowView> flow, List<LifecycleView> lifecycles, SecurityView security, Optional<String> server,
                            List<Request> requests) {
    /** One of a server's instance actions: its name, request id, start, whether its flow is still kept, and whether it is the one shown. */
    public record Request(String action, String requestId, String startTime, boolean traced, boolean shown) {}

    /** The whole cloud: the last request the bus saw, every server that is not deleted. */
    static CloudDiagrams of(Cloud cloud) {
        List<LifecycleView> lifecycles = new ArrayList<>();
        for (Instance i : cloud.db().instances()) if (!i.deleted()) lifecycles.add(LifecycleView.of(i));
        return new CloudDiagrams(FlowView.of(cloud.bus(), cloud.bus().lastRequestId()), lifecycles, SecurityView.of(cloud), Optional.empty(), List.of());
    }

    /**
     * One server (by id, or by a name only it has): the flow of the request asked for (else its latest traced one), its
     * lifecycle, its groups and reach; a request id that is none of the server's actions is bad input.
     */
    static Optional<CloudDiagrams> ofServer(Cloud cloud, String idOrName, Optional<String> request) {
        Optional<Instance> found = cloud.db().instance(idOrName);
        if (found.isEmpty()) {
            List<Instance> named = cloud.db().instances().stream().filter(i -> !i.deleted() && i.displayName.equals(idOrName)).toList();
            if (named.size() == 1) found = Optional.of(named.get(0));
        }
        return found.map(i -> {
            Optional<FlowView> flow = Optional.empty();
            if (request.isPresent()) {
                if (i.actions().stream().noneMatch(a -> a.requestId().equals(request.get()))) {
                    throw new novalab.web.BadInput("Server " + i.displayName + " has no request " + request.get() + ".");
                }
                flow = FlowView.of(cloud.bus(), request.get());
            } else {
                for (Instance.Action a : i.actions()) {
                    flow = FlowView.of(cloud.bus(), a.requestId());
                    if (flow.isPresent()) break;
                }
            }
            String shown = flow.map(FlowView::requestId).orElse("");
            List<Request> requests = new ArrayList<>();
            for (Instance.Action a : i.actions()) {
                if (requests.stream().anyMatch(r -> r.requestId().equals(a.requestId()))) continue;
                requests.add(new Request(a.action(), a.requestId(), a.startTime(), !cloud.bus().trace(a.requestId()).isEmpty(), a.requestId().equals(shown)));
            }
            SecurityView security = SecurityView.ofServer(cloud, i);
            return new CloudDiagrams(flow, List.of(LifecycleView.of(i)), security, Optional.of(i.displayName), requests);
        });
    }
}

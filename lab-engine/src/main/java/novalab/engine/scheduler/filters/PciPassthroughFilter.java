package novalab.engine.scheduler.filters;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/**
 * Simulates nova.scheduler.filters.pci_passthrough_filter.PciPassthroughFilter. A host passes if the
 * request asks for no PCI devices or the host has enough free devices for every alias. We deviate in
 * counting free devices per alias name instead of matching vendor/product ids in PCI device pools, and in
 * printing the requests as {@code alias:count}.
 */
public final class PciPassthroughFilter implements HostFilter {
    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        Map<String, Integer> requests = new TreeMap<>(spec.pciRequests());
        boolean enough = requests.entrySet().stream()
                .allMatch(r -> host.pciDevicesFree().getOrDefault(r.getKey(), 0) >= r.getValue());
        if (!enough) {
            String wanted = requests.entrySet().stream()
                    .map(r -> r.getKey() + ":" + r.getValue()).collect(Collectors.joining(","));
            why.because(host + " doesn't have the required PCI devices (" + wanted + ")");
        }
        return enough;
    }
}

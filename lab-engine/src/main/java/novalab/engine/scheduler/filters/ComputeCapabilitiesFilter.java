package novalab.engine.scheduler.filters;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;

/**
 * Simulates nova.scheduler.filters.compute_capabilities_filter.ComputeCapabilitiesFilter. Every flavor
 * extra spec without a namespace that names a host attribute, and every {@code capabilities:} extra spec,
 * must match the host's value under {@link ExtraSpecsOps#match}. We deviate in knowing only the HostState
 * attributes listed in {@link #ATTRIBUTES} (Nova also walks stats and JSON such as cpu_info) and in checking
 * the specs in key order.
 */
public final class ComputeCapabilitiesFilter implements HostFilter {
    /** The host attributes an extra spec can test, by Nova's attribute name. */
    static final Map<String, Function<HostState, Optional<String>>> ATTRIBUTES = Map.ofEntries(
            Map.entry("host", h -> Optional.of(h.host())),
            Map.entry("nodename", h -> Optional.of(h.nodename())),
            Map.entry("free_ram_mb", h -> Optional.of(Integer.toString(h.freeRamMb()))),
            Map.entry("free_disk_mb", h -> Optional.of(Integer.toString(h.freeDiskMb()))),
            Map.entry("total_usable_ram_mb", h -> Optional.of(Integer.toString(h.totalUsableRamMb()))),
            Map.entry("total_usable_disk_gb", h -> Optional.of(Integer.toString(h.totalUsableDiskGb()))),
            Map.entry("vcpus_total", h -> Optional.of(Integer.toString(h.vcpusTotal()))),
            Map.entry("vcpus_used", h -> Optional.of(Integer.toString(h.vcpusUsed()))),
            Map.entry("num_instances", h -> Optional.of(Integer.toString(h.numInstances()))),
            Map.entry("ram_allocation_ratio", h -> Optional.of(Py.repr(h.ramAllocationRatio()))),
            Map.entry("cpu_allocation_ratio", h -> Optional.of(Py.repr(h.cpuAllocationRatio()))),
            Map.entry("disk_allocation_ratio", h -> Optional.of(Py.repr(h.diskAllocationRatio()))),
            Map.entry("hypervisor_version", h -> h.hypervisorVersion().isPresent()
                    ? Optional.of(Integer.toString(h.hypervisorVersion().getAsInt())) : Optional.empty()));

    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        if (!satisfiesExtraSpecs(host, spec, why)) {
            why.because(host + " fails instance_type extra_specs requirements");
            return false;
        }
        return true;
    }

    @Override
    public boolean runFilterOncePerRequest() { return true; }

    private static boolean satisfiesExtraSpecs(HostState host, RequestSpec spec, Why why) {
        for (Map.Entry<String, String> e : new TreeMap<>(spec.flavor().extraSpecs()).entrySet()) {
            List<String> scope = Arrays.asList(e.getKey().split(":", -1));
            if (scope.size() == 1) {
                if (!ATTRIBUTES.containsKey(e.getKey())) continue;
            } else if (scope.get(0).equals("capabilities")) {
                scope = scope.subList(1, scope.size());
            } else {
                continue;
            }
            Optional<String> cap = scope.size() == 1 && ATTRIBUTES.containsKey(scope.get(0))
                    ? ATTRIBUTES.get(scope.get(0)).apply(host) : Optional.empty();
            if (cap.isEmpty()) {
                why.because(host + " fails. There are no capabilities to retrieve.");
                return false;
            }
            if (!ExtraSpecsOps.match(cap.get(), e.getValue())) {
                why.because(host + " fails extra_spec requirements. '" + e.getValue() + "' does not match '"
                        + cap.get() + "'");
                return false;
            }
        }
        return true;
    }
}

package novalab.engine.scheduler;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.compute.Flavor;
import novalab.engine.image.ImageMeta;

/**
 * Simulates nova.objects.RequestSpec: what one boot (or unshelve) asks of the scheduler.
 *
 * @param availabilityZone the requested AZ, if any
 * @param pciRequests      PCI alias name → count, parsed from the flavor's {@code pci_passthrough:alias}
 */
public record RequestSpec(List<String> instanceUuids, String projectId, Flavor flavor, ImageMeta image,
                          Optional<String> availabilityZone, Map<String, Integer> pciRequests,
                          Map<String, String> schedulerHints) {
    public RequestSpec {
        instanceUuids = List.copyOf(instanceUuids);
        pciRequests = novalab.engine.common.Ordered.map(pciRequests);
        schedulerHints = novalab.engine.common.Ordered.map(schedulerHints);
    }

    public int numInstances() { return instanceUuids.size(); }

    /** Parses {@code pci_passthrough:alias} = {@code name:count[,name2:count2]}. */
    public static Map<String, Integer> pciRequestsOf(Flavor flavor) {
        String spec = flavor.extraSpecs().get("pci_passthrough:alias");
        if (spec == null || spec.isBlank()) return Map.of();
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            int n = 1;
            if (kv.length > 1) {
                try { n = Integer.parseInt(kv[1].trim()); } catch (NumberFormatException e) { n = 1; }
            }
            out.merge(kv[0].trim(), n, Integer::sum);
        }
        return out;
    }
}

package novalab.engine.compute;

import java.util.Map;

/**
 * A Nova flavor (instance type): the virtual hardware template. {@code extraSpecs} holds keys such as
 * {@code pci_passthrough:alias} or {@code hw:cpu_policy}.
 */
public record Flavor(String id, String name, int vcpus, int ramMb, int diskGb, int ephemeralGb, int swapMb,
                     double rxtxFactor, boolean isPublic, boolean disabled, String description,
                     Map<String, String> extraSpecs) {
    public Flavor {
        extraSpecs = novalab.engine.common.Ordered.map(extraSpecs);
        description = description == null ? "" : description;
    }

    public Flavor withExtraSpecs(Map<String, String> specs) {
        return new Flavor(id, name, vcpus, ramMb, diskGb, ephemeralGb, swapMb, rxtxFactor, isPublic, disabled, description, specs);
    }
}

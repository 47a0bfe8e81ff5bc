package novalab.engine.scheduler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.compute.Flavor;
import novalab.engine.image.ImageMeta;

/**
 * Builds {@link RequestSpec}s and {@link SchedulerOptions} for tests: by default one instance of an m1.small
 * (1 vCPU, 2048 MB, 20 GB root) from an image without properties, no AZ, no PCI devices; and Nova's default
 * options with no filters enabled and every weigher.
 */
public final class FakeRequestSpecs {
    public static final String INSTANCE_UUID = "8d1c2c6e-3f59-4a32-9c6e-000000000001";

    private FakeRequestSpecs() {}

    public static Builder request() {
        return new Builder();
    }

    public static SchedulerOptions options() {
        return options(Optional.empty(), List.of());
    }

    public static SchedulerOptions options(Optional<String> defaultArchitecture, List<String> enabledFilters) {
        return new SchedulerOptions(enabledFilters, List.of("nova.scheduler.weights.all_weighers"), 1,
                1.0, 1.0, 1.0, defaultArchitecture, "nova", 3);
    }

    /** Mutable recipe for one RequestSpec. */
    public static final class Builder {
        private int vcpus = 1;
        private int ramMb = 2048;
        private int rootGb = 20;
        private int ephemeralGb;
        private int swapMb;
        private final Map<String, String> extraSpecs = new HashMap<>();
        private final Map<String, String> imageProperties = new HashMap<>();
        private Optional<String> availabilityZone = Optional.empty();
        private final Map<String, Integer> pciRequests = new HashMap<>();
        private int instances = 1;

        public Builder withVcpus(int v) { vcpus = v; return this; }

        public Builder withRamMb(int v) { ramMb = v; return this; }

        public Builder withDisk(int rootGb, int ephemeralGb, int swapMb) {
            this.rootGb = rootGb;
            this.ephemeralGb = ephemeralGb;
            this.swapMb = swapMb;
            return this;
        }

        public Builder withExtraSpec(String key, String value) { extraSpecs.put(key, value); return this; }

        public Builder withImageProperty(String key, String value) { imageProperties.put(key, value); return this; }

        public Builder withAvailabilityZone(String az) { availabilityZone = Optional.of(az); return this; }

        public Builder withPciRequest(String alias, int count) { pciRequests.put(alias, count); return this; }

        public Builder withInstances(int n) { instances = n; return this; }

        public RequestSpec build() {
            Flavor flavor = new Flavor("2", "m1.small", vcpus, ramMb, rootGb, ephemeralGb, swapMb, 1.0, true, false,
                    "", extraSpecs);
            List<String> uuids = new ArrayList<>();
            for (int i = 1; i <= instances; i++) {
                uuids.add(INSTANCE_UUID.substring(0, INSTANCE_UUID.length() - 1) + i);
            }
            return new RequestSpec(uuids, "demo-project", flavor, new ImageMeta("img-1", "cirros", imageProperties),
                    availabilityZone, pciRequests, Map.of());
        }
    }
}

package novalab.engine.virt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Hand-made hosts and instances for the virt tests: an m1.small Ubuntu guest on a Cascade Lake host. */
public final class Specs {
    private Specs() {}

    public static final String PORT = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    public static final String MAC = "fa:16:3e:5d:c7:9e";
    public static final String KEY_FINGERPRINT = "3b:6b:9e:7a:40:2f:4a:8c:6e:9d:d3:34:1a:6e:52:13";

    /** compute-01: 2 sockets x 8 cores x 2 threads, 64 GiB, two passthrough GPUs. */
    public static HostSpec computeHost(String hostname) {
        return new HostSpec(hostname, "192.168.50.11", 32, 65536, 500, "x86_64", "Cascadelake-Server", "Intel",
                2, 8, 2, List.of("vmx", "avx512f"), Map.of("gpu", 2), Set.of(GuestHardware.SECURE_BOOT_TRAIT), 6002000);
    }

    /** An Ampere-like aarch64 host: 1 socket x 16 cores, 32 GiB. */
    public static HostSpec armHost(String hostname) {
        return new HostSpec(hostname, "192.168.50.21", 16, 32768, 400, "aarch64", "cortex-a72", "ARM",
                1, 16, 1, List.of("aes", "sha2"), Map.of(), Set.of(), 6002000);
    }

    /** instance-%08x of the cell DB id, m1.small (2048 MB, 1 vCPU, 20 GB), Ubuntu 22.04, one port. */
    public static Builder instance(int dbId) {
        return new Builder(dbId);
    }

    public static InstanceSpec.Vif vif(String portId, String mac, String ip) {
        return new InstanceSpec.Vif(portId, "net-private", "private", mac, ip, "10.0.0.0/24", "10.0.0.1", 1450);
    }

    public static final class Builder {
        private final int dbId;
        private String displayName = "nebula-web-01";
        private String flavor = "m1.small";
        private int memoryMb = 2048;
        private int vcpus = 1;
        private int rootGb = 20;
        private int ephemeralGb;
        private int swapMb;
        private final Map<String, String> props = new HashMap<>(Map.of("os_distro", "ubuntu", "os_version", "22.04"));
        private String imageName = "ubuntu-22.04-server-cloudimg-amd64";
        private String user = "ubuntu";
        private String osName = "Ubuntu 22.04.3 LTS";
        private List<InstanceSpec.Vif> vifs = new ArrayList<>(List.of(vif(PORT, MAC, "10.0.0.12")));
        private boolean key = true;
        private final Map<String, Integer> pci = new HashMap<>();
        private Instant bootedAt = Instant.parse("2026-09-14T09:00:07Z");

        Builder(int dbId) {
            this.dbId = dbId;
        }

        public Builder named(String name) { displayName = name; return this; }

        public Builder flavor(String name, int ramMb, int cpus, int diskGb) {
            flavor = name;
            memoryMb = ramMb;
            vcpus = cpus;
            rootGb = diskGb;
            return this;
        }

        public Builder ephemeral(int gb, int swap) { ephemeralGb = gb; swapMb = swap; return this; }

        public Builder cirros() {
            props.clear();
            props.put("os_distro", "cirros");
            props.put("os_version", "0.6.2");
            imageName = "cirros-0.6.2-x86_64-disk";
            user = "cirros";
            osName = "CirrOS 0.6.2";
            return this;
        }

        public Builder property(String key, String value) { props.put(key, value); return this; }

        public Builder vifs(InstanceSpec.Vif... list) { vifs = List.of(list); return this; }

        public Builder noKey() { key = false; return this; }

        public Builder pci(String alias, int count) { pci.put(alias, count); return this; }

        public Builder bootedAt(Instant at) { bootedAt = at; return this; }

        public InstanceSpec build() {
            String uuid = String.format("5a7e1c2b-9f3d-4e8a-b1c6-%012x", 0x2d4f6a8b0000L + dbId);
            String hostname = displayName.toLowerCase().replaceAll("[^a-z0-9-]", "-");
            return new InstanceSpec(uuid, String.format("instance-%08x", dbId), displayName, hostname,
                    flavor, memoryMb, vcpus, rootGb, ephemeralGb, swapMb,
                    "b9e6c3a1-5d2f-4e8b-9c7a-1f3e5d7b9a2c", imageName, props, user, osName,
                    "8d3c5e1f2a4b4c6d8e0f1a2b3c4d5e6f", "alice", "4f1e2d3c5b6a47988a9b0c1d2e3f4a5b", "demo",
                    "2026-09-14 09:00:05", bootedAt, vifs,
                    key ? Optional.of("alice-key") : Optional.empty(),
                    key ? Optional.of("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7vWq alice@laptop") : Optional.empty(),
                    key ? Optional.of(KEY_FINGERPRINT) : Optional.empty(), pci);
        }
    }
}

package novalab.engine.virt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AvailableResourceTest {

    @Test
    void writes_cpu_info_as_nova_stores_it_in_compute_nodes() {
        AvailableResource r = AvailableResource.of(Specs.computeHost("compute-01"), 32, 65536, List.of(), List.of());

        assertThat(r.cpuInfo()).isEqualTo("{\"arch\": \"x86_64\", \"model\": \"Cascadelake-Server\", "
                + "\"vendor\": \"Intel\", \"topology\": {\"cells\": 1, \"sockets\": 2, \"cores\": 8, "
                + "\"threads\": 2}, \"features\": [\"avx512f\", \"vmx\"]}");
        assertThat(r.supportedInstances()).contains(List.of("x86_64", "kvm", "hvm"));
        assertThat(r.hypervisorVersion()).isEqualTo(6002000);
    }

    @Test
    void counts_swap_in_whole_gigabytes_rounded_up() {
        InstanceSpec spec = Specs.instance(1).flavor("m1.small", 2048, 1, 20).ephemeral(5, 512).build();

        AvailableResource r = AvailableResource.of(Specs.computeHost("c"), 32, 65536, List.of(), List.of(spec));

        assertThat(r.localGbUsed()).isEqualTo(26);
    }

    @Test
    void caps_the_node_cpus_by_the_hosts_vcpus() {
        HostSpec host = new HostSpec("h", "10.0.0.9", 6, 8192, 100, "x86_64", "Skylake-Server", "Intel",
                1, 4, 2, List.of(), Map.of(), Set.of(), 6002000);

        assertThat(AvailableResource.nodeCpus(host)).isEqualTo(6);
    }
}

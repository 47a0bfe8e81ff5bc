package novalab.engine.virt.libvirt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import novalab.engine.virt.HostSpec;
import novalab.engine.virt.Specs;
import org.junit.jupiter.api.Test;
import org.libvirt.Connect;
import org.libvirt.NodeInfo;

class NodeXmlTest {

    @Test
    void describes_the_host_cpu_topology_and_memory_in_kib() {
        // compute-01: 2 sockets x 8 cores x 2 threads = 32 CPUs, 64 GiB
        assertThat(NodeXml.of(Specs.computeHost("compute-01")).toXml()).isEqualTo("""
                <node>
                  <cpu>
                    <mhz>2400</mhz>
                    <model>x86_64</model>
                    <nodes>1</nodes>
                    <sockets>2</sockets>
                    <cores>8</cores>
                    <threads>2</threads>
                  </cpu>
                  <memory>67108864</memory>
                </node>
                """);
    }

    @Test
    void limits_the_active_cpus_when_the_host_has_fewer_vcpus_than_its_topology() {
        HostSpec host = new HostSpec("small", "10.0.0.9", 6, 8192, 100, "x86_64", "Skylake-Server", "Intel",
                1, 4, 2, List.of(), Map.of(), Set.of(), 6002000);

        assertThat(NodeXml.of(host).toXml()).contains("<active>6</active>");
    }

    @Test
    void hosts_with_the_same_hardware_share_one_cached_file() {
        Path a = NodeXml.of(Specs.computeHost("compute-01")).write();
        Path b = NodeXml.of(Specs.computeHost("compute-02")).write();

        assertThat(a).isEqualTo(b).startsWith(NodeXml.cacheDir()).isRegularFile();
        assertThat(NodeXml.of(Specs.armHost("arm-01")).write()).isNotEqualTo(a);
    }

    @Test
    void rewrites_a_cached_file_whose_content_was_damaged() throws Exception {
        NodeXml node = NodeXml.of(Specs.armHost("arm-01"));
        Files.writeString(node.write(), "<node/>");

        assertThat(Files.readString(node.write())).isEqualTo(node.toXml());
    }

    @Test
    void makes_libvirts_test_driver_report_the_host_hardware() throws Exception {
        String uri = NodeXml.of(Specs.computeHost("compute-01")).uri();
        assertThat(uri).startsWith("test:///");

        Connect connection = new Connect(uri);
        try {
            NodeInfo info = connection.nodeInfo();
            assertThat(info.cpus).isEqualTo(32);
            assertThat(info.memory).isEqualTo(67108864L);
            assertThat(info.mhz).isEqualTo(2400);
            assertThat(info.model).isEqualTo("x86_64");
            assertThat(List.of(info.sockets, info.cores, info.threads)).containsExactly(2, 8, 2);
        } finally {
            connection.close();
        }
    }
}

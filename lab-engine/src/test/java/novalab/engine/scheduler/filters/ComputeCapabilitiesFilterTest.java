package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.scheduler.HostState;
import org.junit.jupiter.api.Test;

class ComputeCapabilitiesFilterTest {
    private final ComputeCapabilitiesFilter filter = new ComputeCapabilitiesFilter();
    private final List<String> reasons = new ArrayList<>();
    // 2048 MB free RAM, hypervisor 6.2.0
    private final HostState h = host("host1").build();

    @Test
    void capabilities_spec_met_by_the_host_passes() {
        assertThat(filter.hostPasses(h, request().withExtraSpec("capabilities:free_ram_mb", ">= 1024").build(), reasons::add)).isTrue();
    }

    @Test
    void bare_spec_naming_a_host_attribute_is_checked_and_fails_with_nova_debug_text() {
        assertThat(filter.hostPasses(h, request().withExtraSpec("free_ram_mb", "= 4096").build(), reasons::add)).isFalse();
        assertThat(reasons).containsExactly(
                "(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0 fails extra_spec requirements."
                        + " '= 4096' does not match '2048'",
                "(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0 fails instance_type extra_specs requirements");
    }

    @Test
    void specs_in_other_namespaces_and_unknown_bare_keys_are_ignored() {
        assertThat(filter.hostPasses(h, request().withExtraSpec("hw:cpu_policy", "dedicated")
                .withExtraSpec("pci_passthrough:alias", "gpu:1").withExtraSpec("no_such_attribute", "1").build(), reasons::add)).isTrue();
    }

    @Test
    void capabilities_spec_the_host_cannot_answer_fails() {
        HostState noVersion = host("host1").withoutHypervisorVersion().build();

        assertThat(filter.hostPasses(noVersion, request().withExtraSpec("capabilities:hypervisor_version", ">= 1").build(), reasons::add)).isFalse();
        assertThat(reasons.get(0)).endsWith(" fails. There are no capabilities to retrieve.");
    }

    @Test
    void runs_once_per_request() {
        assertThat(filter.runFilterOncePerRequest()).isTrue();
    }
}

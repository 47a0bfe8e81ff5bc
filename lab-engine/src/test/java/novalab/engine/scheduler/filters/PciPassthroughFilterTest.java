package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.scheduler.HostState;
import org.junit.jupiter.api.Test;

class PciPassthroughFilterTest {
    private final PciPassthroughFilter filter = new PciPassthroughFilter();
    private final List<String> reasons = new ArrayList<>();

    @Test
    void request_without_pci_devices_passes_on_a_host_without_any() {
        assertThat(filter.hostPasses(host("host1").build(), request().build(), reasons::add)).isTrue();
    }

    @Test
    void host_with_enough_free_devices_of_every_alias_passes() {
        // given 2 free gpus and 1 free nic; when asking for gpu:2 and nic:1
        HostState h = host("host1").withPciDevicesFree("gpu", 2).withPciDevicesFree("nic", 1).build();

        assertThat(filter.hostPasses(h, request().withPciRequest("gpu", 2).withPciRequest("nic", 1).build(), reasons::add)).isTrue();
    }

    @Test
    void host_short_of_one_alias_fails_with_nova_debug_text() {
        HostState h = host("host1").withPciDevicesFree("gpu", 1).build();

        assertThat(filter.hostPasses(h, request().withPciRequest("gpu", 2).build(), reasons::add)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0"
                + " doesn't have the required PCI devices (gpu:2)");
    }

    @Test
    void host_without_the_alias_fails() {
        assertThat(filter.hostPasses(host("host1").build(), request().withPciRequest("gpu", 1).build(), reasons::add)).isFalse();
    }

    @Test
    void runs_for_every_instance_of_a_multi_create() {
        assertThat(filter.runFilterOncePerRequest()).isFalse();
    }
}

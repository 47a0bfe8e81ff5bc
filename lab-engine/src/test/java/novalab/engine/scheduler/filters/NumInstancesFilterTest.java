package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumInstancesFilterTest {
    private final NumInstancesFilter filter = new NumInstancesFilter();
    private final List<String> reasons = new ArrayList<>();

    @Test
    void host_below_fifty_instances_passes() {
        assertThat(filter.hostPasses(host("host1").withNumInstances(49).build(), request().build(), reasons::add)).isTrue();
    }

    @Test
    void host_with_fifty_instances_fails_with_nova_debug_text() {
        assertThat(filter.hostPasses(host("host1").withNumInstances(50).build(), request().build(), reasons::add)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 50"
                + " fails num_instances check: Max instances per host is set to 50");
    }

    @Test
    void the_maximum_can_be_configured() {
        assertThat(new NumInstancesFilter(1).hostPasses(host("host1").withNumInstances(1).build(), request().build(), reasons::add)).isFalse();
    }
}

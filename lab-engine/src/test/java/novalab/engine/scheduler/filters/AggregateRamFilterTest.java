package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.scheduler.FakeHostStates;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import org.junit.jupiter.api.Test;

/** Vectors A5–A8 (nova 18.3.0 test_ram_filters.py, TestAggregateRamFilter). */
class AggregateRamFilterTest {
    private final AggregateRamFilter filter = new AggregateRamFilter();
    private final RequestSpec spec = request().withRamMb(1024).build();

    private static FakeHostStates.Builder ram(int free) {
        return host("host1").withRam(1024, free).withRamAllocationRatio(1.0);
    }

    @Test
    void rocky_vector_A5_no_aggregate_value_falls_back_to_the_host_ratio() {
        HostState h = ram(1023).build();

        assertThat(filter.hostPasses(h, spec, HostFilter.Why.IGNORE)).isFalse();
    }

    @Test
    void rocky_vector_A6_aggregate_ratio_two_lets_the_host_pass() {
        HostState h = ram(1023).withAggregate("ram_allocation_ratio", "2.0").build();

        assertThat(filter.hostPasses(h, spec, HostFilter.Why.IGNORE)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(2048.0);
    }

    @Test
    void rocky_vector_A7_the_minimum_of_several_aggregate_ratios_wins() {
        HostState h = ram(1023).withAggregate("ram_allocation_ratio", "1.5", "2.0").build();

        assertThat(filter.hostPasses(h, spec, HostFilter.Why.IGNORE)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(1536.0);
    }

    @Test
    void rocky_vector_A8_unparsable_aggregate_ratio_falls_back_to_the_host_ratio() {
        HostState h = ram(1024).withAggregate("ram_allocation_ratio", "XXX").build();

        assertThat(filter.hostPasses(h, spec, HostFilter.Why.IGNORE)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(1024.0);
    }
}

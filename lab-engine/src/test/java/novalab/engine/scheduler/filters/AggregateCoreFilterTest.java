package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import org.junit.jupiter.api.Test;

/** Vectors B5–B6 (nova 18.3.0 test_core_filters.py, TestAggregateCoreFilter). */
class AggregateCoreFilterTest {
    private final AggregateCoreFilter filter = new AggregateCoreFilter();
    private final RequestSpec spec = request().withVcpus(1).build();

    @Test
    void rocky_vector_B5_aggregate_ratio_three_overrides_the_host_ratio() {
        HostState h = host("host1").withVcpus(4, 8).withCpuAllocationRatio(2)
                .withAggregate("cpu_allocation_ratio", "3").build();

        assertThat(filter.hostPasses(h, spec, HostFilter.Why.IGNORE)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(12.0);
    }

    @Test
    void rocky_vector_B6_minimum_aggregate_ratio_two_leaves_no_vcpu_free() {
        HostState h = host("host1").withVcpus(4, 8).withCpuAllocationRatio(1)
                .withAggregate("cpu_allocation_ratio", "2", "3").build();

        assertThat(filter.hostPasses(h, spec, HostFilter.Why.IGNORE)).isFalse();
        assertThat(filter.limit(h, spec)).hasValue(8.0);
    }

    @Test
    void without_aggregate_metadata_it_uses_the_host_ratio() {
        HostState h = host("host1").withVcpus(4, 8).withCpuAllocationRatio(2).build();

        assertThat(filter.hostPasses(h, spec, HostFilter.Why.IGNORE)).isFalse();
        assertThat(filter.limit(h, spec)).hasValue(8.0);
    }
}

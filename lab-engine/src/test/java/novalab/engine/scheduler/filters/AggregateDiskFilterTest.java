package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import org.junit.jupiter.api.Test;

/** Vectors C6–C7 (nova 18.3.0 test_disk_filters.py, TestAggregateDiskFilter). */
class AggregateDiskFilterTest {
    private final AggregateDiskFilter filter = new AggregateDiskFilter();
    private final RequestSpec spec = request().withDisk(2, 1, 1024).build();

    @Test
    void rocky_vector_C6_without_aggregate_ratio_the_request_exceeds_usable_disk() {
        HostState h = host("host1").withDisk(4, 3072).withDiskAllocationRatio(1.0).build();

        assertThat(filter.hostPasses(h, spec, HostFilter.Why.IGNORE)).isFalse();
        assertThat(filter.limit(h, spec)).isEmpty();
    }

    @Test
    void rocky_vector_C7_aggregate_ratio_two_lets_the_host_pass() {
        HostState h = host("host1").withDisk(4, 3072).withDiskAllocationRatio(1.0)
                .withAggregate("disk_allocation_ratio", "2").build();

        assertThat(filter.hostPasses(h, spec, HostFilter.Why.IGNORE)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(8.0);
    }
}

package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.options;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.scheduler.HostState;
import org.junit.jupiter.api.Test;

/** Vectors E1–E6 (nova test_availability_zone_filters.py and derived rows); default_availability_zone is nova. */
class AvailabilityZoneFilterTest {
    private final AvailabilityZoneFilter filter = new AvailabilityZoneFilter(options());
    private final List<String> reasons = new ArrayList<>();

    private boolean passes(HostState h, String az) {
        return filter.hostPasses(h, request().withAvailabilityZone(az).build(), reasons::add);
    }

    @Test
    void vector_E1_host_in_the_requested_zone_passes() {
        assertThat(passes(host("host1").withAggregate("availability_zone", "nova").build(), "nova")).isTrue();
    }

    @Test
    void vector_E2_host_in_two_zones_passes_for_either() {
        assertThat(passes(host("host1").withAggregate("availability_zone", "nova", "nova2").build(), "nova")).isTrue();
    }

    @Test
    void vector_E3_host_in_another_zone_fails_with_nova_debug_text() {
        assertThat(passes(host("host1").withAggregate("availability_zone", "nova").build(), "bad")).isFalse();
        assertThat(reasons).containsExactly("Availability Zone 'bad' requested. "
                + "(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0 has AZs: {'nova'}");
    }

    @Test
    void derived_vector_E4_host_in_no_zone_aggregate_is_in_the_default_zone() {
        assertThat(passes(host("host1").build(), "nova")).isTrue();
    }

    @Test
    void derived_vector_E5_host_in_no_zone_aggregate_fails_for_another_zone() {
        assertThat(passes(host("host1").build(), "az1")).isFalse();
        assertThat(reasons).containsExactly("Availability Zone 'az1' requested. "
                + "(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0 has AZs: nova");
    }

    @Test
    void derived_vector_E6_request_without_a_zone_passes_everywhere() {
        HostState h = host("host1").withAggregate("availability_zone", "az1").build();

        assertThat(filter.hostPasses(h, request().build(), reasons::add)).isTrue();
    }

    @Test
    void several_zones_print_sorted() {
        passes(host("host1").withAggregate("availability_zone", "az2", "az1").build(), "az3");

        assertThat(reasons).singleElement().asString().endsWith("has AZs: {'az1', 'az2'}");
    }

    @Test
    void runs_once_per_request() {
        assertThat(filter.runFilterOncePerRequest()).isTrue();
    }
}

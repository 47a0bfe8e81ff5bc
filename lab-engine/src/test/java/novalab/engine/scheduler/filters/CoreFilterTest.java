package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import org.junit.jupiter.api.Test;

/** Vectors B1–B4 (nova 18.3.0 test_core_filters.py). */
class CoreFilterTest {
    private final CoreFilter filter = new CoreFilter();
    private final List<String> reasons = new ArrayList<>();

    private static HostState cpus(int total, int used, double ratio) {
        return host("host1").withVcpus(total, used).withCpuAllocationRatio(ratio).build();
    }

    @Test
    void rocky_vector_B1_overcommitted_host_with_one_vcpu_left_passes() {
        HostState h = cpus(4, 7, 2);
        RequestSpec spec = request().withVcpus(1).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(8.0);
    }

    @Test
    void rocky_vector_B2_fully_used_host_fails_but_the_limit_is_still_set() {
        HostState h = cpus(4, 8, 2);
        RequestSpec spec = request().withVcpus(1).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0"
                + " does not have 1 usable vcpus, it only has 0 usable vcpus");
        assertThat(filter.limit(h, spec)).hasValue(8.0);
    }

    @Test
    void rocky_vector_B3_instance_larger_than_the_host_fails() {
        HostState h = cpus(1, 0, 2);
        RequestSpec spec = request().withVcpus(2).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0"
                + " does not have 2 total cpus before overcommit, it only has 1");
    }

    @Test
    void rocky_vector_B4_host_without_vcpu_count_passes_as_a_fail_safe() {
        HostState h = cpus(0, 0, 16);
        RequestSpec spec = request().withVcpus(1).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isTrue();
        assertThat(reasons).isEmpty();
        assertThat(filter.limit(h, spec)).isEmpty();
    }

    @Test
    void free_vcpus_print_truncated_like_python_percent_d() {
        // 3 * 1.5 - 4 = 0.5 free vCPUs; Python's %d prints 0
        HostState h = cpus(3, 4, 1.5);

        assertThat(filter.hostPasses(h, request().withVcpus(1).build(), reasons::add)).isFalse();
        assertThat(reasons).singleElement().asString().endsWith("it only has 0 usable vcpus");
    }
}

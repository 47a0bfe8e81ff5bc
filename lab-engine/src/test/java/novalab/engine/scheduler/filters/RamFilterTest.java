package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import org.junit.jupiter.api.Test;

/** Vectors A1–A4, A9, A10 (nova 18.3.0 test_ram_filters.py and derived rows). */
class RamFilterTest {
    private final RamFilter filter = new RamFilter();
    private final List<String> reasons = new ArrayList<>();

    private static HostState ram(int total, int free, double ratio) {
        return host("host1").withRam(total, free).withRamAllocationRatio(ratio).build();
    }

    @Test
    void rocky_vector_A1_host_one_mb_short_fails_with_nova_debug_text() {
        // given 1023 of 1024 MB free, no overcommit; when 1024 MB are asked for
        HostState h = ram(1024, 1023, 1.0);
        RequestSpec spec = request().withRamMb(1024).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 1023MB disk: 20480MB io_ops: 0 instances: 0"
                + " does not have 1024 MB usable ram, it only has 1023.0 MB usable ram.");
        assertThat(filter.limit(h, spec)).isEmpty();
    }

    @Test
    void rocky_vector_A2_exact_fit_passes_and_sets_the_memory_limit() {
        HostState h = ram(1024, 1024, 1.0);
        RequestSpec spec = request().withRamMb(1024).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isTrue();
        assertThat(reasons).isEmpty();
        assertThat(filter.limit(h, spec)).hasValue(1024.0);
    }

    @Test
    void rocky_vector_A3_overcommitted_host_still_passes() {
        // given free -1024 of 2048 with ratio 2.0: limit 4096, used 3072, usable 1024
        HostState h = ram(2048, -1024, 2.0);
        RequestSpec spec = request().withRamMb(1024).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(4096.0);
    }

    @Test
    void rocky_vector_A4_instance_cannot_overcommit_against_itself() {
        HostState h = ram(512, 512, 2.0);
        RequestSpec spec = request().withRamMb(1024).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 512MB disk: 20480MB io_ops: 0 instances: 0"
                + " does not have 1024 MB usable ram before overcommit, it only has 512 MB.");
        assertThat(filter.limit(h, spec)).isEmpty();
    }

    @Test
    void derived_vector_A9_default_ratio_makes_a_full_host_fit_exactly() {
        HostState h = ram(2048, 0, 1.5);
        RequestSpec spec = request().withRamMb(1024).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(3072.0);
    }

    @Test
    void derived_vector_A10_one_mb_more_than_the_overcommit_leaves_fails() {
        HostState h = ram(2048, 0, 1.5);
        RequestSpec spec = request().withRamMb(1025).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 0MB disk: 20480MB io_ops: 0 instances: 0"
                + " does not have 1025 MB usable ram, it only has 1024.0 MB usable ram.");
    }

    @Test
    void ignores_aggregate_ratio_metadata() {
        HostState h = host("host1").withRam(1024, 1023).withRamAllocationRatio(1.0)
                .withAggregate("ram_allocation_ratio", "2.0").build();

        assertThat(filter.hostPasses(h, request().withRamMb(1024).build(), reasons::add)).isFalse();
    }

    @Test
    void runs_for_every_instance_of_a_multi_create() {
        assertThat(filter.runFilterOncePerRequest()).isFalse();
    }
}

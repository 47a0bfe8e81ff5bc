package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import org.junit.jupiter.api.Test;

/** Vectors C1–C5 (nova 18.3.0 test_disk_filters.py). */
class DiskFilterTest {
    private final DiskFilter filter = new DiskFilter();
    private final List<String> reasons = new ArrayList<>();

    private static HostState disk(int freeMb, int totalGb, double ratio) {
        return host("host1").withDisk(totalGb, freeMb).withDiskAllocationRatio(ratio).build();
    }

    @Test
    void rocky_vector_C1_small_request_passes() {
        HostState h = disk(11264, 13, 1.0);
        RequestSpec spec = request().withDisk(1, 1, 512).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(13.0);
    }

    @Test
    void rocky_vector_C2_request_beyond_usable_disk_fails_with_nova_debug_text() {
        HostState h = disk(11264, 13, 1.0);
        RequestSpec spec = request().withDisk(10, 1, 1024).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 2048MB disk: 11264MB io_ops: 0 instances: 0"
                + " does not have 12288 MB usable disk, it only has 11264.0 MB usable disk.");
        assertThat(filter.limit(h, spec)).isEmpty();
    }

    @Test
    void rocky_vector_C3_oversubscribed_disk_passes() {
        HostState h = disk(1024, 12, 10.0);
        RequestSpec spec = request().withDisk(3, 3, 1024).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isTrue();
        assertThat(filter.limit(h, spec)).hasValue(120.0);
    }

    @Test
    void rocky_vector_C4_request_larger_than_the_physical_disk_fails_before_overcommit() {
        HostState h = disk(11264, 12, 10.0);
        RequestSpec spec = request().withDisk(10, 2, 1024).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 2048MB disk: 11264MB io_ops: 0 instances: 0"
                + " does not have 13312 MB usable disk space before overcommit, it only has 12288 MB.");
    }

    @Test
    void rocky_vector_C5_huge_request_fails_at_the_first_check() {
        HostState h = disk(11264, 12, 10.0);
        RequestSpec spec = request().withDisk(100, 19, 1024).build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isFalse();
        assertThat(reasons).singleElement().asString()
                .endsWith("does not have 122880 MB usable disk space before overcommit, it only has 12288 MB.");
    }
}

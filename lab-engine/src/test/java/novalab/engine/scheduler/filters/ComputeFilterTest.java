package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import org.junit.jupiter.api.Test;

/** Vectors D1–D3 (nova test_compute_filters.py). */
class ComputeFilterTest {
    private final ComputeFilter filter = new ComputeFilter();
    private final RequestSpec spec = request().build();
    private final List<String> reasons = new ArrayList<>();

    @Test
    void vector_D1_disabled_service_fails_without_a_liveness_check() {
        // given a host that is both disabled and down: only "disabled" is reported
        HostState h = host("compute1").disabled().down().build();

        assertThat(filter.hostPasses(h, spec, reasons::add)).isFalse();
        assertThat(reasons).containsExactly(
                "(compute1, compute1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0 is disabled, reason: None");
    }

    @Test
    void vector_D2_enabled_service_that_is_up_passes() {
        assertThat(filter.hostPasses(host("compute1").build(), spec, reasons::add)).isTrue();
        assertThat(reasons).isEmpty();
    }

    @Test
    void vector_D3_enabled_service_that_is_down_fails_at_warning_level() {
        HostState h = host("compute1").down().build();
        List<String> lines = new ArrayList<>();

        boolean passes = filter.hostPasses(h, spec, (LevelledWhy) (level, reason) -> lines.add(level + " " + reason));

        assertThat(passes).isFalse();
        assertThat(lines).containsExactly("WARNING (compute1, compute1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0"
                + " has not been heard from in a while");
    }

    @Test
    void down_service_reason_reaches_a_plain_why_too() {
        filter.hostPasses(host("compute1").down().build(), spec, reasons::add);

        assertThat(reasons).singleElement().asString().endsWith(" has not been heard from in a while");
    }

    @Test
    void runs_once_per_request() {
        assertThat(filter.runFilterOncePerRequest()).isTrue();
    }
}

package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AllHostsFilterTest {
    @Test
    void even_a_disabled_down_host_passes() {
        AllHostsFilter filter = new AllHostsFilter();

        assertThat(filter.hostPasses(host("host1").disabled().down().build(), request().build(), HostFilter.Why.IGNORE)).isTrue();
        assertThat(filter.runFilterOncePerRequest()).isTrue();
    }
}

package novalab.engine.scheduler.weights;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.Tolerance.EXACT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.Tolerance;
import novalab.engine.scheduler.WeighedHost;
import novalab.engine.scheduler.WeightHandler;
import org.junit.jupiter.api.Test;

/** Vectors J1–J5 (nova test_weights_cpu.py). */
class CPUWeigherTest {
    /** Free vCPUs after overcommit: h1 8*1.0-8 = 0, h2 4*1.0-2 = 2, h3 6*1.0-0 = 6, h4 8*2.0-0 = 16. */
    private static List<HostState> fourHosts() {
        return new ArrayList<>(List.of(
                host("h1").withVcpus(8, 8).withCpuAllocationRatio(1.0).build(),
                host("h2").withVcpus(4, 2).withCpuAllocationRatio(1.0).build(),
                host("h3").withVcpus(6, 0).withCpuAllocationRatio(1.0).build(),
                host("h4").withVcpus(8, 0).withCpuAllocationRatio(2.0).build()));
    }

    private static List<WeighedHost> weigh(double multiplier, List<HostState> hosts) {
        return WeightHandler.weigh(List.of(new CPUWeigher(multiplier)), hosts);
    }

    @Test
    void vector_J1_spreads_to_the_host_with_most_free_vcpus() {
        List<WeighedHost> weighed = weigh(1.0, fourHosts());

        assertThat(weighed).extracting(w -> w.host().host()).containsExactly("h4", "h3", "h2", "h1");
        assertThat(weighed).extracting(WeighedHost::weight).usingElementComparator(Tolerance.WEIGHTS).containsExactly(1.0, 0.375, 0.125, 0.0);
    }

    @Test
    void vector_J2_multiplier_zero_weighs_every_host_zero() {
        assertThat(weigh(0.0, fourHosts())).allSatisfy(w -> assertThat(w.weight()).isCloseTo(0.0, EXACT));
    }

    @Test
    void vector_J3_multiplier_two_doubles_the_weight() {
        List<WeighedHost> weighed = weigh(2.0, fourHosts());

        assertThat(weighed.get(0).host().host()).isEqualTo("h4");
        assertThat(weighed.get(0).weight()).isCloseTo(2.0, EXACT);
    }

    @Test
    void vector_J4_negative_multiplier_puts_the_full_host_first() {
        List<WeighedHost> weighed = weigh(-1.0, fourHosts());

        assertThat(weighed).extracting(w -> w.host().host()).containsExactly("h1", "h2", "h3", "h4");
        assertThat(weighed.get(0).weight()).isCloseTo(0.0, EXACT);
        assertThat(weighed.get(3).weight()).isCloseTo(-1.0, EXACT);
    }

    @Test
    void vector_J5_overcommitted_host_is_clamped_to_zero_and_sorts_last() {
        List<HostState> hosts = fourHosts();
        hosts.add(host("negative").withVcpus(4, 6).withCpuAllocationRatio(1.0).build());

        List<WeighedHost> weighed = weigh(1.0, hosts);

        assertThat(weighed.get(0).host().host()).isEqualTo("h4");
        assertThat(weighed.get(0).weight()).isCloseTo(1.0, EXACT);
        assertThat(weighed.get(4).host().host()).isEqualTo("negative");
        assertThat(weighed.get(4).weight()).isCloseTo(0.0, EXACT);
    }
}

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

/** Vectors I1–I9 (nova test_weights_ram.py and derived rows). */
class RAMWeigherTest {
    /** h1 512, h2 1024, h3 3072, h4 8192 MB free: normalised free / 8192. */
    private static List<HostState> fourHosts(String... aggregateMultiplier) {
        List<HostState> hosts = new ArrayList<>();
        int[] free = {512, 1024, 3072, 8192};
        for (int i = 0; i < free.length; i++) {
            var b = host("h" + (i + 1)).withRam(8192, free[i]);
            if (aggregateMultiplier.length > 0) b.withAggregate("ram_weight_multiplier", aggregateMultiplier);
            hosts.add(b.build());
        }
        return hosts;
    }

    private static List<WeighedHost> weigh(double multiplier, List<HostState> hosts) {
        return WeightHandler.weigh(List.of(new RAMWeigher(multiplier)), hosts);
    }

    @Test
    void vector_I1_spreads_to_the_host_with_most_free_ram() {
        List<WeighedHost> weighed = weigh(1.0, fourHosts());

        assertThat(weighed.get(0).host().host()).isEqualTo("h4");
        assertThat(weighed.get(0).weight()).isCloseTo(1.0, EXACT);
    }

    @Test
    void derived_vector_I1_prime_orders_every_host_by_free_ram_over_the_largest() {
        List<WeighedHost> weighed = weigh(1.0, fourHosts());

        assertThat(weighed).extracting(w -> w.host().host()).containsExactly("h4", "h3", "h2", "h1");
        assertThat(weighed.get(1).weight()).isCloseTo(0.375, EXACT);
        assertThat(weighed.get(2).weight()).isCloseTo(0.125, EXACT);
        assertThat(weighed.get(3).weight()).isCloseTo(0.0625, EXACT);
    }

    @Test
    void vector_I2_multiplier_zero_weighs_every_host_zero_in_input_order() {
        List<WeighedHost> weighed = weigh(0.0, fourHosts());

        assertThat(weighed).extracting(w -> w.host().host()).containsExactly("h1", "h2", "h3", "h4");
        assertThat(weighed).allSatisfy(w -> assertThat(w.weight()).isCloseTo(0.0, EXACT));
    }

    @Test
    void vector_I3_multiplier_two_doubles_the_weight() {
        List<WeighedHost> weighed = weigh(2.0, fourHosts());

        assertThat(weighed.get(0).host().host()).isEqualTo("h4");
        assertThat(weighed.get(0).weight()).isCloseTo(2.0, EXACT);
    }

    @Test
    void vector_I4_negative_free_ram_is_clamped_to_zero_and_sorts_last() {
        List<HostState> hosts = new ArrayList<>(fourHosts());
        hosts.add(host("negative").withRam(8192, -512).build());

        List<WeighedHost> weighed = weigh(1.0, hosts);

        assertThat(weighed.get(0).host().host()).isEqualTo("h4");
        assertThat(weighed.get(0).weight()).isCloseTo(1.0, EXACT);
        assertThat(weighed.get(4).host().host()).isEqualTo("negative");
        assertThat(weighed.get(4).weight()).isCloseTo(0.0, EXACT);
        assertThat(weighed.get(4).raw()).containsEntry("RAMWeigher", 0.0);
    }

    @Test
    void vector_I5_aggregate_multiplier_overrides_the_configured_one() {
        List<WeighedHost> weighed = weigh(-1.0, fourHosts("1.5"));

        assertThat(weighed.get(0).host().host()).isEqualTo("h4");
        assertThat(weighed.get(0).weight()).isCloseTo(1.5, EXACT);
        assertThat(weighed.get(0).multiplier()).containsEntry("RAMWeigher", 1.5);
    }

    @Test
    void vector_I6_host_in_no_aggregate_uses_the_configured_multiplier() {
        assertThat(new RAMWeigher(-1.0).weightMultiplier(host("h1").build())).isEqualTo(-1.0);
    }

    @Test
    void vector_I7_host_in_one_aggregate_uses_its_multiplier() {
        assertThat(new RAMWeigher(-1.0).weightMultiplier(host("h1").withAggregate("ram_weight_multiplier", "2").build()))
                .isEqualTo(2.0);
    }

    @Test
    void vector_I8_host_in_two_aggregates_uses_the_smaller_multiplier() {
        assertThat(new RAMWeigher(-1.0).weightMultiplier(host("h1").withAggregate("ram_weight_multiplier", "2", "1.5").build()))
                .isEqualTo(1.5);
    }

    @Test
    void derived_vector_I9_negative_multiplier_stacks_onto_the_fullest_host() {
        List<WeighedHost> weighed = weigh(-1.0, fourHosts());

        assertThat(weighed).extracting(w -> w.host().host()).containsExactly("h1", "h2", "h3", "h4");
        assertThat(weighed).extracting(WeighedHost::weight).usingElementComparator(Tolerance.WEIGHTS).containsExactly(-0.0625, -0.125, -0.375, -1.0);
    }
}

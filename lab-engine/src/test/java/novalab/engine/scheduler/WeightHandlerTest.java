package novalab.engine.scheduler;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.Tolerance.EXACT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import novalab.engine.scheduler.weights.CPUWeigher;
import novalab.engine.scheduler.weights.DiskWeigher;
import novalab.engine.scheduler.weights.HostWeigher;
import novalab.engine.scheduler.weights.RAMWeigher;
import org.junit.jupiter.api.Test;

/** Vectors H (nova test_weights.py) and K (derived), plus the handler's bookkeeping. */
class WeightHandlerTest {
    /** A hand-written weigher: raw weight by host name, optional bounds, a fixed multiplier; counts its calls. */
    private static final class FakeWeigher implements HostWeigher {
        private final String name;
        private final Map<String, Double> raw;
        private final OptionalDouble minval;
        private final OptionalDouble maxval;
        private final double multiplier;
        int calls;

        FakeWeigher(String name, Map<String, Double> raw, OptionalDouble minval, OptionalDouble maxval, double multiplier) {
            this.name = name;
            this.raw = raw;
            this.minval = minval;
            this.maxval = maxval;
            this.multiplier = multiplier;
        }

        @Override public String name() { return name; }

        @Override public double weigh(HostState host) { calls++; return raw.get(host.host()); }

        @Override public double weightMultiplier(HostState host) { return multiplier; }

        @Override public OptionalDouble minval() { return minval; }

        @Override public OptionalDouble maxval() { return maxval; }
    }

    private static final OptionalDouble UNSET = OptionalDouble.empty();

    private static List<Double> normalize(List<Double> raw, OptionalDouble min, OptionalDouble max) {
        return WeightHandler.normalize(raw, min, max);
    }

    @Test
    void vector_H_normalises_like_nova_weights_normalize() {
        assertThat(normalize(List.of(), UNSET, UNSET)).isEmpty();
        assertThat(normalize(List.of(0.0, 0.0), UNSET, UNSET)).containsExactly(0.0, 0.0);
        assertThat(normalize(List.of(1.0, 1.0), UNSET, UNSET)).containsExactly(0.0, 0.0);
        assertThat(normalize(List.of(20.0, 50.0), UNSET, UNSET)).usingElementComparator(Tolerance.WEIGHTS).containsExactly(0.0, 1.0);
        assertThat(normalize(List.of(20.0, 50.0), UNSET, OptionalDouble.of(100))).usingElementComparator(Tolerance.WEIGHTS).containsExactly(0.0, 0.375);
        assertThat(normalize(List.of(20.0, 50.0), OptionalDouble.of(0), UNSET)).usingElementComparator(Tolerance.WEIGHTS).containsExactly(0.4, 1.0);
        assertThat(normalize(List.of(20.0, 50.0), OptionalDouble.of(0), OptionalDouble.of(100))).usingElementComparator(Tolerance.WEIGHTS).containsExactly(0.2, 0.5);
    }

    @Test
    void vector_H_a_single_host_weighs_zero_and_no_weigher_runs() {
        FakeWeigher weigher = new FakeWeigher("Fake", Map.of("h1", 5.0), UNSET, UNSET, 1.0);

        List<WeighedHost> weighed = WeightHandler.weigh(List.of(weigher), List.of(host("h1").build()));

        assertThat(weighed).singleElement().satisfies(w -> {
            assertThat(w.weight()).isEqualTo(0.0);
            assertThat(w.raw()).isEmpty();
        });
        assertThat(weigher.calls).isZero();
    }

    @Test
    void no_hosts_give_no_weighed_hosts() {
        assertThat(WeightHandler.weigh(List.of(new RAMWeigher(1.0)), List.of())).isEmpty();
    }

    @Test
    void weigher_without_bounds_scales_between_the_smallest_and_largest_weight() {
        // raw 10, 20, 30: min-max gives 0, 0.5, 1
        FakeWeigher weigher = new FakeWeigher("Fake", Map.of("a", 10.0, "b", 20.0, "c", 30.0), UNSET, UNSET, 1.0);

        List<WeighedHost> weighed = WeightHandler.weigh(List.of(weigher),
                List.of(host("a").build(), host("b").build(), host("c").build()));

        assertThat(weighed).extracting(w -> w.host().host()).containsExactly("c", "b", "a");
        assertThat(weighed.get(1).weight()).isCloseTo(0.5, EXACT);
    }

    @Test
    void raw_weights_are_clamped_to_maxval_before_normalising() {
        // raw 50 and 500 with minval 0 and maxval 100: 500 counts as 100, so weights 1.0 and 0.5
        FakeWeigher weigher = new FakeWeigher("Fake", Map.of("a", 50.0, "b", 500.0), OptionalDouble.of(0), OptionalDouble.of(100), 1.0);

        List<WeighedHost> weighed = WeightHandler.weigh(List.of(weigher), List.of(host("a").build(), host("b").build()));

        assertThat(weighed.get(0).raw()).containsEntry("Fake", 100.0);
        assertThat(weighed.get(0).weight()).isCloseTo(1.0, EXACT);
        assertThat(weighed.get(1).weight()).isCloseTo(0.5, EXACT);
    }

    /** Section I and J hosts: RAM free 512/1024/3072/8192 MB, free vCPUs 0/2/6/16. */
    private static List<HostState> fourHosts() {
        return List.of(
                host("h1").withRam(8192, 512).withVcpus(8, 8).withCpuAllocationRatio(1.0).build(),
                host("h2").withRam(8192, 1024).withVcpus(4, 2).withCpuAllocationRatio(1.0).build(),
                host("h3").withRam(8192, 3072).withVcpus(6, 0).withCpuAllocationRatio(1.0).build(),
                host("h4").withRam(8192, 8192).withVcpus(8, 0).withCpuAllocationRatio(2.0).build());
    }

    @Test
    void derived_vector_K_ram_and_cpu_weights_add_up() {
        List<HostWeigher> weighers = List.of(new RAMWeigher(1.0), new CPUWeigher(1.0), new DiskWeigher(0.0));

        List<WeighedHost> weighed = WeightHandler.weigh(weighers, fourHosts());

        assertThat(weighed).extracting(w -> w.host().host()).containsExactly("h4", "h3", "h2", "h1");
        assertThat(weighed).extracting(WeighedHost::weight).usingElementComparator(Tolerance.WEIGHTS)
                .containsExactly(2.0, 0.75, 0.25, 0.0625);
        WeighedHost h1 = weighed.get(3);
        assertThat(h1.raw()).containsExactly(Map.entry("RAMWeigher", 512.0), Map.entry("CPUWeigher", 0.0),
                Map.entry("DiskWeigher", 20480.0));
        // every host has 20480 MB disk free: with minval 0 that normalises to 1.0, times multiplier 0
        assertThat(h1.normalized()).containsExactly(Map.entry("RAMWeigher", 0.0625), Map.entry("CPUWeigher", 0.0),
                Map.entry("DiskWeigher", 1.0));
        assertThat(h1.multiplier()).containsExactly(Map.entry("RAMWeigher", 1.0), Map.entry("CPUWeigher", 1.0),
                Map.entry("DiskWeigher", 0.0));
    }

    @Test
    void derived_vector_K_ties_keep_input_order_when_ram_stacks_and_cpu_spreads() {
        List<WeighedHost> weighed = WeightHandler.weigh(List.of(new RAMWeigher(-1.0), new CPUWeigher(1.0)), fourHosts());

        assertThat(weighed).extracting(w -> w.host().host()).containsExactly("h2", "h3", "h4", "h1");
        assertThat(weighed).extracting(WeighedHost::weight).usingElementComparator(Tolerance.WEIGHTS)
                .containsExactly(0.0, 0.0, 0.0, -0.0625);
    }
}

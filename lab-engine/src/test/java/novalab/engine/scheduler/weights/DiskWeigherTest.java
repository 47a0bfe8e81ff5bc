package novalab.engine.scheduler.weights;

import static novalab.engine.scheduler.FakeHostStates.host;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import novalab.engine.scheduler.Tolerance;
import novalab.engine.scheduler.WeighedHost;
import novalab.engine.scheduler.WeightHandler;
import org.junit.jupiter.api.Test;

/** Vector J6 (nova test_weights_disk.py). */
class DiskWeigherTest {
    @Test
    void vector_J6_spreads_to_the_host_with_most_free_disk() {
        // given free_disk_mb 5120, 10240, 30720 and 81920
        List<WeighedHost> weighed = WeightHandler.weigh(List.of(new DiskWeigher(1.0)), List.of(
                host("h1").withFreeDiskMb(5120).build(), host("h2").withFreeDiskMb(10240).build(),
                host("h3").withFreeDiskMb(30720).build(), host("h4").withFreeDiskMb(81920).build()));

        assertThat(weighed).extracting(w -> w.host().host()).containsExactly("h4", "h3", "h2", "h1");
        assertThat(weighed).extracting(WeighedHost::weight).usingElementComparator(Tolerance.WEIGHTS).containsExactly(1.0, 0.375, 0.125, 0.0625);
    }

    @Test
    void aggregate_disk_weight_multiplier_overrides_the_configured_one() {
        assertThat(new DiskWeigher(1.0).weightMultiplier(host("h1").withAggregate("disk_weight_multiplier", "-2").build()))
                .isEqualTo(-2.0);
    }
}

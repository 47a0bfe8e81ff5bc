package novalab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.bench.Cookbook;
import org.junit.jupiter.api.Test;

/** Same scenario, seed and timed history give byte-identical transcripts, on both drivers and across them. */
class DeterminismTest {
    private static String run(String driver, long seed) {
        try (Sandbox box = Sandbox.create(c -> { c.driver = driver; c.seed = seed; })) {
            return Scripts.transcript(box, Cookbook.history());
        }
    }

    @Test
    void the_same_seed_and_history_give_the_same_bytes_on_the_fake_driver() {
        assertThat(run("fake", 42)).isEqualTo(run("fake", 42));
    }

    @Test
    void the_same_seed_and_history_give_the_same_bytes_on_the_libvirt_driver() {
        assertThat(run("libvirt", 42)).isEqualTo(run("libvirt", 42));
    }

    @Test
    void both_drivers_print_the_same_transcript() {
        assertThat(run("libvirt", 7)).isEqualTo(run("fake", 7));
    }

    @Test
    void another_seed_gives_other_ids() {
        assertThat(run("fake", 1)).isNotEqualTo(run("fake", 2));
    }
}

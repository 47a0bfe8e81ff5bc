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

    /** ./lab shell in a fresh JVM, fed the cookbook on stdin. */
    private static String labShellInFreshJvm(String driver) throws Exception {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "novalab.engine.LabMain",
                "--seed", "11", "--driver", driver);
        pb.redirectErrorStream(false);
        Process p = pb.start();
        StringBuilder script = new StringBuilder();
        for (Cookbook.Step s : Cookbook.history()) script.append(s.line()).append('\n');
        try (var in = p.getOutputStream()) {
            in.write(script.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.getErrorStream().readAllBytes();
        assertThat(p.waitFor()).isZero();
        return out;
    }

    @Test
    void two_jvm_runs_of_the_same_script_print_the_same_bytes() throws Exception {
        String first = labShellInFreshJvm("libvirt");
        assertThat(first).contains("nebula-web-01");
        assertThat(labShellInFreshJvm("fake")).isEqualTo(first);
    }

    @Test
    void another_seed_gives_other_ids() {
        assertThat(run("fake", 1)).isNotEqualTo(run("fake", 2));
    }
}

package novalab.exercises.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.scheduler.external.ExternalScheduling;
import org.junit.jupiter.api.Test;

/** Student filters compiled here and run on the shared JShell pool: answers, compile errors, throws, and what the pool refuses. */
class PoolSchedulingTest extends StudentClassRunnerContract {
    private static final PoolScheduling RUNNER = new PoolScheduling();

    @Override
    ExternalScheduling runner() { return RUNNER; }

    @Test
    void hostile_code_is_refused_or_stopped_by_the_pool_with_its_sentence() {
        assertThat(raisedOnFirst("try { return java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")).isEmpty(); } catch (java.io.IOException e) { return false; }"))
                .isEqualTo("F could not be run in the sandbox: Refused: java.nio.file.Path is not available in the playground (no files, network, processes, reflection, class loaders or threads).");
        assertThat(raisedOnFirst("System.exit(3); return true;"))
                .startsWith("F could not be run in the sandbox: Refused: java.lang.System.exit is not available");
        assertThat(raisedOnFirst("while (true) { if (host == null) break; } return true;"))
                .startsWith("F could not be run in the sandbox: Your snippet ").endsWith(" and was stopped.");
        assertThat(raisedOnFirst("long[][] a = new long[1000][]; for (int i = 0; i < a.length; i++) a[i] = new long[1_000_000]; return a.length > 0;"))
                .startsWith("F could not be run in the sandbox: ").contains("memory");
    }

    @Test
    void the_lab_installs_the_pool_runner() {
        assertThat(ExternalScheduling.installed()).isInstanceOf(PoolScheduling.class);
    }
}

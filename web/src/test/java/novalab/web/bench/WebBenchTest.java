package novalab.web.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebBenchTest {
    @Test
    void a_short_run_of_a_few_students_answers_every_command_and_reports_its_figures() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WebBench.Result r = WebBench.run(4, 250, 2, 1, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertThat(r.failed()).as(report).isZero();
        assertThat(r.answered()).as(report).isBetween(28, 36); // 4 students x 2 s / 250 ms
        assertThat(r.p99Ms()).isGreaterThanOrEqualTo(r.p50Ms()).isPositive();
        assertThat(report).contains("bench web: 4 students on loopback", "throughput:", "p50", "p99", "slowest commands");
    }
}

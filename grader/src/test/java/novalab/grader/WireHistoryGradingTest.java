package novalab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import novalab.engine.Sandbox;
import novalab.engine.wire.ApiCall;
import novalab.engine.wire.ApiResponse;
import novalab.engine.wire.HistoryLines;
import novalab.engine.wire.OpenStackWire;
import novalab.exercises.Exercise;
import novalab.exercises.ExerciseSandbox;
import org.junit.jupiter.api.Test;

/** Requests a real client made ({@code __api …} lines) count in grading exactly like the terminal commands they stand for. */
class WireHistoryGradingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEYS = "02-keys-and-groups";
    private static final String AUTH = """
            {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "nebula_admin", "domain": {"name": "Default"},
             "password": "N3bulaPass"}}}, "scope": {"project": {"name": "nebula_prod", "domain": {"name": "Default"}}}}}""";

    private record Line(long t, String line) {}

    /** Builds a history line by line on a live exercise sandbox, so request lines can carry the ids earlier answers gave. */
    private static final class Recorder implements AutoCloseable {
        final Sandbox box;
        final List<Line> lines = new ArrayList<>();
        long t;

        Recorder(Exercise ex) { box = ExerciseSandbox.create(ex, "fake"); }

        void shell(String line) {
            t += 2000;
            HistoryLines.replay(box, t, line);
            lines.add(new Line(t, line));
        }

        ApiResponse api(String method, String path, String token, String body) throws Exception {
            t += 2000;
            ApiCall call = ApiCall.of(method, path, "", Map.of("x-auth-token", token)::get, body);
            ApiCall again = ApiCall.fromHistoryLine(call.historyLine()).orElseThrow();
            box.cloud().advanceTo(Math.max(box.cloud().nowMs(), t));
            ApiResponse r = OpenStackWire.handle(box, HistoryLines.REPLAY_BASE, again);
            lines.add(new Line(t, call.historyLine()));
            return r;
        }

        String jsonLines() throws Exception {
            StringBuilder sb = new StringBuilder();
            for (Line l : lines) sb.append(JSON.writeValueAsString(Map.of("t", l.t(), "cmd", l.line()))).append('\n');
            return sb.toString();
        }

        @Override
        public void close() { box.close(); }
    }

    @Test
    void a_history_mixing_terminal_lines_and_api_requests_grades_like_the_terminal_only_history() throws Exception {
        Exercise ex = Week9.exercise(KEYS);
        String mixed;
        try (Recorder r = new Recorder(ex)) {
            r.shell("source nebula-openrc.sh");
            r.shell("openstack keypair create nebula_key > nebula_key.pem");
            r.shell("chmod 600 nebula_key.pem");
            ApiResponse auth = r.api("POST", "/identity/v3/auth/tokens", "", AUTH);
            assertThat(auth.status()).isEqualTo(201);
            String token = auth.header("X-Subject-Token");
            ApiResponse sg = r.api("POST", "/network/v2.0/security-groups", token,
                    "{\"security_group\": {\"name\": \"web\", \"description\": \"Nebula web servers\"}}");
            assertThat(sg.status()).isEqualTo(201);
            String group = JSON.readTree(sg.body()).path("security_group").path("id").asText();
            for (int port : new int[] {22, 80}) {
                ApiResponse rule = r.api("POST", "/network/v2.0/security-group-rules", token, "{\"security_group_rule\": {\"security_group_id\": \""
                        + group + "\", \"direction\": \"ingress\", \"ethertype\": \"IPv4\", \"protocol\": \"tcp\", \"port_range_min\": " + port
                        + ", \"port_range_max\": " + port + ", \"remote_ip_prefix\": \"0.0.0.0/0\"}}");
                assertThat(rule.status()).isEqualTo(201);
            }
            mixed = r.jsonLines();
        }
        assertThat(mixed).contains("__api POST /network/v2.0/security-group-rules");

        GradeResult viaApi = Week9.GRADER.grade(ex, mixed.getBytes(StandardCharsets.UTF_8));
        GradeResult viaShell = Week9.grade(KEYS, Week9.solution(KEYS));
        assertThat(viaShell.score()).isEqualTo(1.0);
        assertThat(viaApi.score()).isEqualTo(viaShell.score());
        assertThat(viaApi.tests()).extracting(TestResult::passed).containsOnly(true);
        assertThat(viaApi.engineErrors()).isZero();
    }

    @Test
    void without_the_api_requests_the_same_history_misses_the_group_checks() throws Exception {
        String shellOnly = """
                source nebula-openrc.sh
                openstack keypair create nebula_key > nebula_key.pem
                chmod 600 nebula_key.pem
                """;
        GradeResult r = Week9.grade(KEYS, shellOnly);
        assertThat(r.score()).isLessThan(1.0);
    }
}

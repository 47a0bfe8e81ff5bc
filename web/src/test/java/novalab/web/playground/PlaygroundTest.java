package novalab.web.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.db.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaygroundTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse", Role.STUDENT, "bob", "battery staple");
    }

    private static JsonNode snippet(WebTests.Client client, String source) throws Exception {
        HttpResponse<String> r = client.postJson("/playground/run", "source", source);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String terminal(WebTests.Client client, String line) throws Exception {
        HttpResponse<String> r = client.postJson("/lab/run", "line", line);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).get("output").asText();
    }

    private List<String> stored(String user) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            return db.query("SELECT c.line FROM commands c JOIN users u ON u.id = c.user_id WHERE u.name = ? "
                    + "AND c.epoch = (SELECT MAX(epoch) FROM sandboxes s WHERE s.user_id = u.id) ORDER BY c.seq", rs -> rs.getString(1), user);
        }
    }

    @Test
    void a_server_created_through_the_sdk_is_in_openstack_server_list_and_in_the_history_and_survives_a_restart() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            JsonNode r = snippet(client, "var web = cloud.servers().create(\"web1\", \"m1.small\", \"cirros\", \"nebula_net\"); web.name()");
            assertThat(r.get("outcome").asText()).as(r.toString()).isEqualTo("OK");
            assertThat(r.get("text").asText()).contains("web ==> Server[id=").contains("$1 ==> \"web1\"");
            JsonNode d = snippet(client, "cloud.servers().waitFor(\"web1\").status() + \" on \" + cloud.scheduler().lastDecision().get().chosen()");
            assertThat(d.get("entries").get(0).get("value").asText()).matches("\"ACTIVE on compute[1-4]\"");
            terminal(client, "source nebula-openrc.sh");
            assertThat(terminal(client, "openstack server list")).contains("web1").contains("ACTIVE").contains("m1.small");
            List<String> history = stored("ada");
            assertThat(history).anyMatch(l -> l.startsWith("__api POST /identity/v3/auth/tokens"));
            assertThat(history).anyMatch(l -> l.startsWith("__api POST /compute/v2.1/servers ") && l.contains("\"name\": \"web1\""));
            assertThat(history).noneMatch(l -> l.contains("/lab/scheduler"));
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            terminal(client, "source nebula-openrc.sh");
            assertThat(terminal(client, "openstack server list")).as("rebuilt by replaying the __api lines").contains("web1");
            JsonNode again = snippet(client, "cloud.servers().list().stream().map(Server::name).toList()");
            assertThat(again.get("entries").get(0).get("value").asText()).isEqualTo("[web1]");
        });
    }

    @Test
    void the_page_shows_results_as_jshell_does_and_a_forbidden_call_gets_a_sentence_without_javascript() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            HttpResponse<String> post = client.post("/playground/run", "source", "int sq(int x) { return x * x; } sq(7)");
            assertThat(post.statusCode()).isIn(200, 303);
            client.post("/playground/run", "source", "System.exit(0)");
            client.post("/playground/run", "source", "1 / 0");
            String page = client.get("/playground").body();
            assertThat(page).contains("<label for=\"jshell-source\">").contains("|  created method sq(int)").contains("$1 ==&gt; 49")
                    .contains("|  Refused: java.lang.System.exit is not available in the playground")
                    .contains("|  Exception java.lang.ArithmeticException: / by zero").contains("Outcome: refused")
                    .doesNotContain("<script>").contains("/static/playground.js");
            HttpResponse<String> empty = client.postJson("/playground/run", "source", "  ");
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("Type a Java snippet first");
        });
    }

    @Test
    void another_student_is_answered_while_a_runaway_snippet_is_stopped_and_its_session_restarted() throws Exception {
        WebTests.test(data, (app, ada) -> {
            ada.signIn("ada", "correct horse");
            WebTests.Client bob = new WebTests.Client("http://localhost:" + app.port());
            bob.signIn("bob", "battery staple");
            snippet(bob, "1 + 1");
            AtomicReference<JsonNode> runaway = new AtomicReference<>();
            Thread attack = new Thread(() -> {
                try {
                    runaway.set(snippet(ada, "while (true) {}"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            attack.start();
            Thread.sleep(1_000);
            long t0 = System.nanoTime();
            JsonNode answer = snippet(bob, "6 * 7");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            attack.join();
            assertThat(answer.get("entries").get(0).get("value").asText()).isEqualTo("42");
            assertThat(ms).as("bob waited (ms)").isLessThan(4_000);
            assertThat(runaway.get().get("outcome").asText()).isEqualTo("STOPPED");
            assertThat(runaway.get().get("notice").asText())
                    .matches("Your snippet (ran longer than 5 s|used more than 4 s of CPU time) and was stopped; your session was restarted\\.");
            assertThat(snippet(ada, "\"still here\"").get("entries").get(0).get("value").asText()).isEqualTo("\"still here\"");
        });
    }

    @Test
    void after_a_sandbox_reset_the_sdk_signs_in_again_on_the_fresh_sandbox() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            assertThat(snippet(client, "cloud.keypairs().create(\"k1\").name()").get("entries").get(0).get("value").asText()).isEqualTo("\"k1\"");
            HttpResponse<String> reset = client.post("/lab/reset", "confirm", "yes");
            assertThat(reset.statusCode()).isIn(200, 303);
            JsonNode after = snippet(client, "cloud.keypairs().list().size()");
            assertThat(after.get("entries").get(0).get("value").asText()).as(after.toString()).isEqualTo("0");
            // the fresh sandbox refuses the old token (401, recorded like any answer), the SDK signs in again and retries
            List<String> epoch = stored("ada");
            assertThat(epoch).hasSize(3);
            assertThat(epoch.get(0)).startsWith("__api GET /compute/v2.1/os-keypairs");
            assertThat(epoch.get(1)).startsWith("__api POST /identity/v3/auth/tokens");
            assertThat(epoch.get(2)).startsWith("__api GET /compute/v2.1/os-keypairs");
        });
    }

    @Test
    void the_playground_needs_a_signed_in_student() throws Exception {
        WebTests.test(data, (app, client) -> {
            HttpResponse<String> r = client.get("/playground");
            assertThat(r.statusCode()).isIn(302, 303);
        });
    }
}

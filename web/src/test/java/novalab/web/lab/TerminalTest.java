package novalab.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import novalab.web.Role;
import novalab.web.db.Database;
import novalab.web.WebTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse", Role.STUDENT, "bob", "battery staple");
    }

    private static JsonNode run(WebTests.Client client, String line) throws Exception {
        HttpResponse<String> r = client.postJson("/lab/run", "line", line);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private List<String> stored(String user) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            return db.query("SELECT c.line FROM commands c JOIN users u ON u.id = c.user_id WHERE u.name = ? "
                    + "AND c.epoch = (SELECT MAX(epoch) FROM sandboxes s WHERE s.user_id = u.id) ORDER BY c.seq", rs -> rs.getString(1), user);
        }
    }

    @Test
    void a_student_sources_the_openrc_and_lists_flavors_over_http() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            JsonNode src = run(client, "source nebula-openrc.sh");
            assertThat(src.get("status").asInt()).isZero();
            assertThat(src.get("seq").asInt()).isEqualTo(1);
            JsonNode list = run(client, "openstack flavor list");
            assertThat(list.get("output").asText()).contains("| 1  | m1.tiny   |   512 |    1 |         0 |     1 | True      |");
            assertThat(list.get("prompt").asText()).endsWith("@workstation:~$ ");
            assertThat(list.get("simTime").asText()).contains("sandbox time");
            assertThat(stored("ada")).containsExactly("source nebula-openrc.sh", "openstack flavor list");
        });
    }

    @Test
    void the_history_survives_a_restart_and_the_sandbox_is_rebuilt_by_replay() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "source nebula-openrc.sh");
            run(client, "openstack keypair create nebula_key > nebula_key.pem");
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            assertThat(client.get("/lab").body()).contains("openstack keypair create nebula_key &gt; nebula_key.pem");
            JsonNode r = run(client, "openstack keypair list -f value -c Name");
            assertThat(r.get("output").asText()).isEqualTo("nebula_key\n");
            assertThat(r.get("seq").asInt()).isEqualTo(3);
        });
    }

    @Test
    void each_student_has_an_own_sandbox() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "touch ada-was-here");
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("bob", "battery staple");
            assertThat(run(client, "ls").get("output").asText()).doesNotContain("ada-was-here");
        });
    }

    @Test
    void reset_starts_again_and_rewind_goes_back_to_before_a_command() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "touch one");
            run(client, "touch two");
            run(client, "touch three");
            assertThat(client.post("/lab/rewind", "n", "3").statusCode()).isEqualTo(303);
            client.get("/lab");
            assertThat(run(client, "ls").get("output").asText()).contains("one", "two").doesNotContain("three");
            assertThat(stored("ada")).containsExactly("touch one", "touch two", "ls");

            assertThat(client.post("/lab/reset").statusCode()).as("reset needs its confirmation").isEqualTo(400);
            assertThat(client.post("/lab/reset", "confirm", "yes").statusCode()).isEqualTo(303);
            client.get("/lab");
            assertThat(run(client, "ls").get("output").asText()).doesNotContain("one");
            assertThat(stored("ada")).containsExactly("ls");
        });
    }

    @Test
    void bad_form_input_gets_a_clear_page_not_a_stack_trace() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            HttpResponse<String> r = client.post("/lab/rewind", "n", "abc");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Rewind needs a command number, such as 3 (got 'abc').").doesNotContain("Exception");
            r = client.post("/lab/rewind", "n", "7");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("There is nothing to rewind");
            r = client.post("/lab/reset");
            assertThat(r.body()).contains("Tick \"Yes, reset my sandbox\" to confirm.");
        });
    }

    @Test
    void tab_completes_and_an_unfinished_line_is_neither_stored_nor_run() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            JsonNode c = JSON.readTree(client.postJson("/lab/complete", "line", "cat nebula-o").body());
            assertThat(c.get("candidates").get(0).asText()).isEqualTo("nebula-openrc.sh");
            assertThat(run(client, "echo 'open quote").get("incomplete").asBoolean()).isTrue();
            assertThat(stored("ada")).isEmpty();
        });
    }

    @Test
    void tab_after_openstack_server_show_offers_the_server_the_student_created_and_changes_nothing() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "source nebula-openrc.sh");
            JsonNode created = run(client, "openstack server create --flavor m1.tiny --image cirros --network nebula_net nebula_web_01 --wait");
            assertThat(created.get("status").asInt()).as(created.get("output").asText()).isZero();
            String time = created.get("simTime").asText();

            HttpResponse<String> r = client.postJson("/lab/complete", "line", "openstack server show neb");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode c = JSON.readTree(r.body());
            assertThat(c.get("candidates")).extracting(JsonNode::asText).containsExactly("nebula_web_01");
            assertThat(c.get("simTime").asText()).isEqualTo(time);
            JsonNode flavors = JSON.readTree(client.postJson("/lab/complete", "line", "openstack server create --flavor=m1.t").body());
            assertThat(flavors.get("candidates")).extracting(JsonNode::asText).containsExactly("m1.tiny");

            assertThat(stored("ada")).containsExactly("source nebula-openrc.sh",
                    "openstack server create --flavor m1.tiny --image cirros --network nebula_net nebula_web_01 --wait");
            assertThat(run(client, "openstack server list -f value -c Name").get("output").asText()).isEqualTo("nebula_web_01\n");
        });
    }

    @Test
    void output_is_escaped_in_the_page() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "echo '<script>alert(1)</script>'");
            assertThat(client.get("/lab").body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)");
        });
    }
}

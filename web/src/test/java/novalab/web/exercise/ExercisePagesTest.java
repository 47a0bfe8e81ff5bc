package novalab.web.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.db.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exercise pages through HTTP: own sandboxes per exercise, "Check my progress" with the replay grader, hints, hidden checks. */
class ExercisePagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MENU = "01-the-menu";
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse", Role.STUDENT, "bob", "battery staple");
    }

    private static JsonNode run(WebTests.Client client, String sandbox, String line) throws Exception {
        HttpResponse<String> r = client.postJson("/lab/run", "sandbox", sandbox, "line", line);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private List<String> stored(String user, String scenario) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            return db.query("SELECT c.line FROM commands c JOIN users u ON u.id = c.user_id WHERE u.name = ? AND c.scenario = ? "
                    + "AND c.epoch = (SELECT MAX(epoch) FROM sandboxes s WHERE s.user_id = u.id AND s.scenario = c.scenario) ORDER BY c.seq",
                    rs -> rs.getString(1), user, scenario);
        }
    }

    private static String check(WebTests.Client client, String exercise) throws Exception {
        HttpResponse<String> r = client.post("/exercises/" + exercise + "/check");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).contains("/exercises/" + exercise + "#progress");
        return client.get("/exercises/" + exercise).body();
    }

    @Test
    void the_exercise_page_runs_commands_in_its_own_sandbox_apart_from_the_free_terminal() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            HttpResponse<String> page = client.get("/exercises/" + MENU);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>The menu</h1>", "data-sandbox=\"01-the-menu\"", "Check my progress", "name=\"sandbox\" value=\"01-the-menu\"");
            run(client, MENU, "touch menu-notes");
            assertThat(run(client, MENU, "ls").get("output").asText()).contains("menu-notes");
            assertThat(JSON.readTree(client.postJson("/lab/run", "line", "ls").body()).get("output").asText()).doesNotContain("menu-notes");
            assertThat(stored("ada", MENU)).containsExactly("touch menu-notes", "ls");
            assertThat(stored("ada", "nebula-inc")).containsExactly("ls");
            assertThat(client.get("/lab").body()).doesNotContain("touch menu-notes");
        });
    }

    @Test
    void an_exercise_sandbox_starts_from_its_setup_and_is_rebuilt_by_replay_after_a_restart() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "03-power-on", "source nebula-openrc.sh");
            assertThat(run(client, "03-power-on", "openstack keypair list -f value -c Name").get("output").asText()).isEqualTo("nebula_key\n");
            run(client, "03-power-on", "touch before-restart");
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            JsonNode r = run(client, "03-power-on", "ls");
            assertThat(r.get("output").asText()).contains("before-restart", "nebula_key.pem");
            assertThat(r.get("seq").asInt()).isEqualTo(4);
        });
    }

    @Test
    void checking_after_the_solution_scores_full_marks_and_lists_each_visible_check() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            for (String line : List.of("source admin-openrc.sh", "openstack flavor list",
                    "openstack flavor create --vcpus 1 --ram 512 --disk 5 --public m1.nebula_micro")) {
                assertThat(run(client, MENU, line).get("status").asInt()).as(line).isZero();
            }
            String page = check(client, MENU);
            assertThat(page).contains("Last check: 8 of 8 points (100%)", "8 of 8 points on the checks you can see.",
                    "m1.nebula_micro has 1 vCPU, 512 MB RAM and a 5 GB disk", "m1.nebula_micro is public", "✓ passed",
                    "1 hidden check is graded too; their results are not shown here.");
            assertThat(page).doesNotContain("✗ failed", "The stock m1.tiny is still on the menu");
            assertThat(page).as("a passing check reveals no hint").contains("A hint appears after each check").doesNotContain("Flavors belong to the provider");
            assertThat(client.get("/exercises").body()).contains("8 of 8 points (100%)", "all visible checks pass", "not checked yet");
            try (Database db = Database.open(data.resolve("lab.db"))) {
                assertThat(db.queryOne("SELECT score FROM exercise_checks WHERE exercise = ?", rs -> rs.getDouble(1), MENU)).contains(1.0);
            }
        });
    }

    @Test
    void a_wrong_attempt_shows_the_failing_messages_and_reveals_one_more_hint_per_failed_check() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            assertThat(client.get("/exercises/" + MENU).body()).contains("A hint appears after each check").doesNotContain("Flavors belong to the provider");
            run(client, MENU, "source admin-openrc.sh");
            run(client, MENU, "openstack flavor create --vcpus 1 --ram 1024 --disk 5 --private m1.nebula_micro");
            String page = check(client, MENU);
            assertThat(page).contains("Last check: 0 of 8 points (0%)", "✗ failed",
                    "There is no flavor m1.nebula_micro with 1 vCPU, 512 MB of RAM and a 5 GB disk.",
                    "m1.nebula_micro is missing or private",
                    "First divergence: command 2",
                    "Flavors belong to the provider", "1 of 3 hints shown");
            assertThat(page).doesNotContain("takes the sizes as options");
            page = check(client, MENU);
            assertThat(page).contains("takes the sizes as options", "2 of 3 hints shown").doesNotContain("A flavor cannot be edited");
            page = check(client, MENU);
            page = check(client, MENU);
            assertThat(page).contains("A flavor cannot be edited", "3 of 3 hints shown").doesNotContain("the next one appears");
        });
    }

    @Test
    void hidden_checks_are_counted_but_their_results_stay_hidden() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, MENU, "source admin-openrc.sh");
            run(client, MENU, "openstack flavor create --vcpus 1 --ram 512 --disk 5 m1.nebula_micro");
            run(client, MENU, "openstack flavor delete m1.tiny");
            String page = check(client, MENU);
            assertThat(page).contains("Last check: 8 of 8 points (100%)", "1 hidden check is graded too");
            assertThat(page).doesNotContain("m1.tiny was deleted or changed", "The stock m1.tiny is still on the menu", "✗ failed");
            try (Database db = Database.open(data.resolve("lab.db"))) {
                assertThat(db.queryOne("SELECT score FROM exercise_checks", rs -> rs.getDouble(1))).contains(0.8);
            }
        });
    }

    @Test
    void reset_and_rewind_act_on_the_named_sandbox_only() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "nebula-inc", "touch free");
            run(client, MENU, "touch one");
            run(client, MENU, "touch two");
            HttpResponse<String> r = client.post("/lab/rewind", "sandbox", MENU, "n", "2");
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).contains("/exercises/" + MENU);
            assertThat(stored("ada", MENU)).containsExactly("touch one");
            assertThat(client.post("/lab/reset", "sandbox", MENU, "confirm", "yes").statusCode()).isEqualTo(303);
            assertThat(stored("ada", MENU)).isEmpty();
            assertThat(stored("ada", "nebula-inc")).containsExactly("touch free");
        });
    }

    @Test
    void unknown_exercises_and_sandboxes_get_a_plain_sentence() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            HttpResponse<String> r = client.get("/exercises/99-nope");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("There is no exercise called '99-nope'.").doesNotContain("Exception");
            assertThat(client.post("/exercises/99-nope/check").statusCode()).isEqualTo(404);
            r = client.postJson("/lab/run", "sandbox", "../etc", "line", "ls");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("There is no sandbox called '../etc'");
            r = client.post("/exercises/" + MENU + "/check");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("There is nothing to check yet");
            r = client.post("/exercises/" + MENU + "/check", "csrf", "forged");
            assertThat(r.statusCode()).as("a check without the session's CSRF token is refused").isEqualTo(403);
        });
    }

    @Test
    void a_student_never_reaches_another_students_exercise_sandbox() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, MENU, "touch ada-was-here");
            run(client, MENU, "source admin-openrc.sh");
            run(client, MENU, "openstack flavor create --vcpus 1 --ram 512 --disk 5 m1.nebula_micro");
            check(client, MENU);
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("bob", "battery staple");
            assertThat(run(client, MENU, "ls").get("output").asText()).doesNotContain("ada-was-here");
            String page = client.get("/exercises/" + MENU).body();
            assertThat(page).doesNotContain("ada-was-here", "Last check");
            assertThat(client.get("/exercises").body()).doesNotContain("8 of 8 points");
            run(client, MENU, "source admin-openrc.sh");
            assertThat(run(client, MENU, "openstack flavor list -f value -c Name").get("output").asText()).doesNotContain("m1.nebula_micro");
        });
    }
}

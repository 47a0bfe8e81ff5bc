package novalab.web.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import novalab.web.Role;
import novalab.web.WebTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exercise's page shows that exercise's own sandbox live, and /cloud?sandbox=<exercise> draws it in full. */
class ExerciseCloudViewTest {
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse", Role.STUDENT, "bob", "battery staple");
    }

    @Test
    void the_filters_exercise_shows_its_hosts_and_the_failed_decision_of_its_setup_beside_its_terminal() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String page = client.get("/exercises/05-filters").body();
            assertThat(page).contains("<h2 id=\"exercise-cloud-h\">This exercise's cloud</h2>",
                    "<a href=\"/cloud?sandbox=05-filters\">Open the full cloud view of this exercise</a>",
                    "data-refresh=\"/cloud/panel?sandbox=05-filters\"", "<script src=\"/static/cloud.js\" defer></script>",
                    "<svg class=\"hosts\"", "<h3>Last scheduling decision</h3>")
                    // the setup's far too large flavor: no valid host, RamFilter removed every host
                    .contains("Result: <strong>No valid host</strong>", "<th scope=\"row\">RamFilter</th>")
                    // the setup disabled compute3 for maintenance
                    .contains("compute3", "DISABLED");
            // the free terminal's sandbox is another one: nothing scheduled there
            assertThat(client.get("/cloud/panel").body()).contains("No server has been scheduled in this sandbox yet.");
            assertThat(client.get("/cloud/panel?sandbox=05-filters").body()).contains("Result: <strong>No valid host</strong>");
        });
    }

    @Test
    void a_command_in_an_exercise_terminal_changes_that_exercises_panel_only() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            assertThat(client.get("/cloud/panel?sandbox=01-the-menu").body()).contains("No server has been scheduled in this sandbox yet.");
            client.postJson("/lab/run", "sandbox", "01-the-menu", "line", "source nebula-openrc.sh");
            HttpResponse<String> r = client.postJson("/lab/run", "sandbox", "01-the-menu", "line",
                    "openstack server create --flavor m1.small --image cirros --network nebula_net web1 --wait");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(client.get("/cloud/panel?sandbox=01-the-menu").body()).contains("Winner: <strong>", "web1 (active)");
            assertThat(client.get("/exercises/01-the-menu").body()).contains("Winner: <strong>", "web1 (active)");
            assertThat(client.get("/cloud/panel").body()).contains("No server has been scheduled in this sandbox yet.").doesNotContain("web1");
            // another student's sandbox of the same exercise is their own
            WebTests.Client bob = new WebTests.Client("http://127.0.0.1:" + app.port());
            bob.signIn("bob", "battery staple");
            assertThat(bob.get("/cloud/panel?sandbox=01-the-menu").body()).doesNotContain("web1");
            assertThat(bob.get("/cloud/servers/web1?sandbox=01-the-menu").statusCode()).isEqualTo(404);
        });
    }

    @Test
    void the_full_cloud_view_takes_an_exercise_sandbox_and_carries_it_on_to_its_parts_and_servers() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            HttpResponse<String> r = client.get("/cloud?sandbox=05-filters");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("<h1>My cloud: the sandbox of exercise 05-filters</h1>",
                    "<a href=\"/exercises/05-filters\">Back to the exercise 05-filters</a>",
                    "data-refresh=\"/cloud/panel?sandbox=05-filters\"", "data-refresh=\"/cloud/diagrams?sandbox=05-filters\"",
                    "data-sandbox=\"05-filters\"", "Result: <strong>No valid host</strong>")
                    // the lifecycle links keep to this sandbox
                    .containsPattern("<a href=\"/cloud/servers/[0-9a-f-]+\\?sandbox=05-filters\">nebula_big</a>");
            assertThat(client.get("/cloud/diagrams?sandbox=05-filters").body()).contains("nebula_big");
            assertThat(client.get("/cloud/diagrams").body()).doesNotContain("nebula_big");
            HttpResponse<String> server = client.get("/cloud/servers/nebula_big?sandbox=05-filters");
            assertThat(server.statusCode()).isEqualTo(200);
            assertThat(server.body()).contains("<h1>Server nebula_big</h1>", "<a href=\"/cloud?sandbox=05-filters\">Back to my cloud</a>")
                    .containsPattern("data-refresh=\"/cloud/servers/[0-9a-f-]+/diagrams\\?sandbox=05-filters\"");
            assertThat(client.get("/cloud/servers/nebula_big").statusCode()).as("not in the free terminal's sandbox").isEqualTo(404);
            // the free terminal's view is unchanged
            assertThat(client.get("/cloud").body()).contains("<h1>My cloud</h1>", "data-refresh=\"/cloud/panel\"", "data-sandbox=\"nebula-inc\"");
        });
    }

    @Test
    void an_unknown_sandbox_is_a_400_with_a_sentence() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            for (String path : new String[] {"/cloud?sandbox=nope", "/cloud/panel?sandbox=nope", "/cloud/diagrams?sandbox=%3Cscript%3E",
                    "/cloud/servers/web1?sandbox=nope"}) {
                HttpResponse<String> r = client.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(400);
                assertThat(r.body()).as(path).contains("There is no sandbox called '").doesNotContain("Exception", "<script>");
            }
        });
    }

    @Test
    void the_write_a_filter_exercise_shows_the_students_filter_in_its_decision_table() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            for (String line : StudentFilterDecisionTest.GPU_FILTER_SESSION) {
                HttpResponse<String> r = client.postJson("/lab/run", "sandbox", "09-write-a-filter", "line", line);
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
            assertThat(client.get("/exercises/09-write-a-filter").body()).contains("<h3>Last scheduling decision</h3>",
                    "<th scope=\"row\">GpuRamFilter</th><td>4 → 1</td>", "Winner: <strong>compute3</strong>", "ml1 (active)");
        });
    }
}

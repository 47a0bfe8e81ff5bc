package novalab.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.web.Role;
import novalab.web.WebTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /lab/history}: what the terminal polls to show the requests of the student's own client without a reload. */
class HistoryPollTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUTH_URL = Pattern.compile("auth_url: (http://127\\.0\\.0\\.1:\\d+/sandbox/[0-9a-f]{32})/identity/v3\n");
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse", Role.STUDENT, "bob", "battery staple");
    }

    private static JsonNode history(WebTests.Client c, String query) throws Exception {
        HttpResponse<String> r = c.get("/lab/history" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    /** A Keystone token request as the student's own openstack client makes it (no cookie). */
    private static void clientRequest(String base) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/identity/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "nebula_admin",
                 "domain": {"name": "Default"}, "password": "N3bulaPass"}}},
                 "scope": {"project": {"name": "nebula_prod", "domain": {"name": "Default"}}}}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    @Test
    void the_entries_after_the_last_shown_come_back_with_the_clients_requests_marked() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            client.postJson("/lab/run", "line", "source nebula-openrc.sh");
            JsonNode first = history(client, "?after=0");
            assertThat(first.get("sandbox").asText()).isEqualTo("nebula-inc");
            int generation = first.get("generation").asInt();
            assertThat(generation).isPositive();
            assertThat(first.get("entries")).hasSize(1);
            assertThat(first.get("entries").get(0).get("line").asText()).isEqualTo("source nebula-openrc.sh");
            assertThat(first.get("entries").get(0).get("request").asBoolean()).isFalse();

            Matcher m = AUTH_URL.matcher(client.get("/cloud/credentials/clouds.yaml").body());
            assertThat(m.find()).isTrue();
            clientRequest(m.group(1));
            JsonNode after = history(client, "?sandbox=nebula-inc&after=1");
            assertThat(after.get("generation").asInt()).isEqualTo(generation);
            assertThat(after.get("entries")).hasSize(1);
            JsonNode e = after.get("entries").get(0);
            assertThat(e.get("seq").asInt()).isEqualTo(2);
            assertThat(e.get("line").asText()).startsWith("__api POST /identity/v3/auth/tokens");
            assertThat(e.get("request").asBoolean()).isTrue();
            assertThat(history(client, "?after=2").get("entries")).isEmpty();
            // the page drawn after a reload shows the same entry, marked the same way
            assertThat(client.get("/lab").body()).contains("<span class=\"cmdline request\" data-line=\"__api POST /identity/v3/auth/tokens");

            // each student reads their own history only
            WebTests.Client bob = new WebTests.Client("http://127.0.0.1:" + app.port());
            bob.signIn("bob", "battery staple");
            assertThat(history(bob, "?after=0").get("entries")).isEmpty();
            // an exercise's sandbox has its own history
            client.postJson("/lab/run", "sandbox", "01-the-menu", "line", "echo '<script>alert(1)</script> & more'");
            JsonNode ex = history(client, "?sandbox=01-the-menu&after=0");
            assertThat(ex.get("sandbox").asText()).isEqualTo("01-the-menu");
            assertThat(ex.get("entries")).hasSize(1);
            assertThat(ex.get("entries").get(0).get("line").asText()).isEqualTo("echo '<script>alert(1)</script> & more'");
            assertThat(client.get("/lab/history?sandbox=01-the-menu").body()).as("never raw, even in JSON").doesNotContain("<script>", "&");
        });
    }

    @Test
    void bad_queries_get_a_sentence_and_strangers_get_nothing() throws Exception {
        WebTests.test(data, (app, client) -> {
            WebTests.Client stranger = new WebTests.Client("http://127.0.0.1:" + app.port());
            assertThat(stranger.get("/lab/history?after=0").statusCode()).isEqualTo(303);
            client.signIn("ada", "correct horse");
            for (String q : new String[] {"?after=x", "?after=-1", "?sandbox=nope&after=0", "?after=99999999999"}) {
                HttpResponse<String> r = client.get("/lab/history" + q);
                assertThat(r.statusCode()).as(q).isEqualTo(400);
                assertThat(r.body()).as(q).doesNotContain("Exception");
            }
            assertThat(client.get("/lab/history?sandbox=nope").body()).contains("There is no sandbox called 'nope'");
        });
    }
}

package novalab.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.db.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenStack APIs mounted in the web lab: a student's own {@code openstack} client and the terminal share one sandbox and one history. */
class MountedApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUTH_URL = Pattern.compile("auth_url: (http://127\\.0\\.0\\.1:\\d+/sandbox/([0-9a-f]{32}))/identity/v3\n");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    private static String cloudsYaml(WebTests.Client client) throws Exception {
        HttpResponse<String> r = client.get("/cloud/credentials/clouds.yaml");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"clouds.yaml\"");
        return r.body();
    }

    private static String base(String cloudsYaml) {
        Matcher m = AUTH_URL.matcher(cloudsYaml);
        assertThat(m.find()).as(cloudsYaml).isTrue();
        return m.group(1);
    }

    private List<String> stored(String user) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            return db.query("SELECT c.line FROM commands c JOIN users u ON u.id = c.user_id WHERE u.name = ? "
                    + "AND c.epoch = (SELECT MAX(epoch) FROM sandboxes s WHERE s.user_id = u.id) ORDER BY c.seq", rs -> rs.getString(1), user);
        }
    }

    /** A request without any cookie, as a real client makes it. */
    private static HttpResponse<String> api(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!token.isEmpty()) b.header("X-Auth-Token", token);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String base) throws Exception {
        HttpResponse<String> r = api("POST", base + "/identity/v3/auth/tokens", "", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "nebula_admin",
                 "domain": {"name": "Default"}, "password": "N3bulaPass"}}},
                 "scope": {"project": {"name": "nebula_prod", "domain": {"name": "Default"}}}}}""");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.headers().firstValue("X-Subject-Token").orElseThrow();
    }

    @Test
    void the_real_openstack_client_uses_the_downloaded_clouds_yaml_and_the_terminal_sees_its_keypair() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            assertThat(client.get("/cloud/credentials").body()).contains("openstack --os-cloud nebula server list")
                    .contains("/cloud/credentials/clouds.yaml");
            String yaml = cloudsYaml(client);
            assertThat(yaml).startsWith("clouds:\n  nebula:\n").contains("      username: nebula_admin\n");
            assertThat(base(yaml)).startsWith("http://127.0.0.1:" + app.port() + "/sandbox/");
            assertThat(client.get("/cloud/credentials/openrc.sh").body()).contains("export OS_AUTH_URL=" + base(yaml) + "/identity/v3\n");

            RealClient osc = new RealClient(yaml, "nebula");
            RealClient.Result flavors = osc.run("flavor", "list");
            assertThat(flavors.status()).as(flavors.stderr()).isZero();
            assertThat(flavors.stdout()).contains("| 1  | m1.tiny   |   512 |    1 |         0 |     1 | True      |");
            RealClient.Result key = osc.run("keypair", "create", "mine");
            assertThat(key.status()).as(key.stderr()).isZero();
            assertThat(key.stdout()).contains("PRIVATE KEY");

            run(client, "source nebula-openrc.sh");
            assertThat(run(client, "openstack keypair list -f value -c Name").get("output").asText()).isEqualTo("mine\n");
            assertThat(stored("ada")).anyMatch(l -> l.startsWith("__api POST /identity/v3/auth/tokens "))
                    .anyMatch(l -> l.startsWith("__api POST /compute/v2.1/os-keypairs "))
                    .endsWith("source nebula-openrc.sh", "openstack keypair list -f value -c Name");
        });
    }

    @Test
    void a_server_made_through_the_api_survives_a_restart_and_a_rewind_takes_it_back() throws Exception {
        String[] base = {"", "", ""}; // the sandbox's URL, a token and the server id, from before the restart
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            base[0] = base(cloudsYaml(client));
            String token = token(base[0]);
            String image = JSON.readTree(api("GET", base[0] + "/image/v2/images?name=cirros", token, "").body()).path("images").get(0).path("id").asText();
            String net = "";
            for (JsonNode n : JSON.readTree(api("GET", base[0] + "/network/v2.0/networks", token, "").body()).path("networks")) {
                if (n.path("name").asText().equals("nebula_net")) net = n.path("id").asText();
            }
            HttpResponse<String> made = api("POST", base[0] + "/compute/v2.1/servers", token, "{\"server\": {\"name\": \"from-my-laptop\", "
                    + "\"flavorRef\": \"1\", \"imageRef\": \"" + image + "\", \"networks\": [{\"uuid\": \"" + net + "\"}]}}");
            assertThat(made.statusCode()).as(made.body()).isEqualTo(202);
            base[1] = token;
            base[2] = JSON.readTree(made.body()).path("server").path("id").asText();
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            assertThat(base(cloudsYaml(client))).as("the API sandbox id is kept").endsWith(base[0].substring(base[0].lastIndexOf('/')));
            HttpResponse<String> again = api("GET", base(cloudsYaml(client)) + "/compute/v2.1/servers/" + base[2], base[1], "");
            assertThat(again.statusCode()).as("replay issued the same token and server id: " + again.body()).isEqualTo(200);
            assertThat(again.body()).contains("\"name\":\"from-my-laptop\"");
            run(client, "source nebula-openrc.sh");
            assertThat(run(client, "openstack server list -f value -c Name").get("output").asText()).isEqualTo("from-my-laptop\n");
            List<String> lines = stored("ada");
            int create = lines.indexOf(lines.stream().filter(l -> l.startsWith("__api POST /compute/v2.1/servers ")).findFirst().orElseThrow()) + 1;
            assertThat(client.post("/lab/rewind", "n", String.valueOf(create)).statusCode()).isEqualTo(303);
            client.get("/lab");
            run(client, "source nebula-openrc.sh"); // it came after the create, so the rewind took it back too
            assertThat(run(client, "openstack server list -f value -c Name").get("output").asText()).isEmpty();
            assertThat(client.post("/lab/reset", "confirm", "yes").statusCode()).isEqualTo(303);
            client.get("/lab");
            assertThat(cloudsYaml(client)).as("a reset keeps the API sandbox id").contains(base[0].substring(base[0].lastIndexOf('/')));
        });
    }

    @Test
    void sandboxes_are_private_and_need_no_cookie_but_a_token() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String ada = base(cloudsYaml(client));
            WebTests.Client bob = new WebTests.Client("http://127.0.0.1:" + app.port());
            bob.signIn("bob", "battery staple");
            assertThat(base(cloudsYaml(bob))).isNotEqualTo(ada);
            assertThat(api("GET", ada + "/compute/v2.1/flavors", "", "").statusCode()).isEqualTo(401);
            assertThat(api("GET", ada + "/compute/v2.1/flavors", token(ada), "").statusCode()).isEqualTo(200);
            HttpResponse<String> unknown = api("GET", "http://127.0.0.1:" + app.port() + "/sandbox/0123456789abcdef0123456789abcdef/identity/v3", "", "");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).startsWith("{\"error\"");
            HttpResponse<String> typed = client.postJson("/lab/run", "line", "__api GET /compute/v2.1/flavors");
            assertThat(typed.statusCode()).isEqualTo(400);
            assertThat(new WebTests.Client("http://127.0.0.1:" + app.port()).get("/cloud/credentials/clouds.yaml").statusCode())
                    .as("downloads need a signed-in student").isEqualTo(303);
        });
    }
}

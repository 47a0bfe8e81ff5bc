package novalab.web.api;

import novalab.engine.wire.ApiCall;
import novalab.engine.wire.ApiResponse;
import novalab.engine.wire.OpenStackWire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import novalab.engine.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Errors come in each service's own shape, over HTTP as through {@link OpenStackWire#handle}; nothing is a 500. */
class OpenStackApiErrorsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BASE = "http://127.0.0.1:9/sandbox/s1";
    static Sandbox box;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; });
        ApiResponse r = call("POST", "/identity/v3/auth/tokens", Map.of(), """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "nebula_admin",
                 "domain": {"name": "Default"}, "password": "N3bulaPass"}}},
                 "scope": {"project": {"name": "nebula_prod", "domain": {"name": "Default"}}}}}""");
        assertThat(r.status()).isEqualTo(201);
        token = r.header("X-Subject-Token");
    }

    @AfterAll
    static void stop() { box.close(); }

    static ApiResponse call(String method, String pathAndQuery, Map<String, String> headers, String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String query = pathAndQuery.contains("?") ? pathAndQuery.substring(pathAndQuery.indexOf('?') + 1) : "";
        Map<String, String> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return OpenStackWire.handle(box, BASE, ApiCall.of(method, path, query, h::get, body));
    }

    static ApiResponse authed(String method, String pathAndQuery, String body) {
        return call(method, pathAndQuery, Map.of("X-Auth-Token", token), body);
    }

    static JsonNode json(ApiResponse r) throws Exception { return JSON.readTree(r.body()); }

    @Test
    void keystoneDiscoveryAnswersThreeHundredWithTheVersionsValues() throws Exception {
        ApiResponse r = call("GET", "/identity", Map.of(), "");
        assertThat(r.status()).isEqualTo(300);
        assertThat(r.header("Location")).isEqualTo(BASE + "/identity/v3/");
        assertThat(json(r).path("versions").path("values").get(0).path("id").asText()).isEqualTo("v3.14");
        assertThat(call("GET", "/identity/v3", Map.of(), "").status()).isEqualTo(200);
    }

    @Test
    void theTokensCatalogPointsEveryServiceBackAtThisSandbox() throws Exception {
        ApiResponse r = call("GET", "/identity/v3/auth/tokens", Map.of("X-Auth-Token", token, "X-Subject-Token", token), "");
        assertThat(r.status()).isEqualTo(200);
        JsonNode catalog = json(r).path("token").path("catalog");
        Map<String, String> urls = new LinkedHashMap<>();
        catalog.forEach(s -> urls.put(s.path("type").asText(), s.path("endpoints").get(0).path("url").asText()));
        assertThat(urls).containsEntry("compute", BASE + "/compute/v2.1").containsEntry("network", BASE + "/network")
                .containsEntry("image", BASE + "/image").containsEntry("identity", BASE + "/identity/v3/");
    }

    @Test
    void aBadPasswordIsKeystonesFourOhOne() throws Exception {
        ApiResponse r = call("POST", "/identity/v3/auth/tokens", Map.of(), """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "nebula_admin",
                 "domain": {"name": "Default"}, "password": "wrong"}}}, "scope": {"project": {"name": "nebula_prod", "domain": {"name": "Default"}}}}}""");
        assertThat(r.status()).isEqualTo(401);
        assertThat(json(r).path("error").path("message").asText()).isEqualTo("The request you have made requires authentication.");
    }

    @Test
    void aServiceCallWithABadTokenIsFourOhOneWithKeystonesBodyAndTheAuthenticateHeader() throws Exception {
        for (String path : List.of("/compute/v2.1/servers", "/network/v2.0/networks", "/image/v2/images")) {
            ApiResponse r = call("GET", path, Map.of("X-Auth-Token", "nope"), "");
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(json(r).path("error").path("code").asInt()).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).startsWith("Keystone uri=");
        }
    }

    @Test
    void novaAnswersUnknownPathsMethodsAndMalformedJsonInItsOwnShape() throws Exception {
        ApiResponse notFound = authed("GET", "/compute/v2.1/nosuch", "");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(json(notFound).path("itemNotFound").path("code").asInt()).isEqualTo(404);
        ApiResponse badMethod = authed("PATCH", "/compute/v2.1/servers", "{}");
        assertThat(badMethod.status()).isEqualTo(405);
        assertThat(json(badMethod).has("badMethod")).isTrue();
        ApiResponse malformed = authed("POST", "/compute/v2.1/servers", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json(malformed).path("badRequest").path("message").asText()).isEqualTo("Malformed request body");
        ApiResponse server = authed("GET", "/compute/v2.1/servers/vm1", "");
        assertThat(json(server).path("itemNotFound").path("message").asText()).isEqualTo("Instance vm1 could not be found.");
        assertThat(server.header("X-OpenStack-Nova-API-Version")).isEqualTo("2.1");
    }

    @Test
    void novaEchoesTheMicroversionAndRefusesOnesOutOfRange() throws Exception {
        ApiResponse ok = call("GET", "/compute/v2.1/flavors/detail", Map.of("X-Auth-Token", token, "OpenStack-API-Version", "compute 2.61",
                "X-OpenStack-Nova-API-Version", "2.61"), "");
        assertThat(ok.header("OpenStack-API-Version")).isEqualTo("compute 2.61");
        assertThat(json(ok).path("flavors").get(0).has("extra_specs")).isTrue();
        ApiResponse old = authed("GET", "/compute/v2.1/flavors/detail", "");
        assertThat(json(old).path("flavors").get(0).path("swap").asText()).isEmpty();
        ApiResponse tooNew = call("GET", "/compute/v2.1/servers", Map.of("X-Auth-Token", token, "X-OpenStack-Nova-API-Version", "2.99"), "");
        assertThat(tooNew.status()).isEqualTo(406);
        assertThat(tooNew.body()).contains("Version 2.99 is not supported by the API. Minimum is 2.1 and maximum is 2.93.");
    }

    @Test
    void neutronAndGlanceAnswerInTheirOwnShapes() throws Exception {
        ApiResponse net = authed("GET", "/network/v2.0/networks/nebula_net", "");
        assertThat(net.status()).isEqualTo(404);
        assertThat(json(net).path("NeutronError").path("type").asText()).isEqualTo("NetworkNotFound");
        assertThat(json(net).path("NeutronError").path("message").asText()).isEqualTo("Network nebula_net could not be found.");
        assertThat(json(authed("GET", "/network/v2.0/networks?name=nebula_net", "")).path("networks")).hasSize(1);
        ApiResponse bad = authed("POST", "/network/v2.0/security-groups", "[1,");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).has("NeutronError")).isTrue();
        assertThat(authed("PATCH", "/network/v2.0/networks", "{}").status()).isEqualTo(405);
        assertThat(json(authed("GET", "/network/v2.0/extensions", "")).path("extensions")).isEmpty();
        ApiResponse img = authed("GET", "/image/v2/images/cirros", "");
        assertThat(img.status()).isEqualTo(404);
        assertThat(img.body()).startsWith("404 Not Found").contains("No image found with ID cirros");
        assertThat(call("GET", "/image", Map.of(), "").status()).isEqualTo(300);
        JsonNode cirros = json(authed("GET", "/image/v2/images?name=cirros", "")).path("images").get(0);
        assertThat(cirros.path("name").asText()).isEqualTo("cirros");
    }

    @Test
    void oddRequestsNeverReachAFiveHundred() {
        String[][] calls = {
            {"POST", "/compute/v2.1/servers", "{\"server\": 5}"},
            {"POST", "/compute/v2.1/servers", "{\"server\": {\"name\": \"x\", \"flavorRef\": \"nosuch\", \"imageRef\": \"nosuch\"}}"},
            {"POST", "/compute/v2.1/servers", "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", \"imageRef\": \"i\", \"min_count\": \"many\"}}"},
            {"POST", "/compute/v2.1/servers/abc/action", "{\"os-start\": null}"},
            {"POST", "/compute/v2.1/servers/abc/action", "{}"},
            {"POST", "/compute/v2.1/flavors", "{\"flavor\": {\"name\": \"f\", \"ram\": \"x\", \"vcpus\": 1, \"disk\": 1}}"},
            {"POST", "/compute/v2.1/os-keypairs", "{\"keypair\": {\"name\": \"bad/name\"}}"},
            {"POST", "/compute/v2.1/os-keypairs", "null"},
            {"GET", "/compute/v2.1/os-hypervisors/detail", ""},
            {"GET", "/compute/v2.1/flavors?minRam=abc", ""},
            {"DELETE", "/compute/v2.1/servers/abc", ""},
            {"POST", "/network/v2.0/security-group-rules", "{\"security_group_rule\": {\"security_group_id\": \"x\", \"direction\": \"in\"}}"},
            {"POST", "/network/v2.0/floatingips", "{\"floatingip\": {\"floating_network_id\": \"nope\"}}"},
            {"PUT", "/network/v2.0/floatingips/nope", "{\"floatingip\": {\"port_id\": null}}"},
            {"GET", "/network/v2.0/ports/x/y/z", ""},
            {"GET", "/image/v2/images?limit=abc", ""},
            {"GET", "/nosuch/service", ""},
            {"POST", "/identity/v3/auth/tokens", "{\"auth\": 1}"},
            {"POST", "/identity/v3/auth/tokens", ""},
            {"GET", "/compute/v2.1/servers/%zz", ""},
        };
        for (String[] c : calls) {
            ApiResponse r = authed(c[0], c[1], c[2]);
            assertThat(r.status()).as("%s %s %s -> %s", c[0], c[1], c[2], r.body()).isBetween(400, 499);
        }
    }

    @Test
    void theHttpServerServesTheSameAnswersAndRefusesUnknownSandboxes() throws Exception {
        try (OpenStackApiServer server = OpenStackApiServer.create(0, SandboxDirectory.of(Map.of("s1", box)))) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> v3 = http.send(HttpRequest.newBuilder(URI.create(server.authUrl("s1"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(v3.statusCode()).isEqualTo(200);
            assertThat(v3.body()).contains("\"v3.14\"").contains(server.baseUrl("s1") + "/identity/v3/");
            HttpResponse<String> other = http.send(HttpRequest.newBuilder(URI.create(server.authUrl("nosuch"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(other.body()).path("error").path("code").asInt()).isEqualTo(404);
            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl("s1") + "/compute/v2.1/servers"))
                    .header("X-Auth-Token", token).POST(HttpRequest.BodyPublishers.ofString("{oops")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).path("badRequest").path("code").asInt()).isEqualTo(400);
        }
    }

    @Test
    void aDirectorySerialisesRequestsItsOwnWay() throws Exception {
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        Object studentLock = new Object();
        SandboxDirectory dir = new SandboxDirectory() {
            @Override public java.util.Optional<Sandbox> sandbox(String id) {
                return id.equals("k3y") ? java.util.Optional.of(box) : java.util.Optional.empty();
            }

            @Override public java.util.Optional<ApiResponse> serve(String id, java.util.function.Function<Sandbox, ApiResponse> work) {
                synchronized (studentLock) {
                    served.incrementAndGet();
                    return sandbox(id).map(work);
                }
            }
        };
        try (OpenStackApiServer server = OpenStackApiServer.create(0, dir)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl("k3y") + "/image")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(300);
            assertThat(served.get()).isEqualTo(1);
        }
    }
}

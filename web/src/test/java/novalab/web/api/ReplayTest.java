package novalab.web.api;

import novalab.engine.wire.ApiCall;
import novalab.engine.wire.ApiResponse;
import novalab.engine.wire.OpenStackWire;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import novalab.engine.Sandbox;
import org.junit.jupiter.api.Test;

/** Recorded API requests replayed at their offsets on a fresh sandbox give the same answers, byte for byte. */
class ReplayTest {
    static final String BASE = "http://127.0.0.1:9/sandbox/s1";

    record Recorded(long atMs, ApiCall call, ApiResponse response) {}

    static ApiCall call(String method, String path, String token, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        if (!token.isEmpty()) h.put("x-auth-token", token);
        return ApiCall.of(method, path, "", h::get, body);
    }

    @Test
    void aRecordedConversationReplaysIdentically() throws Exception {
        List<Recorded> history = new ArrayList<>();
        try (Sandbox a = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
            ApiCall auth = call("POST", "/identity/v3/auth/tokens", "", """
                    {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "nebula_admin",
                     "domain": {"name": "Default"}, "password": "N3bulaPass"}}},
                     "scope": {"project": {"name": "nebula_prod", "domain": {"name": "Default"}}}}}""");
            ApiResponse issued = OpenStackWire.handle(a, BASE, auth);
            history.add(new Recorded(0, auth, issued));
            String token = issued.header("X-Subject-Token");
            String net = new ObjectMapper().readTree(OpenStackWire.handle(a, BASE, call("GET", "/network/v2.0/networks", token, "")).body())
                    .path("networks").get(1).path("id").asText();
            List<ApiCall> calls = new ArrayList<>(List.of(
                    call("POST", "/compute/v2.1/os-keypairs", token, "{\"keypair\": {\"name\": \"k\"}}"),
                    call("POST", "/network/v2.0/security-groups", token, "{\"security_group\": {\"name\": \"web\"}}"),
                    call("POST", "/compute/v2.1/servers", token, "{\"server\": {\"name\": \"vm\", \"flavorRef\": \"1\", \"imageRef\": \""
                            + a.cloud().glance().list(a.cloud().keystone().validate(token)).get(0).id() + "\", \"key_name\": \"k\", "
                            + "\"networks\": [{\"uuid\": \"" + net + "\"}]}}")));
            for (int i = 0; i < 4; i++) calls.add(call("GET", "/compute/v2.1/servers/detail", token, ""));
            for (ApiCall c : calls) {
                long at = a.cloud().nowMs();
                history.add(new Recorded(at, c, OpenStackWire.handle(a, BASE, c)));
                String id = c.method().equals("POST") && c.path().endsWith("/servers")
                        ? new ObjectMapper().readTree(history.get(history.size() - 1).response().body()).path("server").path("id").asText() : "";
                if (!id.isEmpty()) {
                    for (int k = 0; k < 4; k++) {
                        ApiCall poll = call("GET", "/compute/v2.1/servers/" + id, token, "");
                        long t = a.cloud().nowMs();
                        history.add(new Recorded(t, poll, OpenStackWire.handle(a, BASE, poll)));
                    }
                }
            }
            assertThat(history.get(history.size() - 1).response().body()).contains("\"status\":\"ACTIVE\"");
        }
        try (Sandbox b = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
            String token = "";
            for (Recorded r : history) {
                b.cloud().advanceTo(Math.max(b.cloud().nowMs(), r.atMs()));
                ApiCall fromLine = ApiCall.fromHistoryLine(r.call().historyLine()).orElseThrow();
                assertThat(fromLine.historyLine()).isEqualTo(r.call().historyLine());
                ApiResponse again = OpenStackWire.handle(b, BASE, fromLine);
                if (token.isEmpty()) token = again.header("X-Subject-Token");
                assertThat(again.status()).as(r.call().historyLine()).isEqualTo(r.response().status());
                assertThat(again.body()).as(r.call().historyLine()).isEqualTo(r.response().body());
            }
        }
    }
}

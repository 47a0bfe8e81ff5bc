package novalab.web.api;

import novalab.engine.wire.ApiCall;
import novalab.engine.wire.ApiResponse;
import novalab.engine.wire.OpenStackWire;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import novalab.engine.Sandbox;
import org.junit.jupiter.api.Test;

/** Thousands of seeded random requests built from the APIs' own words: every answer is a 2xx/3xx/4xx in JSON or Glance's text, never a 500. */
class ApiFuzzTest {
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD");
    static final List<String> SERVICES = List.of("identity", "compute", "network", "image", "nosuch", "");
    static final List<String> WORDS = List.of("v3", "v2.1", "v2.0", "v2", "auth", "tokens", "projects", "users", "servers", "detail",
            "flavors", "os-extra_specs", "os-keypairs", "action", "os-hypervisors", "uptime", "os-services", "os-availability-zone",
            "os-aggregates", "limits", "os-quota-sets", "os-instance-actions", "networks", "subnets", "ports", "security-groups",
            "security-group-rules", "floatingips", "extensions", "quotas", "images", "versions", "1", "m1.tiny", "nosuch", "%20", "..");
    static final List<String> BODIES = List.of("", "{", "null", "[]", "{}", "{\"server\": {}}", "{\"os-start\": null}",
            "{\"reboot\": {\"type\": \"WARM\"}}", "{\"os-getConsoleOutput\": {\"length\": \"x\"}}", "{\"flavor\": {\"name\": 1}}",
            "{\"keypair\": {\"name\": \"k\", \"public_key\": \"ssh-rsa nonsense\"}}", "{\"floatingip\": {\"port_id\": 5}}",
            "{\"security_group\": {\"name\": [1]}}", "{\"security_group_rule\": {\"direction\": \"ingress\", \"security_group_id\": \"x\"}}",
            "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"id\": \"nope\"}}}}}",
            "{\"extra_specs\": \"x\"}", "{\"status\": \"disabled\"}", "{\"unshelve\": null}", "{\"addFloatingIp\": {\"address\": 1}}");

    @Test
    void randomRequestsNeverGetAFiveHundred() {
        try (Sandbox box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
            ApiResponse auth = OpenStackWire.handle(box, "http://x/sandbox/f", ApiCall.of("POST", "/identity/v3/auth/tokens", "",
                    h -> null, "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"admin\", "
                            + "\"domain\": {\"name\": \"Default\"}, \"password\": \"Adm1nSecret\"}}}, \"scope\": {\"project\": "
                            + "{\"name\": \"admin\", \"domain\": {\"name\": \"Default\"}}}}}"));
            String token = auth.header("X-Subject-Token");
            Random rnd = new Random(42);
            for (int i = 0; i < 20000; i++) {
                StringBuilder path = new StringBuilder("/").append(SERVICES.get(rnd.nextInt(SERVICES.size())));
                int n = rnd.nextInt(5);
                for (int k = 0; k < n; k++) path.append('/').append(WORDS.get(rnd.nextInt(WORDS.size())));
                String method = METHODS.get(rnd.nextInt(METHODS.size()));
                String body = BODIES.get(rnd.nextInt(BODIES.size()));
                Map<String, String> h = new LinkedHashMap<>();
                if (rnd.nextInt(10) > 0) h.put("x-auth-token", token);
                if (rnd.nextInt(4) == 0) h.put("x-openstack-nova-api-version", List.of("2.1", "2.61", "latest", "3.0", "x").get(rnd.nextInt(5)));
                String query = rnd.nextInt(4) == 0 ? List.of("is_public=None", "name=web", "fields=id", "limit=x", "all_tenants=1").get(rnd.nextInt(5)) : "";
                ApiCall call = ApiCall.of(method, path.toString(), query, h::get, body);
                ApiResponse r = OpenStackWire.handle(box, "http://x/sandbox/f", call);
                assertThat(r.status()).as("%s -> %s", call.historyLine(), r.body()).isBetween(200, 499);
            }
        }
    }
}

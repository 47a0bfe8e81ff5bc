package novalab.jshell.sdk;

import java.util.Map;

/** A Neutron network: {@code GET /network/v2.0/networks}. */
public record Network(String id, String name, String status) {
    static Network of(Map<String, Object> m) {
        return new Network(Json.str(m, "id"), Json.str(m, "name"), Json.str(m, "status"));
    }
}

package novalab.jshell.sdk;

import java.util.Map;

/** A Glance image: {@code GET /image/v2/images}. */
public record Image(String id, String name, String status) {
    static Image of(Map<String, Object> m) {
        return new Image(Json.str(m, "id"), Json.str(m, "name"), Json.str(m, "status"));
    }
}

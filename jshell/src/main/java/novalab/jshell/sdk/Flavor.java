package novalab.jshell.sdk;

import java.util.Map;

/** A Nova flavor: {@code GET /compute/v2.1/flavors/detail}. */
public record Flavor(String id, String name, long vcpus, long ramMb, long diskGb) {
    static Flavor of(Map<String, Object> m) {
        return new Flavor(Json.str(m, "id"), Json.str(m, "name"), Json.num(m, "vcpus"), Json.num(m, "ram"), Json.num(m, "disk"));
    }
}

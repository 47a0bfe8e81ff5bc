package novalab.jshell.sdk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Nova server as {@code GET /compute/v2.1/servers/<id>} shows it; {@code taskState} is empty when no task runs
 * ({@code powering-off}, {@code spawning}...), {@code host} is empty until scheduled or when the policy hides it.
 */
public record Server(String id, String name, String status, String taskState, String flavor, String image, String host,
                     String addresses, String keyName, String availabilityZone) {
    static Server of(Map<String, Object> m) {
        Map<String, Object> flavor = Json.obj(m, "flavor");
        String f = Json.str(flavor, "original_name").isEmpty() ? Json.str(flavor, "id") : Json.str(flavor, "original_name");
        List<String> addrs = new ArrayList<>();
        for (Map.Entry<String, Object> e : Json.obj(m, "addresses").entrySet()) {
            if (e.getValue() instanceof List<?> l) {
                for (Object a : l) {
                    if (a instanceof Map<?, ?> am) addrs.add(e.getKey() + "=" + am.get("addr"));
                }
            }
        }
        return new Server(Json.str(m, "id"), Json.str(m, "name"), Json.str(m, "status"), Json.str(m, "OS-EXT-STS:task_state"), f, Json.str(Json.obj(m, "image"), "id"),
                Json.str(m, "OS-EXT-SRV-ATTR:host"), String.join(", ", addrs), Json.str(m, "key_name"),
                Json.str(m, "OS-EXT-AZ:availability_zone"));
    }
}

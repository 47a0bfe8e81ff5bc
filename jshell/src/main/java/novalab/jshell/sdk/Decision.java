package novalab.jshell.sdk;

import java.util.List;
import java.util.Map;

/**
 * What the scheduler decided for the last server it placed: the candidates, each filter's survivors
 * ({@code "RamFilter: 4 -> 3 (compute2: ...)"}), the weighed hosts best first, and the host chosen
 * (empty with {@code failure} set when no host was valid).
 */
public record Decision(String instanceUuid, String flavor, String image, List<String> candidates, List<String> filterSteps,
                       List<String> weighed, String chosen, String failure) {
    static Decision of(Map<String, Object> m) {
        return new Decision(Json.str(m, "instance_uuid"), Json.str(m, "flavor"), Json.str(m, "image"), Json.strings(m, "candidates"),
                Json.strings(m, "filter_steps"), Json.strings(m, "weighed"), Json.str(m, "chosen"), Json.str(m, "failure"));
    }
}

package novalab.engine.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer: status, headers (in order) and body text; JSON bodies are rendered with Jackson. */
public record ApiResponse(int status, Map<String, String> headers, String body) {
    static final ObjectMapper MAPPER = new ObjectMapper();

    public ApiResponse {
        headers = novalab.engine.common.Ordered.map(headers);
    }

    public static ApiResponse json(int status, Object body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        try {
            return new ApiResponse(status, h, MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ApiResponse empty(int status) {
        return new ApiResponse(status, Map.of(), "");
    }

    public static ApiResponse text(int status, String body) {
        return new ApiResponse(status, Map.of("Content-Type", "text/plain; charset=UTF-8"), body);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, h, body);
    }

    public String header(String name) { return headers.getOrDefault(name, ""); }
}

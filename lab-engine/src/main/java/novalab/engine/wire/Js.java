package novalab.engine.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Small builders for JSON bodies (ordered maps; Java null becomes JSON null) and readers of request bodies. */
final class Js {
    private Js() {}

    static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    static Object opt(Optional<?> o) { return o.isPresent() ? o.get() : null; }

    static Object opt(OptionalInt o) { return o.isPresent() ? o.getAsInt() : null; }

    static List<Object> links(String self, String bookmark) {
        return List.of(obj("rel", "self", "href", self), obj("rel", "bookmark", "href", bookmark));
    }

    /** A text field: absent or null → empty; numbers and booleans as text. */
    static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return Optional.empty();
        if (v.isValueNode()) return Optional.of(v.asText());
        throw new Req.BadJson();
    }

    /** An integer field (number or numeric string); absent or null → empty; anything else → 400. */
    static OptionalInt integer(JsonNode n, String field, String service) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return OptionalInt.empty();
        if (v.isIntegralNumber() && v.canConvertToInt()) return OptionalInt.of(v.asInt());
        if (v.isTextual() && v.asText().trim().matches("-?\\d{1,9}")) return OptionalInt.of(Integer.parseInt(v.asText().trim()));
        throw new novalab.engine.common.CloudError(400, "badRequest", "Invalid input for field/attribute " + field + ". Value: "
                + v.asText() + ". '" + v.asText() + "' is not of type 'integer'");
    }
}

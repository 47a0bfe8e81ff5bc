package novalab.exercises.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import novalab.exercises.ContentError;

/** Strict reading of one JSON object: typed getters that remember which keys were used, then {@link #done} rejects the rest. */
public final class Fields {
    private final JsonNode node;
    private final String file;
    private final String path;
    private final Set<String> used = new LinkedHashSet<>();

    public Fields(JsonNode node, String file, String path) {
        this.file = file;
        this.path = path;
        if (node == null || !node.isObject()) throw new ContentError(file, path, "expected a JSON object");
        this.node = node;
    }

    public String file() { return file; }

    public String path() { return path; }

    private String at(String key) { return path.isEmpty() ? key : path + "." + key; }

    public ContentError error(String key, String problem) { return new ContentError(file, at(key), problem); }

    private Optional<JsonNode> get(String key) {
        used.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    public String str(String key) { return optStr(key).orElseThrow(() -> error(key, "missing required field")); }

    public Optional<String> optStr(String key) {
        return get(key).map(v -> {
            if (!v.isTextual() || v.asText().isBlank()) throw error(key, "expected a non-empty string");
            return v.asText();
        });
    }

    public int integer(String key) { return optInt(key).orElseThrow(() -> error(key, "missing required field")); }

    public Optional<Integer> optInt(String key) {
        return get(key).map(v -> {
            if (!v.isIntegralNumber()) throw error(key, "expected an integer");
            return v.asInt();
        });
    }

    public Optional<Double> optNumber(String key) {
        return get(key).map(v -> {
            if (!v.isNumber()) throw error(key, "expected a number");
            return v.asDouble();
        });
    }

    public Optional<Boolean> optBool(String key) {
        return get(key).map(v -> {
            if (!v.isBoolean()) throw error(key, "expected true or false");
            return v.asBoolean();
        });
    }

    public List<String> strList(String key, boolean required) {
        Optional<JsonNode> v = get(key);
        if (v.isEmpty()) {
            if (required) throw error(key, "missing required field");
            return List.of();
        }
        if (!v.get().isArray() || v.get().isEmpty()) throw error(key, "expected a non-empty array of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode x : v.get()) {
            if (!x.isTextual() || x.asText().isBlank()) throw error(key, "expected a non-empty array of strings");
            out.add(x.asText());
        }
        return List.copyOf(out);
    }

    public <E extends Enum<E>> E oneOf(String key, Class<E> type, Optional<E> dflt) {
        Optional<String> v = optStr(key);
        if (v.isEmpty()) return dflt.orElseThrow(() -> error(key, "missing required field"));
        for (E e : type.getEnumConstants()) {
            if (e.toString().equals(v.get())) return e;
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add(e.toString());
        throw error(key, "`" + v.get() + "` is not one of " + String.join(", ", names));
    }

    /** A required JSON array. */
    public JsonNode arrayOf(String key) {
        JsonNode v = get(key).orElseThrow(() -> error(key, "missing required field"));
        if (!v.isArray()) throw error(key, "expected an array");
        return v;
    }

    /** A required JSON object, read strictly in its turn (call {@link #done()} on it too). */
    public Fields object(String key) {
        JsonNode v = get(key).orElseThrow(() -> error(key, "missing required field"));
        if (!v.isObject()) throw error(key, "expected an object");
        return new Fields(v, file, at(key));
    }

    /** Rejects every key no getter asked for. */
    public void done() {
        var it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!used.contains(k)) throw new ContentError(file, path, "unknown field `" + k + "`");
        }
    }
}

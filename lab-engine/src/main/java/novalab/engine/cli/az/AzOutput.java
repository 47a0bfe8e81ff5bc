package novalab.engine.cli.az;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import novalab.engine.cli.Yaml;

/**
 * knack's output formats for one result: {@code json} ({@code json.dumps(indent=2, sort_keys=True,
 * ensure_ascii=False)}), {@code jsonc} (the same, uncoloured here), {@code table} (tabulate's "simple"
 * style, capitalised keys, {@code id}/{@code type}/{@code etag}, nested values and nulls dropped, a
 * command's table transformer unless {@code --query} is used), {@code tsv}, {@code yaml}, {@code none};
 * {@code --query} is JMESPath (io.burt jmespath-jackson).
 */
final class AzOutput {
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();

    private AzOutput() {}

    /** Compiles {@code --query}, with azure-cli's message for a bad expression (exit 2). */
    static Expression<JsonNode> compile(String query) {
        try {
            return JMESPATH.compile(novalab.engine.cli.JmesPathLiterals.normalise(query));
        } catch (JmesPathException | IllegalStateException e) {
            throw new AzError("argument --query: invalid jmespath_type value: '" + query + "'", 2,
                    List.of("To learn more about --query, please visit: 'https://docs.microsoft.com/cli/azure/query-azure-cli'"));
        }
    }

    static String render(JsonNode result, String format, Optional<Expression<JsonNode>> query,
                         Optional<Function<JsonNode, JsonNode>> tableTransformer) {
        JsonNode r = result;
        if (query.isPresent()) {
            try {
                r = query.get().search(result);
            } catch (RuntimeException e) {
                throw AzError.of(e.getMessage() == null ? "Invalid jmespath query supplied for `--query`" : e.getMessage());
            }
            if (r == null) r = NODES.nullNode();
        }
        if (r.isNull()) return ""; // knack prints nothing for a None result
        return switch (format) {
            case "none" -> "";
            case "table" -> query.isEmpty() && tableTransformer.isPresent()
                    ? table(tableTransformer.get().apply(r), false) : table(r, query.isEmpty());
            case "tsv" -> tsv(r, query.isEmpty());
            case "yaml", "yamlc" -> yaml(r);
            default -> json(r, "") + "\n";
        };
    }

    /** PyYAML ends a document whose root is a plain scalar with the open-ended marker {@code ...}. */
    private static String yaml(JsonNode r) {
        String out = Yaml.safeDump(toJava(r));
        boolean plainScalar = !r.isContainerNode() && !out.startsWith("'") && !out.startsWith("\"");
        return plainScalar ? out + "...\n" : out;
    }

    // ----- json -----

    static String json(JsonNode n, String indent) {
        if (n.isObject()) {
            if (n.isEmpty()) return "{}";
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            n.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
            StringBuilder sb = new StringBuilder("{\n");
            String inner = indent + "  ";
            Iterator<Map.Entry<String, JsonNode>> it = sorted.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(inner).append(quote(e.getKey())).append(": ").append(json(e.getValue(), inner));
                sb.append(it.hasNext() ? ",\n" : "\n");
            }
            return sb.append(indent).append('}').toString();
        }
        if (n.isArray()) {
            if (n.isEmpty()) return "[]";
            StringBuilder sb = new StringBuilder("[\n");
            String inner = indent + "  ";
            for (int i = 0; i < n.size(); i++) {
                sb.append(inner).append(json(n.get(i), inner)).append(i + 1 < n.size() ? ",\n" : "\n");
            }
            return sb.append(indent).append(']').toString();
        }
        if (n.isTextual()) return quote(n.asText());
        if (n.isNull() || n.isMissingNode()) return "null";
        return n.toString();
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder();
        novalab.engine.cli.Json.quote(sb, s, false);
        return sb.toString();
    }


    // ----- table -----

    private static String table(JsonNode r, boolean sortKeys) {
        List<JsonNode> items = new ArrayList<>();
        if (r.isArray()) r.forEach(items::add);
        else if (!r.isNull()) items.add(r);
        List<LinkedHashMap<String, String>> rows = new ArrayList<>();
        for (JsonNode item : items) rows.add(tableRow(item, sortKeys));
        List<String> headers = new ArrayList<>();
        for (Map<String, String> row : rows) row.keySet().forEach(k -> { if (!headers.contains(k)) headers.add(k); });
        if (headers.isEmpty()) return "\n"; // tabulate gives '' and knack adds the newline
        int[] widths = new int[headers.size()];
        for (int c = 0; c < headers.size(); c++) {
            widths[c] = headers.get(c).length() + 2;
            for (Map<String, String> row : rows) widths[c] = Math.max(widths[c], row.getOrDefault(headers.get(c), "").length());
        }
        StringBuilder sb = new StringBuilder();
        List<String> dashes = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) dashes.add("-".repeat(widths[c]));
        line(sb, headers, widths);
        line(sb, dashes, widths);
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String h : headers) cells.add(row.getOrDefault(h, ""));
            line(sb, cells, widths);
        }
        return sb.toString();
    }

    /** tabulate's {@code _build_simple_row}: padded cells joined by two spaces, right-stripped. */
    private static void line(StringBuilder sb, List<String> cells, int[] widths) {
        StringBuilder row = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) row.append("  ");
            row.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        sb.append(row.toString().stripTrailing()).append('\n');
    }

    private static LinkedHashMap<String, String> tableRow(JsonNode item, boolean sortKeys) {
        LinkedHashMap<String, String> row = new LinkedHashMap<>();
        if (item.isObject()) {
            List<String> keys = new ArrayList<>();
            item.fieldNames().forEachRemaining(keys::add);
            if (sortKeys) keys.sort(null);
            for (String k : keys) {
                if (k.equals("id") || k.equals("type") || k.equals("etag")) continue;
                JsonNode v = item.get(k);
                if (v.isNull() || v.isContainerNode()) continue;
                row.put(k.isEmpty() ? k : Character.toUpperCase(k.charAt(0)) + k.substring(1), scalar(v));
            }
        } else if (item.isArray()) {
            for (int i = 0; i < item.size(); i++) row.put("Column" + (i + 1), scalar(item.get(i)));
        } else {
            row.put("Result", scalar(item));
        }
        return row;
    }

    /** Python's str() of a scalar. */
    private static String scalar(JsonNode v) {
        if (v.isBoolean()) return v.asBoolean() ? "True" : "False";
        if (v.isNull()) return "None";
        if (v.isContainerNode()) return v.toString();
        return v.asText();
    }

    // ----- tsv -----

    private static String tsv(JsonNode r, boolean sortKeys) {
        StringBuilder sb = new StringBuilder();
        List<JsonNode> items = new ArrayList<>();
        if (r.isArray()) r.forEach(items::add);
        else items.add(r);
        for (JsonNode item : items) {
            if (item.isObject()) {
                List<String> keys = new ArrayList<>();
                item.fieldNames().forEachRemaining(keys::add);
                if (sortKeys) keys.sort(null);
                String sep = "";
                for (String k : keys) {
                    sb.append(sep).append(tsvCell(item.get(k)));
                    sep = "\t";
                }
            } else if (item.isArray()) {
                String sep = "";
                for (JsonNode v : item) {
                    sb.append(sep).append(tsvCell(v));
                    sep = "\t";
                }
            } else if (item.isBoolean()) {
                sb.append(item.asBoolean() ? "true" : "false");
            } else {
                sb.append(tsvCell(item));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String tsvCell(JsonNode v) {
        if (v.isArray()) return String.valueOf(v.size());
        if (v.isObject()) return "";
        return scalar(v); // Python's str(): None, True, 42
    }

    // ----- helpers -----

    static Object toJava(JsonNode n) {
        if (n.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            n.fields().forEachRemaining(e -> m.put(e.getKey(), toJava(e.getValue())));
            return m;
        }
        if (n.isArray()) {
            List<Object> l = new ArrayList<>();
            n.forEach(x -> l.add(toJava(x)));
            return l;
        }
        if (n.isNull() || n.isMissingNode()) return null;
        if (n.isBoolean()) return n.asBoolean();
        if (n.isIntegralNumber()) return n.asLong();
        if (n.isNumber()) return n.asDouble();
        return n.asText();
    }

    static ObjectNode object() { return NODES.objectNode(); }
}

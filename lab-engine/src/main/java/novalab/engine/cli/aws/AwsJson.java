package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** JSON values for responses, and {@code --output json}: Python's {@code json.dump(indent=4, ensure_ascii=False)}. */
final class AwsJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AwsJson() {}

    static ObjectNode obj() { return MAPPER.createObjectNode(); }

    static ArrayNode arr() { return MAPPER.createArrayNode(); }

    /** {@code {"Code": code, "Name": name}}, the shape of an instance state. */
    static ObjectNode state(Ec2Names.State s) { return obj().put("Code", s.code()).put("Name", s.name()); }

    static String render(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        write(n, sb, 0);
        return sb.append('\n').toString();
    }

    private static void write(JsonNode n, StringBuilder sb, int indent) {
        if (n.isObject()) {
            if (n.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                sb.append(" ".repeat(indent + 4));
                string(e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), sb, indent + 4);
                if (it.hasNext()) sb.append(',');
                sb.append('\n');
            }
            sb.append(" ".repeat(indent)).append('}');
        } else if (n.isArray()) {
            if (n.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append("[\n");
            for (int i = 0; i < n.size(); i++) {
                sb.append(" ".repeat(indent + 4));
                write(n.get(i), sb, indent + 4);
                if (i < n.size() - 1) sb.append(',');
                sb.append('\n');
            }
            sb.append(" ".repeat(indent)).append(']');
        } else if (n.isTextual()) {
            string(n.asText(), sb);
        } else if (n.isNull() || n.isMissingNode()) {
            sb.append("null");
        } else {
            sb.append(n.toString());
        }
    }

    private static void string(String s, StringBuilder sb) {
        novalab.engine.cli.Json.quote(sb, s, false);
    }


    /** Python's {@code str()} of a scalar: {@code True}/{@code False}, {@code None}, numbers, raw strings. */
    static String str(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return "None";
        if (n.isBoolean()) return n.asBoolean() ? "True" : "False";
        if (n.isTextual()) return n.asText();
        return n.toString();
    }

    static boolean scalar(JsonNode n) { return !(n.isObject() || n.isArray()); }
}

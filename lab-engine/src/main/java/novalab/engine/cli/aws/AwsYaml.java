package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.TreeSet;

/** {@code --output yaml}: block YAML with keys sorted, as the CLI's ruamel dumper prints it. */
final class AwsYaml {
    private AwsYaml() {}

    static String render(JsonNode n, boolean stream) {
        StringBuilder sb = new StringBuilder();
        if (stream) {
            sb.append("- ");
            write(n, sb, 2, true);
        } else {
            write(n, sb, 0, false);
        }
        return sb.toString();
    }

    private static void write(JsonNode n, StringBuilder sb, int indent, boolean inline) {
        String pad = " ".repeat(indent);
        if (n.isObject() && !n.isEmpty()) {
            boolean first = true;
            for (String k : new TreeSet<>(AwsText.fieldNames(n))) {
                if (!(first && inline)) sb.append(pad);
                first = false;
                JsonNode v = n.get(k);
                sb.append(k).append(':');
                if ((v.isObject() || v.isArray()) && !v.isEmpty()) {
                    sb.append('\n');
                    write(v, sb, v.isArray() ? indent : indent + 2, false);
                } else {
                    sb.append(' ').append(scalar(v)).append('\n');
                }
            }
        } else if (n.isArray() && !n.isEmpty()) {
            for (JsonNode v : n) {
                sb.append(pad).append("- ");
                if (v.isObject() && !v.isEmpty()) write(v, sb, indent + 2, true);
                else if (v.isArray() && !v.isEmpty()) {
                    sb.append('\n');
                    write(v, sb, indent + 2, false);
                } else sb.append(scalar(v)).append('\n');
            }
        } else {
            if (inline) sb.append(scalar(n)).append('\n');
            else sb.append(pad).append(scalar(n)).append('\n');
        }
    }

    private static String scalar(JsonNode v) {
        if (v.isObject()) return "{}";
        if (v.isArray()) return "[]";
        if (v.isNull() || v.isMissingNode()) return "null";
        if (!v.isTextual()) return v.toString();
        String s = v.asText();
        if (s.isEmpty() || s.contains("\n") || s.contains(": ") || s.startsWith("-") || s.startsWith("[") || s.startsWith("{")
                || s.matches("(?i)true|false|null|yes|no|on|off|~|[-+0-9.eE]+|0x.*") || s.contains("#") || s.contains("'") || s.endsWith(":")) {
            return "'" + s.replace("'", "''") + "'";
        }
        return s;
    }
}

package novalab.engine.cli.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CLI's shorthand syntax for structure parameters ({@code Name=instance-type,Values=t2.micro,t3.micro},
 * {@code ResourceType=instance,Tags=[{Key=Name,Value=web1}]}) and its JSON alternative; values are strings.
 */
final class Shorthand {
    private final String s;
    private int pos;

    private Shorthand(String s) { this.s = s; }

    /** Parses one argument: JSON when it starts with {@code {} or {@code [}, shorthand otherwise. */
    static JsonNode parse(String option, String value) {
        String v = value.trim();
        if (v.startsWith("{") || v.startsWith("[")) {
            try {
                return AwsJson.MAPPER.readTree(v);
            } catch (JsonProcessingException e) {
                throw AwsExit.param("Error parsing parameter '" + option + "': Invalid JSON:\n" + value);
            }
        }
        Shorthand p = new Shorthand(value);
        try {
            ObjectNode o = p.struct('\0');
            if (p.pos < p.s.length()) throw new IllegalStateException();
            return o;
        } catch (RuntimeException e) {
            throw AwsExit.param("Error parsing parameter '" + option + "': Expected: '=', received: 'EOF' for input:\n" + value);
        }
    }

    private ObjectNode struct(char close) {
        ObjectNode o = AwsJson.obj();
        while (pos < s.length() && s.charAt(pos) != close) {
            int eq = s.indexOf('=', pos);
            if (eq < 0) throw new IllegalStateException();
            String key = s.substring(pos, eq).trim();
            if (key.isEmpty() || key.contains(",")) throw new IllegalStateException();
            pos = eq + 1;
            JsonNode val = value(close);
            // "Values=a,b,c": bare words after a scalar extend it to a list
            while (pos < s.length() && s.charAt(pos) == ',' && !nextIsKey(close)) {
                pos++;
                ArrayNode list = val.isArray() ? (ArrayNode) val : AwsJson.arr().add(val);
                list.add(scalar(close));
                val = list;
            }
            o.set(key, val);
            if (pos < s.length() && s.charAt(pos) == ',') pos++;
        }
        return o;
    }

    private boolean nextIsKey(char close) {
        int i = pos + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '=') return true;
            if (c == ',' || c == close || c == '[' || c == '{') return false;
            i++;
        }
        return false;
    }

    private JsonNode value(char close) {
        if (pos < s.length() && s.charAt(pos) == '[') {
            pos++;
            ArrayNode list = AwsJson.arr();
            while (pos < s.length() && s.charAt(pos) != ']') {
                if (s.charAt(pos) == '{') {
                    pos++;
                    list.add(struct('}'));
                    expect('}');
                } else {
                    list.add(scalar(']'));
                }
                if (pos < s.length() && s.charAt(pos) == ',') pos++;
            }
            expect(']');
            return list;
        }
        if (pos < s.length() && s.charAt(pos) == '{') {
            pos++;
            ObjectNode o = struct('}');
            expect('}');
            return o;
        }
        return scalar(close);
    }

    private JsonNode scalar(char close) {
        if (pos < s.length() && (s.charAt(pos) == '"' || s.charAt(pos) == '\'')) {
            char q = s.charAt(pos);
            int end = s.indexOf(q, pos + 1);
            if (end < 0) throw new IllegalStateException();
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return AwsJson.MAPPER.getNodeFactory().textNode(v);
        }
        int start = pos;
        while (pos < s.length() && s.charAt(pos) != ',' && s.charAt(pos) != close && s.charAt(pos) != ']' && s.charAt(pos) != '}') pos++;
        return AwsJson.MAPPER.getNodeFactory().textNode(s.substring(start, pos).trim());
    }

    private void expect(char c) {
        if (pos >= s.length() || s.charAt(pos) != c) throw new IllegalStateException();
        pos++;
    }
}

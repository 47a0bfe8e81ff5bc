package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * EC2's {@code --filters Name=…,Values=…}: an item passes when, for every filter, one of its values
 * for that name matches one of the filter's values ({@code *} and {@code ?} are wildcards).
 */
final class Filters {
    private Filters() {}

    static <T> List<T> apply(List<JsonNode> filters, Map<String, Function<T, List<String>>> fields, List<T> items) {
        for (JsonNode f : filters) {
            String name = f.path("Name").asText("");
            if (!fields.containsKey(name) && !name.startsWith("tag:")) {
                throw new Ec2Error("InvalidParameterValue", "The filter '" + name + "' is invalid");
            }
        }
        List<T> out = new ArrayList<>();
        for (T item : items) {
            boolean all = true;
            for (JsonNode f : filters) {
                String name = f.path("Name").asText("");
                List<String> have = fields.getOrDefault(name, fields.getOrDefault("tag:", x -> List.of())).apply(item);
                if (name.startsWith("tag:") && fields.containsKey("tag:")) have = tagValues(fields.get("tag:").apply(item), name.substring(4));
                List<String> want = new ArrayList<>();
                JsonNode vals = f.path("Values");
                if (vals.isArray()) vals.forEach(v -> want.add(v.asText()));
                else if (!vals.isMissingNode()) want.add(vals.asText());
                boolean any = false;
                for (String w : want) for (String h : have) any |= glob(w).matcher(h).matches();
                all &= any;
            }
            if (all) out.add(item);
        }
        return out;
    }

    /** Tags come as "key=value" strings; returns the values of one key. */
    private static List<String> tagValues(List<String> tags, String key) {
        return tags.stream().filter(t -> t.startsWith(key + "=")).map(t -> t.substring(key.length() + 1)).toList();
    }

    private static Pattern glob(String w) {
        StringBuilder sb = new StringBuilder();
        for (char c : w.toCharArray()) {
            if (c == '*') sb.append(".*");
            else if (c == '?') sb.append('.');
            else sb.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}

package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code --output text} as awscli/text.py prints it: scalars tab-separated in key order, nested values under an upper-cased key. */
final class AwsText {
    private AwsText() {}

    static String render(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        format(n, sb, null, null);
        return sb.toString();
    }

    private static void format(JsonNode item, StringBuilder sb, String identifier, List<String> scalarKeys) {
        if (item.isObject()) formatDict(scalarKeys, item, identifier, sb);
        else if (item.isArray()) formatList(item, identifier, sb);
        else sb.append(AwsJson.str(item)).append('\n');
    }

    private static void formatList(JsonNode item, String identifier, StringBuilder sb) {
        if (item.isEmpty()) return;
        boolean anyDict = false;
        boolean anyList = false;
        for (JsonNode el : item) {
            anyDict |= el.isObject();
            anyList |= el.isArray();
        }
        if (anyDict) {
            TreeSet<String> keys = new TreeSet<>();
            for (JsonNode el : item) el.fields().forEachRemaining(e -> { if (AwsJson.scalar(e.getValue())) keys.add(e.getKey()); });
            for (JsonNode el : item) format(el, sb, identifier, new ArrayList<>(keys));
        } else if (anyList) {
            List<JsonNode> scalars = new ArrayList<>();
            List<JsonNode> rest = new ArrayList<>();
            for (JsonNode el : item) (AwsJson.scalar(el) ? scalars : rest).add(el);
            if (!scalars.isEmpty()) scalarList(scalars, identifier, sb);
            for (JsonNode el : rest) format(el, sb, identifier, null);
        } else {
            List<JsonNode> all = new ArrayList<>();
            item.forEach(all::add);
            scalarList(all, identifier, sb);
        }
    }

    private static void scalarList(List<JsonNode> elements, String identifier, StringBuilder sb) {
        if (identifier != null) {
            for (JsonNode el : elements) sb.append(identifier.toUpperCase()).append('\t').append(AwsJson.str(el)).append('\n');
        } else {
            sb.append(String.join("\t", elements.stream().map(AwsJson::str).toList())).append('\n');
        }
    }

    private static void formatDict(List<String> scalarKeys, JsonNode item, String identifier, StringBuilder sb) {
        List<String> scalars = new ArrayList<>();
        List<String> nonScalarKeys = new ArrayList<>();
        if (scalarKeys == null) {
            for (String k : new TreeSet<>(fieldNames(item))) {
                if (AwsJson.scalar(item.get(k))) scalars.add(AwsJson.str(item.get(k)));
                else nonScalarKeys.add(k);
            }
        } else {
            for (String k : scalarKeys) scalars.add(item.has(k) ? AwsJson.str(item.get(k)) : "");
            TreeSet<String> remaining = new TreeSet<>(fieldNames(item));
            remaining.removeAll(scalarKeys);
            nonScalarKeys.addAll(remaining);
        }
        if (!scalars.isEmpty()) {
            if (identifier != null) scalars.add(0, identifier.toUpperCase());
            sb.append(String.join("\t", scalars)).append('\n');
        }
        for (String k : nonScalarKeys) format(item.get(k), sb, k, null);
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}

package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code --output table} as awscli's TableFormatter and MultiTable draw it: a section titled with the
 * operation, scalar keys as alphabetically sorted column headers, nested values as indented sub-tables,
 * and single-row sections turned vertical when the table is wider than the terminal.
 */
final class AwsTable {
    private static final class Section {
        String title = "";
        List<String> headers = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();
        int indent;
        Integer numCols;
        List<Integer> maxWidths = new ArrayList<>();

        void header(List<String> h) {
            widths(h);
            if (numCols == null) numCols = h.size();
            headers = h;
        }

        void row(List<String> r) {
            if (numCols == null) numCols = r.size();
            if (r.size() != numCols) return;
            rows.add(r);
            widths(r);
        }

        private void widths(List<String> r) {
            if (maxWidths.isEmpty()) {
                for (String s : r) maxWidths.add(s.length());
            } else {
                for (int i = 0; i < r.size() && i < maxWidths.size(); i++) maxWidths.set(i, Math.max(maxWidths.get(i), r.get(i).length()));
            }
        }

        int totalWidth() {
            int total = 0;
            for (int w : maxWidths) total += w + 4;
            total += 2 + 2 * indent;
            return Math.max(title.length() + 2 + 2 * indent, total);
        }

        List<Integer> columnWidths(int maxWidth) {
            List<Integer> unscaled = maxWidths.stream().map(w -> w + 4).toList();
            if (unscaled.isEmpty()) return unscaled;
            int sum = unscaled.stream().mapToInt(Integer::intValue).sum();
            double scale = maxWidth / (double) sum;
            List<Integer> scaled = new ArrayList<>();
            for (int w : unscaled) scaled.add((int) Math.rint(scale * w));
            int offBy = scaled.stream().mapToInt(Integer::intValue).sum() - maxWidth;
            while (offBy != 0) {
                for (int k = 0; k < scaled.size() && offBy != 0; k++) {
                    int i = offBy < 0 ? scaled.size() - 1 - k : k;
                    if (offBy > 0) {
                        scaled.set(i, scaled.get(i) - 1);
                        offBy--;
                    } else {
                        scaled.set(i, scaled.get(i) + 1);
                        offBy++;
                    }
                }
            }
            return scaled;
        }
    }

    private final List<Section> sections = new ArrayList<>();
    private Section current;

    private AwsTable() {}

    static String render(String title, JsonNode response, int terminalWidth) {
        AwsTable t = new AwsTable();
        if (!t.build(title, response, 0)) return "";
        return t.draw(terminalWidth);
    }

    private void section(String title, int indent) {
        current = new Section();
        current.title = title;
        current.indent = indent;
        sections.add(current);
    }

    private static boolean empty(JsonNode n) {
        return n == null || n.isNull() || ((n.isObject() || n.isArray()) && n.isEmpty())
                || (n.isTextual() && n.asText().isEmpty()) || (n.isBoolean() && !n.asBoolean()) || (n.isNumber() && n.asDouble() == 0);
    }

    private boolean build(String title, JsonNode cur, int indent) {
        if (empty(cur)) return false;
        if (title != null) section(title, indent);
        if (current == null) section("", indent);
        if (cur.isArray()) {
            if (cur.get(0).isObject()) {
                subTableFromList(cur, indent, title);
            } else {
                for (JsonNode item : cur) {
                    if (AwsJson.scalar(item)) {
                        current.row(List.of(AwsJson.str(item)));
                    } else if (allScalar(item)) {
                        List<String> row = new ArrayList<>();
                        item.forEach(x -> row.add(AwsJson.str(x)));
                        current.row(row);
                    } else {
                        build(null, item, 0);
                    }
                }
            }
        }
        if (cur.isObject()) subTableFromDict(cur, indent);
        return true;
    }

    private static boolean allScalar(JsonNode item) {
        if (item.isObject()) return false;
        for (JsonNode x : item) if (!AwsJson.scalar(x)) return false;
        return true;
    }

    private void subTableFromDict(JsonNode cur, int indent) {
        List<String> headers = new ArrayList<>();
        List<String> more = new ArrayList<>();
        group(cur, headers, more);
        if (headers.size() == 1) {
            current.row(List.of(headers.get(0), AwsJson.str(cur.get(headers.get(0)))));
        } else if (!headers.isEmpty()) {
            current.header(headers);
            current.row(headers.stream().map(k -> AwsJson.str(cur.get(k))).toList());
        }
        for (String k : more) build(k, cur.get(k), indent + 1);
    }

    private void subTableFromList(JsonNode cur, int indent, String title) {
        TreeSet<String> h = new TreeSet<>();
        TreeSet<String> m = new TreeSet<>();
        for (JsonNode item : cur) {
            List<String> hs = new ArrayList<>();
            List<String> ms = new ArrayList<>();
            if (item.isObject()) group(item, hs, ms);
            h.addAll(hs);
            m.addAll(ms);
        }
        List<String> headers = new ArrayList<>(h);
        List<String> more = new ArrayList<>(m);
        current.header(headers);
        boolean first = true;
        for (JsonNode el : cur) {
            if (!first && !more.isEmpty()) {
                section(title, indent);
                current.header(headers);
            }
            first = false;
            current.row(headers.stream().map(k -> el.has(k) ? AwsJson.str(el.get(k)) : "").toList());
            for (String k : more) if (el.has(k)) build(k, el.get(k), indent + 1);
        }
    }

    private static void group(JsonNode cur, List<String> headers, List<String> more) {
        for (String k : new TreeSet<>(AwsText.fieldNames(cur))) (AwsJson.scalar(cur.get(k)) ? headers : more).add(k);
    }

    private String draw(int terminalWidth) {
        int max = sections.stream().mapToInt(Section::totalWidth).max().orElse(0);
        if (max > terminalWidth) {
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                if (s.rows.size() == 1 && !s.headers.isEmpty()) {
                    Section v = new Section();
                    v.title = s.title;
                    v.indent = s.indent;
                    for (int c = 0; c < s.headers.size(); c++) v.row(List.of(s.headers.get(c), s.rows.get(0).get(c)));
                    sections.set(i, v);
                }
            }
            max = sections.stream().mapToInt(Section::totalWidth).max().orElse(0);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("-".repeat(max)).append('\n');
        for (Section s : sections) drawSection(s, max, sb);
        return sb.toString();
    }

    private static void line(StringBuilder sb, int indent, String text) {
        sb.append("|".repeat(indent)).append(text).append("|".repeat(indent)).append('\n');
    }

    private static void drawSection(Section s, int maxWidth, StringBuilder sb) {
        int width = maxWidth - 2 * s.indent;
        if (!s.title.isEmpty()) {
            line(sb, s.indent, center(s.title, width, "|"));
            if (s.headers.isEmpty() && s.rows.isEmpty()) line(sb, s.indent, "+" + "-".repeat(width - 2) + "+");
        }
        List<Integer> widths = s.columnWidths(width);
        if (!s.headers.isEmpty()) {
            line(sb, s.indent, lineBreak(widths));
            StringBuilder cur = new StringBuilder();
            for (int i = 0; i < widths.size() && i < s.headers.size(); i++) cur.append(center(s.headers.get(i), widths.get(i), i == 0 ? "|" : ""));
            line(sb, s.indent, cur.toString());
        }
        if (!s.rows.isEmpty() && !widths.isEmpty()) {
            line(sb, s.indent, lineBreak(widths));
            for (List<String> row : s.rows) {
                StringBuilder cur = new StringBuilder();
                for (int i = 0; i < widths.size() && i < row.size(); i++) cur.append(alignLeft(row.get(i), widths.get(i), i == 0 ? "|" : ""));
                line(sb, s.indent, cur.toString());
            }
            line(sb, s.indent, lineBreak(widths));
        }
    }

    private static String lineBreak(List<Integer> widths) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < widths.size(); i++) {
            if (i == 0) sb.append('+').append("-".repeat(Math.max(0, widths.get(i) - 2))).append('+');
            else sb.append("-".repeat(Math.max(0, widths.get(i) - 1))).append('+');
        }
        return sb.toString();
    }

    private static String center(String text, int length, String leftEdge) {
        int start = Math.max(0, length / 2 - text.length() / 2 - 1);
        String left = leftEdge + " ".repeat(start) + text;
        return left + " ".repeat(Math.max(0, length - 1 - left.length())) + "|";
    }

    private static String alignLeft(String text, int length, String leftEdge) {
        int padding = length - (text.length() + 2 + leftEdge.length() + 1) >= 0 ? 2 : 0;
        String left = leftEdge + " ".repeat(padding) + text;
        return left + " ".repeat(Math.max(0, length - left.length() - 1)) + "|";
    }
}

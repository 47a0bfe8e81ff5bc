package novalab.engine.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Simulates prettytable 3.x's {@code PrettyTable.get_string()} with the defaults cliff uses: {@code +-|} borders,
 * frame rules only, padding 1, top-aligned multi-line cells, centred columns unless an alignment is set.
 */
final class PrettyTable {
    private static final Pattern ANSI = Pattern.compile("\033\\[[0-9;]*m|\033\\(B");

    private final List<String> fieldNames;
    private final Map<String, Character> align = new HashMap<>();
    private final Map<String, Integer> maxWidth = new HashMap<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean printEmpty;

    PrettyTable(List<String> fieldNames, boolean printEmpty) {
        this.fieldNames = List.copyOf(fieldNames);
        this.printEmpty = printEmpty;
    }

    List<String> fieldNames() { return fieldNames; }

    void align(String field, char a) { align.put(field, a); }

    void maxWidth(String field, int w) { maxWidth.put(field, w); }

    void addRow(List<String> row) { rows.add(new ArrayList<>(row)); }

    int rowCount() { return rows.size(); }

    String getString() {
        if (rows.isEmpty() && !printEmpty) return "";
        int[] widths = computeWidths();
        String hrule = hrule(widths);
        List<String> lines = new ArrayList<>();
        StringBuilder header = new StringBuilder(hrule).append('\n').append('|');
        for (int i = 0; i < fieldNames.size(); i++) {
            String name = fieldNames.get(i);
            if (blockWidth(name) > widths[i]) name = name.substring(0, widths[i]);
            header.append(' ').append(justify(name, widths[i], alignOf(name))).append(' ').append('|');
        }
        header.append('\n').append(hrule);
        lines.add(header.toString());
        for (List<String> row : rows) lines.add(stringifyRow(row, widths));
        lines.add(hrule);
        return String.join("\n", lines);
    }

    private char alignOf(String field) {
        return align.getOrDefault(field, 'c');
    }

    private int[] computeWidths() {
        int[] widths = new int[fieldNames.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = size(fieldNames.get(i));
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                Integer max = maxWidth.get(fieldNames.get(i));
                int w = size(row.get(i));
                widths[i] = Math.max(widths[i], max == null ? w : Math.min(w, max));
            }
        }
        return widths;
    }

    private static String hrule(int[] widths) {
        StringBuilder sb = new StringBuilder("+");
        for (int w : widths) sb.append("-".repeat(Math.max(0, w + 2))).append('+');
        return sb.toString();
    }

    private String stringifyRow(List<String> row, int[] widths) {
        List<List<String>> cells = new ArrayList<>();
        int height = 0;
        for (int i = 0; i < row.size(); i++) {
            List<String> lines = new ArrayList<>();
            for (String line : row.get(i).split("\n", -1)) {
                if (blockWidth(line) > widths[i]) {
                    lines.addAll(List.of(TextWrap.fill(line, widths[i]).split("\n", -1)));
                } else {
                    lines.add(line);
                }
            }
            cells.add(lines);
            height = Math.max(height, lines.size());
        }
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < height; y++) {
            if (y > 0) sb.append('\n');
            sb.append('|');
            for (int i = 0; i < cells.size(); i++) {
                List<String> lines = cells.get(i);
                String line = y < lines.size() ? lines.get(y) : "";
                sb.append(' ').append(justify(line, widths[i], alignOf(fieldNames.get(i)))).append(" |");
            }
        }
        return sb.toString();
    }

    private static String justify(String text, int width, char align) {
        int textWidth = blockWidth(text);
        int excess = width - textWidth;
        if (align == 'l') return text + " ".repeat(Math.max(0, excess));
        if (align == 'r') return " ".repeat(Math.max(0, excess)) + text;
        int half = Math.floorDiv(excess, 2);
        if (excess % 2 != 0) {
            if (textWidth % 2 != 0) return pad(half) + text + pad(half + 1);
            return pad(half + 1) + text + pad(half);
        }
        return pad(half) + text + pad(half);
    }

    private static String pad(int n) {
        return n <= 0 ? "" : " ".repeat(n);
    }

    /** prettytable's {@code _get_size(text)[0]}: the widest line. */
    private static int size(String text) {
        int w = Integer.MIN_VALUE;
        for (String line : text.split("\n", -1)) w = Math.max(w, blockWidth(line));
        return w;
    }

    /** {@code wcwidth.wcswidth} of the text without ANSI colour codes; -1 when it holds a control character. */
    static int blockWidth(String text) {
        String s = ANSI.matcher(text).replaceAll("");
        int total = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            int w = charWidth(cp);
            if (w < 0) return -1;
            total += w;
        }
        return total;
    }

    private static int charWidth(int cp) {
        if (cp == 0) return 0;
        if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return -1;
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x1160 && cp <= 0x11ff)) {
            return 0;
        }
        boolean wide = (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e)
                || (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf)
                || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf)
                || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff)
                || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
                || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
                || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
        return wide ? 2 : 1;
    }
}

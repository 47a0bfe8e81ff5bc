package novalab.engine.virt;

import java.util.ArrayList;
import java.util.List;

/** cloud-init's {@code cloudinit.simpletable.SimpleTable}: columns as wide as their widest cell, cells centred as Python's str.center. */
final class SimpleTable {
    private final List<String[]> rows = new ArrayList<>();
    private final int[] widths;

    SimpleTable(String... fields) {
        widths = new int[fields.length];
        row(fields);
    }

    void row(String... values) {
        rows.add(values);
        for (int i = 0; i < values.length; i++) widths[i] = Math.max(widths[i], values[i].length());
    }

    List<String> withTitle(String title) {
        StringBuilder div = new StringBuilder("+");
        for (int w : widths) div.append("-".repeat(w + 2)).append('+');
        List<String> lines = new ArrayList<>();
        lines.add(div.toString());
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("|");
            for (int i = 0; i < widths.length; i++) line.append(center(rows.get(r)[i], widths[i] + 2, ' ')).append('|');
            lines.add(line.toString());
            if (r == 0) lines.add(div.toString());
        }
        lines.add(div.toString());
        lines.add(0, formatCenter(title, lines.get(0).length()));
        return lines;
    }

    /** Python's str.center: the odd space goes left when the width is odd. */
    static String center(String s, int width, char fill) {
        int marg = width - s.length();
        if (marg <= 0) return s;
        int left = marg / 2 + (marg & width & 1);
        return String.valueOf(fill).repeat(left) + s + String.valueOf(fill).repeat(marg - left);
    }

    /** Python's format(s, '+^n') as cloud-init's util.center uses: the odd fill goes right. */
    static String formatCenter(String s, int width) {
        int marg = width - s.length();
        if (marg <= 0) return s;
        return "+".repeat(marg / 2) + s + "+".repeat(marg - marg / 2);
    }
}

package novalab.engine.cli.ops;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.cli.Listing;

/** prettytable with centred cells, as nova-manage prints it. */
final class Tables {
    private Tables() {}

    static String centered(Listing l) {
        int n = l.columns().size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) w[i] = l.columns().get(i).length();
        for (List<Object> r : l.rows()) for (int i = 0; i < n; i++) w[i] = Math.max(w[i], String.valueOf(r.get(i)).length());
        StringBuilder sep = new StringBuilder("+");
        for (int x : w) sep.append("-".repeat(x + 2)).append('+');
        StringBuilder sb = new StringBuilder().append(sep).append('\n');
        sb.append(row(new ArrayList<>(l.columns()), w)).append(sep).append('\n');
        for (List<Object> r : l.rows()) sb.append(row(r, w));
        sb.append(sep).append('\n');
        return sb.toString();
    }

    private static String row(List<?> cells, int[] w) {
        StringBuilder sb = new StringBuilder("|");
        for (int i = 0; i < w.length; i++) {
            String s = String.valueOf(cells.get(i));
            int pad = w[i] - s.length();
            int left = pad / 2;
            sb.append(' ').append(" ".repeat(left)).append(s).append(" ".repeat(pad - left)).append(" |");
        }
        return sb.append('\n').toString();
    }
}

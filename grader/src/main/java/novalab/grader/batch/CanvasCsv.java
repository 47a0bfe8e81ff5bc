package novalab.grader.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import novalab.exercises.Exercise;
import novalab.grader.GradeResult;

/**
 * Canvas's gradebook CSV: {@code Student, ID, SIS User ID, SIS Login ID, Section}, one column per
 * exercise named by its title (Canvas matches assignments by exact name), a {@code Points Possible} row,
 * then one row per student with points; a history that was not gradable leaves the cell blank.
 */
public final class CanvasCsv {
    private CanvasCsv() {}

    public static String write(List<Exercise> exercises, Map<String, Map<String, GradeResult>> byStudent) {
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>(List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section"));
        exercises.forEach(e -> head.add(e.title()));
        row(sb, head);
        List<String> pp = new ArrayList<>(List.of("Points Possible", "", "", "", ""));
        exercises.forEach(e -> pp.add(Integer.toString(e.points())));
        row(sb, pp);
        byStudent.forEach((student, results) -> {
            List<String> r = new ArrayList<>(List.of(student, "", "", student, ""));
            for (Exercise e : exercises) {
                GradeResult g = results.get(e.id());
                r.add(g == null || !g.gradable() ? "" : number(g.score() * e.points()));
            }
            row(sb, r);
        });
        return sb.toString();
    }

    public static String number(double v) {
        return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(quote(cells.get(i)));
        }
        sb.append("\r\n");
    }

    public static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}

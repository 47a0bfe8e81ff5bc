package novalab.grader.batch;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import novalab.exercises.Exercise;
import novalab.exercises.checks.Check;
import novalab.grader.GradeResult;
import novalab.grader.TestResult;

/**
 * {@code report.html}: a score histogram (an SVG image), pass rates per check, the most common
 * first-divergence commands, and the histories that could not be graded. Self-contained, no scripts,
 * and the same results give the same bytes.
 */
final class Report {
    private Report() {}

    static String html(List<Exercise> exercises, Map<String, Map<String, GradeResult>> byStudent) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Week 9 grading report</title>\n")
         .append("<style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}")
         .append("td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}td.n{text-align:right}code{font-size:.9em}")
         .append(".bar{display:inline-block;height:.8em;background:#4a7bd0}</style>\n</head>\n<body>\n");
        int students = byStudent.size();
        long graded = byStudent.values().stream().flatMap(m -> m.values().stream()).filter(GradeResult::gradable).count();
        long ungradable = byStudent.values().stream().flatMap(m -> m.values().stream()).filter(r -> !r.gradable()).count();
        h.append("<h1>Week 9 grading report</h1>\n<p>").append(students).append(" students, ").append(exercises.size())
         .append(" exercises, ").append(graded).append(" histories graded, ").append(ungradable).append(" not gradable.</p>\n");

        h.append("<h2>Scores</h2>\n<p><img alt=\"Histogram of students' total scores in percent, in ten bins\" src=\"data:image/svg+xml;base64,")
         .append(Base64.getEncoder().encodeToString(histogram(totals(exercises, byStudent)).getBytes(StandardCharsets.UTF_8)))
         .append("\"></p>\n");

        h.append("<h2>Pass rates per check</h2>\n<table>\n<tr><th>Exercise</th><th>Check</th><th>Passed</th><th>Rate</th><th></th></tr>\n");
        for (Exercise e : exercises) {
            for (Check c : e.checks()) {
                int pass = 0, n = 0;
                for (Map<String, GradeResult> m : byStudent.values()) {
                    GradeResult r = m.get(e.id());
                    if (r == null || !r.gradable()) continue;
                    for (TestResult t : r.tests()) {
                        if (t.check().id().equals(c.info().id())) {
                            n++;
                            if (t.passed()) pass++;
                        }
                    }
                }
                int pct = n == 0 ? 0 : Math.round(100f * pass / n);
                h.append("<tr><td>").append(esc(e.id())).append("</td><td>").append(esc(c.info().name())).append("</td><td class=\"n\">")
                 .append(pass).append(" / ").append(n).append("</td><td class=\"n\">").append(n == 0 ? "–" : pct + " %")
                 .append("</td><td><span class=\"bar\" style=\"width:").append(pct * 2).append("px\"></span></td></tr>\n");
            }
        }
        h.append("</table>\n");

        h.append("<h2>Most common first-divergence commands</h2>\n");
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String[]> parts = new LinkedHashMap<>();
        byStudent.values().forEach(m -> m.values().forEach(r -> r.tests().forEach(t -> t.divergence().ifPresent(d -> {
            String key = r.receipt().exercise() + "\u0000" + t.check().id() + "\u0000" + normalize(d.line());
            counts.merge(key, 1, Integer::sum);
            parts.putIfAbsent(key, key.split("\u0000"));
        }))));
        List<Map.Entry<String, Integer>> top = new ArrayList<>(counts.entrySet());
        top.sort(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        if (top.isEmpty()) {
            h.append("<p>No failed check had a diverging command.</p>\n");
        } else {
            h.append("<table>\n<tr><th>Students</th><th>Exercise</th><th>Check</th><th>Command</th></tr>\n");
            for (Map.Entry<String, Integer> en : top.subList(0, Math.min(15, top.size()))) {
                String[] p = parts.get(en.getKey());
                h.append("<tr><td class=\"n\">").append(en.getValue()).append("</td><td>").append(esc(p[0])).append("</td><td>")
                 .append(esc(p[1])).append("</td><td><code>").append(esc(p[2])).append("</code></td></tr>\n");
            }
            h.append("</table>\n");
        }

        List<String> bad = new ArrayList<>();
        byStudent.forEach((s, m) -> m.values().forEach(r -> {
            if (!r.gradable()) bad.add(s + " — " + r.receipt().exercise() + ": " + String.join("; ", r.formatErrors()));
        }));
        if (!bad.isEmpty()) {
            h.append("<h2>Not gradable</h2>\n<ul>\n");
            bad.forEach(b -> h.append("<li>").append(esc(b)).append("</li>\n"));
            h.append("</ul>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Each student's total over the gradable exercises, in percent of the points possible. */
    static List<Double> totals(List<Exercise> exercises, Map<String, Map<String, GradeResult>> byStudent) {
        List<Double> out = new ArrayList<>();
        int possible = exercises.stream().mapToInt(Exercise::points).sum();
        for (Map<String, GradeResult> m : byStudent.values()) {
            double got = 0;
            for (Exercise e : exercises) {
                GradeResult r = m.get(e.id());
                if (r != null && r.gradable()) got += r.score() * e.points();
            }
            out.add(possible == 0 ? 0 : 100.0 * got / possible);
        }
        return out;
    }

    /** Addresses and repeated spaces out, so that the same mistake counts once. */
    static String normalize(String line) {
        return line.replaceAll("\\b\\d{1,3}(\\.\\d{1,3}){3}\\b", "<ip>").replaceAll("\\s+", " ").strip();
    }

    static String histogram(List<Double> percents) {
        int[] bins = new int[10];
        for (double p : percents) bins[Math.min(9, (int) Math.floor(p / 10))]++;
        int max = 1;
        for (int b : bins) max = Math.max(max, b);
        int w = 520, hgt = 240, left = 40, bottom = 200, bw = 46;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(w).append("\" height=\"").append(hgt)
         .append("\" font-family=\"sans-serif\" font-size=\"11\">");
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(bottom).append("\" x2=\"").append(left + 10 * bw)
         .append("\" y2=\"").append(bottom).append("\" stroke=\"#333\"/>");
        for (int i = 0; i < 10; i++) {
            int bh = (int) Math.round(170.0 * bins[i] / max);
            int x = left + i * bw + 3;
            s.append("<rect x=\"").append(x).append("\" y=\"").append(bottom - bh).append("\" width=\"").append(bw - 6)
             .append("\" height=\"").append(bh).append("\" fill=\"#4a7bd0\"/>");
            s.append("<text x=\"").append(x + (bw - 6) / 2).append("\" y=\"").append(bottom - bh - 4).append("\" text-anchor=\"middle\">")
             .append(bins[i]).append("</text>");
            s.append("<text x=\"").append(x + (bw - 6) / 2).append("\" y=\"").append(bottom + 14).append("\" text-anchor=\"middle\">")
             .append(i * 10).append(i == 9 ? "–100" : "–" + (i * 10 + 9)).append("</text>");
        }
        s.append("<text x=\"").append(left + 5 * bw).append("\" y=\"").append(bottom + 32).append("\" text-anchor=\"middle\">score (%)</text>");
        s.append("<text x=\"12\" y=\"").append(bottom / 2).append("\" transform=\"rotate(-90 12 ").append(bottom / 2)
         .append(")\" text-anchor=\"middle\">students</text></svg>");
        return s.toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

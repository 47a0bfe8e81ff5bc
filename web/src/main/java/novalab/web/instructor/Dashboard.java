package novalab.web.instructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import novalab.exercises.Catalog;
import novalab.exercises.Exercise;
import novalab.exercises.checks.Check;
import novalab.web.Chrome;
import novalab.web.account.User;

/** Builds the class dashboard from the students, their opened sandboxes and the stored grades. */
final class Dashboard {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int CHART_HEIGHT = 140;
    static final int BAR_WIDTH = 36;
    static final int TOP = 20;

    private Dashboard() {}

    static DashboardPage build(Chrome chrome, Catalog catalog, List<User> students, Set<String> opened, List<StoredGrade> grades,
                               java.util.Optional<GradingJob.View> job) {
        Map<String, StoredGrade> byKey = new HashMap<>();
        grades.forEach(g -> byKey.put(g.userId() + "/" + g.exercise(), g));
        List<DashboardPage.Column> cols = catalog.exercises().stream().map(e -> new DashboardPage.Column(e.id(), e.title(), e.points(),
                summary(e, grades))).toList();
        Set<String> gradedExercises = new java.util.HashSet<>();
        grades.forEach(g -> gradedExercises.add(g.exercise()));
        int possible = catalog.exercises().stream().filter(e -> gradedExercises.contains(e.id())).mapToInt(Exercise::points).sum();

        List<DashboardPage.Row> rows = new ArrayList<>();
        int[] bins = new int[10];
        for (User u : students) {
            List<DashboardPage.Cell> cells = new ArrayList<>();
            int earned = 0;
            boolean any = false;
            for (Exercise e : catalog.exercises()) {
                String key = u.id() + "/" + e.id();
                StoredGrade g = byKey.get(key);
                String link = opened.contains(key) ? "/instructor/students/" + u.id() + "/exercises/" + e.id() : "";
                cells.add(cell(g, opened.contains(key), link));
                if (g != null) {
                    any = true;
                    earned += g.gradable() ? g.points() : 0;
                }
            }
            String total = any && possible > 0 ? earned + "/" + possible + " (" + (earned * 100 / possible) + "%)" : "—";
            if (any && possible > 0) bins[Math.min(9, earned * 10 / possible)]++;
            rows.add(new DashboardPage.Row(u.id(), u.name(), cells, total));
        }
        return new DashboardPage(chrome, cols, rows, failingChecks(catalog, grades), divergences(catalog, grades), histogram(bins),
                grades.size(), job);
    }

    private static String summary(Exercise e, List<StoredGrade> grades) {
        List<StoredGrade> mine = grades.stream().filter(g -> g.exercise().equals(e.id()) && g.gradable()).toList();
        if (mine.isEmpty()) return "none graded";
        double mean = mine.stream().mapToInt(StoredGrade::points).average().orElse(0);
        return mine.size() + " graded, mean " + String.format(java.util.Locale.ROOT, "%.1f", mean) + "/" + e.points();
    }

    private static DashboardPage.Cell cell(StoredGrade g, boolean opened, String link) {
        if (g == null) return opened ? new DashboardPage.Cell("·", "not graded", "ungraded", link) : new DashboardPage.Cell("—", "not started", "none", link);
        if (!g.gradable()) return new DashboardPage.Cell("?", "empty history", "ungradable", link);
        String text = g.points() + "/" + g.maxPoints();
        if (g.points() >= g.maxPoints()) return new DashboardPage.Cell("✓", text, "full", link);
        if (g.points() == 0) return new DashboardPage.Cell("✗", text, "zero", link);
        return new DashboardPage.Cell("◐", text, "partial", link);
    }

    private static List<DashboardPage.Count> failingChecks(Catalog catalog, List<StoredGrade> grades) {
        Map<String, DashboardPage.Count> m = new LinkedHashMap<>();
        for (StoredGrade g : grades) {
            if (!g.gradable()) continue;
            for (JsonNode t : instructorTests(g)) {
                if (t.path("passed").asBoolean()) continue;
                String id = t.path("id").asText();
                String name = catalog.find(g.exercise()).flatMap(e -> e.checks().stream().map(Check::info).filter(c -> c.id().equals(id)).findFirst())
                        .map(c -> c.name()).orElse(id);
                String key = g.exercise() + "/" + id;
                DashboardPage.Count c = m.get(key);
                m.put(key, new DashboardPage.Count(name, g.exercise() + " · " + id, c == null ? 1 : c.count() + 1));
            }
        }
        return top(m);
    }

    private static List<DashboardPage.Count> divergences(Catalog catalog, List<StoredGrade> grades) {
        Map<String, DashboardPage.Count> m = new LinkedHashMap<>();
        for (StoredGrade g : grades) {
            Set<String> seen = new java.util.HashSet<>(); // one count per history, however many checks it broke
            for (JsonNode t : instructorTests(g)) {
                JsonNode d = t.path("first_divergence");
                if (!d.isObject() || !seen.add(d.path("cmd").asText())) continue;
                String cmd = d.path("cmd").asText();
                DashboardPage.Count c = m.get(cmd);
                String where = c == null ? g.exercise() : c.detail().contains(g.exercise()) ? c.detail() : c.detail() + ", " + g.exercise();
                m.put(cmd, new DashboardPage.Count(cmd, where, c == null ? 1 : c.count() + 1));
            }
        }
        return top(m);
    }

    private static List<DashboardPage.Count> top(Map<String, DashboardPage.Count> m) {
        return m.values().stream().sorted(Comparator.comparingInt(DashboardPage.Count::count).reversed()).limit(10).toList();
    }

    private static List<JsonNode> instructorTests(StoredGrade g) {
        List<JsonNode> out = new ArrayList<>();
        try {
            JSON.readTree(g.resultJson()).path("instructor").path("tests").forEach(out::add);
        } catch (IOException e) {
            // a row we cannot read counts for nothing here; the grid still shows its score
        }
        return out;
    }

    private static List<DashboardPage.Bar> histogram(int[] bins) {
        int max = 0;
        for (int b : bins) max = Math.max(max, b);
        List<DashboardPage.Bar> out = new ArrayList<>();
        for (int i = 0; i < bins.length; i++) {
            int h = max == 0 ? 0 : bins[i] * CHART_HEIGHT / max;
            int y = TOP + CHART_HEIGHT - h;
            String label = i == 9 ? "90–100" : (i * 10) + "–" + (i * 10 + 9);
            out.add(new DashboardPage.Bar(label, bins[i], 40 + i * (BAR_WIDTH + 8), y, h, y - 4));
        }
        return out;
    }
}

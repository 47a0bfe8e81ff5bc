package novalab.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code --compare OLD_DIR}: reads the Gradescope results of an earlier run ({@code OLD_DIR/results/*.json})
 * and says, per student, whether the score changes and which checks flipped, before anyone uploads the new grades.
 */
final class RegradePreview {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RegradePreview() {}

    /** Test key ("exercise/check") → score, and the total, of one results.json. */
    record Scores(double total, Map<String, Double> tests) {}

    static Scores read(JsonNode n) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (JsonNode t : n.path("tests")) {
            m.put(t.path("tags").path(0).asText() + "/" + t.path("tags").path(1).asText(), t.path("score").asDouble());
        }
        return new Scores(n.path("score").asDouble(), m);
    }

    static String compare(Path oldDir, Map<String, JsonNode> fresh) {
        Path results = oldDir.resolve("results");
        if (!Files.isDirectory(results)) throw new BatchError("--compare: " + results + " does not exist (expected the --out folder of an earlier run)");
        Map<String, Scores> old = new LinkedHashMap<>();
        try (var s = Files.list(results)) {
            for (Path p : s.sorted().toList()) {
                String f = p.getFileName().toString();
                if (!f.endsWith(".json")) continue;
                old.put(f.substring(0, f.length() - 5), read(JSON.readTree(p.toFile())));
            }
        } catch (IOException e) {
            throw new BatchError("--compare: cannot read " + results + ": " + e.getMessage());
        }
        TreeSet<String> students = new TreeSet<>(old.keySet());
        students.addAll(fresh.keySet());
        List<String> lines = new ArrayList<>();
        int changed = 0;
        for (String st : students) {
            Scores a = old.get(st);
            Scores b = fresh.containsKey(st) ? read(fresh.get(st)) : null;
            if (a == null) {
                lines.add(st + ": new, " + CanvasCsv.number(b.total()));
                changed++;
                continue;
            }
            if (b == null) {
                lines.add(st + ": no longer graded (was " + CanvasCsv.number(a.total()) + ")");
                changed++;
                continue;
            }
            List<String> why = new ArrayList<>();
            TreeSet<String> keys = new TreeSet<>(a.tests().keySet());
            keys.addAll(b.tests().keySet());
            for (String k : keys) {
                Double x = a.tests().get(k), y = b.tests().get(k);
                if (x == null) why.add(k + " added (" + CanvasCsv.number(y) + ")");
                else if (y == null) why.add(k + " removed (was " + CanvasCsv.number(x) + ")");
                else if (!x.equals(y)) why.add(k + " " + CanvasCsv.number(x) + " → " + CanvasCsv.number(y));
            }
            if (a.total() != b.total() || !why.isEmpty()) {
                changed++;
                lines.add(st + ": " + CanvasCsv.number(a.total()) + " → " + CanvasCsv.number(b.total()) + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")"));
            }
        }
        StringBuilder sb = new StringBuilder("Regrade preview against " + oldDir + ": " + changed + " of " + students.size()
                + " students change.\n");
        lines.forEach(l -> sb.append("  ").append(l).append('\n'));
        return sb.toString();
    }


}

package novalab.web.instructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import novalab.grader.TestResult;

/** Compares fresh results with the stored grades, check by check, before anything is stored. */
final class Regrade {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Regrade() {}

    /** One check's outcome: passed or not, points earned and possible. */
    record Outcome(boolean passed, int points, int max) {
        String text() {
            return (passed ? "passed" : "failed") + " " + points + "/" + max;
        }
    }

    static List<ScoreChange> compare(List<StoredGrade> stored, List<Graded> fresh) {
        Map<String, StoredGrade> old = new HashMap<>();
        for (StoredGrade g : stored) old.put(g.userId() + "/" + g.exercise(), g);
        List<ScoreChange> out = new ArrayList<>();
        for (Graded g : fresh) {
            StudentHistory h = g.history();
            String after = score(g.result().gradable(), g.points(), g.result().maxPoints());
            StoredGrade was = old.get(h.userId() + "/" + h.exercise());
            if (was == null) {
                out.add(new ScoreChange(h.userId(), h.student(), h.exercise(), "not graded", after, List.of("not graded before")));
                continue;
            }
            List<String> why = new ArrayList<>();
            Map<String, Outcome> a = outcomes(was.resultJson());
            Map<String, Outcome> b = new LinkedHashMap<>();
            for (TestResult t : g.result().tests()) b.put(t.check().id(), new Outcome(t.passed(), t.points(), t.check().points()));
            for (var e : b.entrySet()) {
                Outcome x = a.get(e.getKey());
                if (x == null) why.add("check " + e.getKey() + " is new: " + e.getValue().text());
                else if (!x.equals(e.getValue())) why.add("check " + e.getKey() + ": " + x.text() + " → " + e.getValue().text());
            }
            for (String k : a.keySet()) if (!b.containsKey(k)) why.add("check " + k + " was removed (was " + a.get(k).text() + ")");
            if (was.gradable() != g.result().gradable()) why.add(g.result().gradable() ? "the history is now gradable" : "the history is no longer gradable");
            String before = score(was.gradable(), was.points(), was.maxPoints());
            if (why.isEmpty() && before.equals(after)) continue;
            if (!was.historySha().equals(h.sha256())) {
                why.add("the history changed (" + was.commands() + " → " + h.commands().size() + " commands)");
            }
            if (!was.engine().equals(novalab.grader.ReplayGrader.ENGINE_VERSION)) {
                why.add("the engine changed (" + was.engine() + " → " + novalab.grader.ReplayGrader.ENGINE_VERSION + ")");
            }
            out.add(new ScoreChange(h.userId(), h.student(), h.exercise(), before, after, why));
        }
        return out;
    }

    static String score(boolean gradable, int points, int max) {
        return gradable ? points + "/" + max : "not gradable";
    }

    /** Check id → outcome, read from a stored PrairieLearn-shaped result (its {@code tests} and {@code instructor.tests} run in step). */
    static Map<String, Outcome> outcomes(String resultJson) {
        Map<String, Outcome> m = new LinkedHashMap<>();
        JsonNode n;
        try {
            n = JSON.readTree(resultJson);
        } catch (IOException e) {
            return m;
        }
        JsonNode tests = n.path("tests");
        JsonNode ins = n.path("instructor").path("tests");
        for (int i = 0; i < ins.size(); i++) {
            JsonNode t = tests.path(i);
            m.put(ins.get(i).path("id").asText(), new Outcome(ins.get(i).path("passed").asBoolean(), t.path("points").asInt(), t.path("max_points").asInt()));
        }
        return m;
    }
}

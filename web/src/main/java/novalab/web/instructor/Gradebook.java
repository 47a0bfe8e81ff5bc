package novalab.web.instructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import novalab.exercises.Catalog;
import novalab.exercises.Exercise;
import novalab.exercises.checks.Check;
import novalab.exercises.checks.CheckInfo;
import novalab.exercises.checks.Visibility;
import novalab.grader.Divergence;
import novalab.grader.GradeResult;
import novalab.grader.Receipt;
import novalab.grader.ResultJson;
import novalab.grader.TestResult;
import novalab.grader.batch.CanvasCsv;

/**
 * The downloads, written by the batch grader's own writers from the stored grades: Canvas's gradebook CSV
 * ({@link CanvasCsv}) and Gradescope's {@code results.json} per student ({@link ResultJson#gradescope}).
 */
final class Gradebook {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Gradebook() {}

    /** Student name → exercise id → result, in catalog order. */
    static Map<String, Map<String, GradeResult>> byStudent(Catalog catalog, List<StoredGrade> grades) {
        Map<String, Map<String, GradeResult>> out = new TreeMap<>();
        for (Exercise e : catalog.exercises()) {
            for (StoredGrade g : grades) {
                if (g.exercise().equals(e.id())) out.computeIfAbsent(g.student(), k -> new LinkedHashMap<>()).put(e.id(), result(e, g));
            }
        }
        return out;
    }

    static String csv(Catalog catalog, List<StoredGrade> grades) {
        return CanvasCsv.write(catalog.exercises(), byStudent(catalog, grades));
    }

    /** One Gradescope results.json per student, under the student's name. */
    static ObjectNode resultsJson(Catalog catalog, List<StoredGrade> grades) {
        ObjectNode o = JSON.createObjectNode();
        byStudent(catalog, grades).forEach((student, results) -> o.set(student, ResultJson.gradescope(new ArrayList<>(results.values()))));
        return o;
    }

    /** The grader's result rebuilt from its stored PrairieLearn form (the exercise supplies hidden checks' names and messages). */
    static GradeResult result(Exercise ex, StoredGrade g) {
        JsonNode n;
        try {
            n = JSON.readTree(g.resultJson());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> formatErrors = new ArrayList<>();
        n.path("format_errors").forEach(x -> formatErrors.add(x.asText()));
        JsonNode tests = n.path("tests");
        JsonNode ins = n.path("instructor").path("tests");
        List<TestResult> out = new ArrayList<>();
        for (int i = 0; i < ins.size(); i++) {
            JsonNode t = tests.path(i);
            JsonNode x = ins.get(i);
            String id = x.path("id").asText();
            Optional<CheckInfo> known = ex.checks().stream().map(Check::info).filter(c -> c.id().equals(id)).findFirst();
            Visibility vis = visibility(t.path("visibility").asText());
            CheckInfo info = new CheckInfo(id, known.map(CheckInfo::name).orElse(t.path("name").asText()), t.path("max_points").asInt(),
                    known.map(CheckInfo::message).orElse(""), x.path("detail").asText(), vis);
            JsonNode d = x.path("first_divergence");
            Optional<Divergence> div = d.isObject() ? Optional.of(new Divergence(d.path("command").asInt(), d.path("t").asLong(),
                    d.path("cmd").asText(), d.path("before").asText(), d.path("after").asText())) : Optional.empty();
            boolean passed = x.path("passed").asBoolean();
            out.add(new TestResult(info, passed, t.path("points").asInt(), x.path("observed").asText(), x.path("reference").asText(), div));
        }
        JsonNode r = n.path("receipt");
        Receipt receipt = new Receipt(r.path("engine").asText(), r.path("exercise").asText(), r.path("exercise_uuid").asText(),
                r.path("scenario").asText(), r.path("seed").asLong(), r.path("driver").asText(), r.path("history_sha256").asText(),
                r.path("commands").asInt());
        return new GradeResult(n.path("gradable").asBoolean(), n.path("score").asDouble(), n.path("message").asText(), formatErrors, out,
                receipt, n.path("instructor").path("engine_errors").asInt());
    }

    private static Visibility visibility(String s) {
        for (Visibility v : Visibility.values()) if (v.toString().equals(s)) return v;
        return Visibility.VISIBLE;
    }
}

package novalab.grader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import novalab.exercises.checks.Visibility;

/**
 * The two documented shapes of a result. {@link #prairieLearn} is PrairieLearn's external-grader
 * {@code results.json} ({@code gradable}, {@code score} 0..1, {@code format_errors}, {@code message},
 * {@code tests[]{name, description, points, max_points, message, output}}; a {@code hidden} check is shown
 * there only as "Hidden check N" with its points) plus {@code receipt} and an {@code instructor} block
 * (detail, observed state, the reference solution's state and their diff, first divergence).
 * {@link #gradescope} is Gradescope's {@code results.json} for one student over several exercises.
 * Key order is fixed and no wall-clock value is written, so equal inputs give equal bytes.
 */
public final class ResultJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {}

    public static String write(ObjectNode n) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(pp).writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode prairieLearn(GradeResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("gradable", r.gradable());
        o.put("score", r.score());
        if (!r.gradable()) {
            ArrayNode fe = o.putArray("format_errors");
            r.formatErrors().forEach(fe::add);
        }
        o.put("message", r.message());
        ArrayNode tests = o.putArray("tests");
        int n = 0;
        for (TestResult t : r.tests()) {
            n++;
            // PrairieLearn shows every test to the student: a hidden check keeps its points but not its words
            boolean hidden = t.check().visibility() == Visibility.HIDDEN;
            ObjectNode x = tests.addObject();
            x.put("name", hidden ? "Hidden check " + n : t.check().name());
            x.put("description", hidden ? "" : t.check().id());
            x.put("points", t.points());
            x.put("max_points", t.check().points());
            x.put("message", hidden ? "" : t.studentMessage());
            x.put("output", t.passed() ? "passed" : "failed");
            x.put("visibility", t.check().visibility().toString());
        }
        o.set("receipt", receipt(r.receipt()));
        ObjectNode ins = o.putObject("instructor");
        ins.put("engine_errors", r.engineErrors());
        ArrayNode it = ins.putArray("tests");
        for (TestResult t : r.tests()) {
            ObjectNode x = it.addObject();
            x.put("id", t.check().id());
            x.put("passed", t.passed());
            x.put("detail", t.check().detail());
            x.put("observed", t.observed());
            x.put("reference", t.reference());
            if (!t.passed() && !t.reference().isEmpty()) x.put("diff", "- reference: " + t.reference() + "\n+ student:   " + t.observed() + "\n");
            t.divergence().ifPresent(d -> {
                ObjectNode dv = x.putObject("first_divergence");
                dv.put("command", d.command());
                dv.put("t", d.offsetMs());
                dv.put("cmd", d.line());
                dv.put("before", d.before());
                dv.put("after", d.after());
            });
        }
        return o;
    }

    static ObjectNode receipt(Receipt rc) {
        ObjectNode o = JSON.createObjectNode();
        o.put("engine", rc.engine());
        o.put("exercise", rc.exercise());
        o.put("exercise_uuid", rc.exerciseUuid());
        o.put("scenario", rc.scenario());
        o.put("seed", rc.seed());
        o.put("driver", rc.driver());
        o.put("history_sha256", rc.historySha256());
        o.put("commands", rc.commands());
        return o;
    }

    /**
     * Gradescope's {@code results.json} for one student: {@code score} (total points), {@code output},
     * {@code visibility}, {@code stdout_visibility}, {@code tests[]{score, max_score, status, name, number,
     * output, tags, visibility}}, and the receipts and gradability per exercise in {@code extra_data}.
     */
    public static ObjectNode gradescope(List<GradeResult> results) {
        ObjectNode o = JSON.createObjectNode();
        double total = 0;
        StringBuilder out = new StringBuilder();
        for (GradeResult r : results) {
            total += r.gradable() ? r.points() : 0;
            out.append(r.receipt().exercise()).append(": ").append(r.message()).append('\n');
        }
        o.put("score", total);
        o.put("output", out.toString());
        o.put("output_format", "text");
        o.put("visibility", "visible");
        o.put("stdout_visibility", "hidden");
        ArrayNode tests = o.putArray("tests");
        int ex = 0;
        for (GradeResult r : results) {
            ex++;
            int n = 0;
            for (TestResult t : r.tests()) {
                n++;
                ObjectNode x = tests.addObject();
                x.put("score", t.points());
                x.put("max_score", t.check().points());
                x.put("status", t.passed() ? "passed" : "failed");
                x.put("name", t.check().name());
                x.put("number", ex + "." + n);
                x.put("output", t.studentMessage());
                x.putArray("tags").add(r.receipt().exercise()).add(t.check().id());
                x.put("visibility", t.check().visibility().toString());
            }
        }
        ObjectNode extra = o.putObject("extra_data");
        ArrayNode ex2 = extra.putArray("exercises");
        for (GradeResult r : results) {
            ObjectNode e = ex2.addObject();
            e.put("exercise", r.receipt().exercise());
            e.put("gradable", r.gradable());
            e.put("score", r.score());
            e.put("points", r.gradable() ? r.points() : 0);
            if (!r.gradable()) {
                ArrayNode fe = e.putArray("format_errors");
                r.formatErrors().forEach(fe::add);
            }
            e.set("receipt", receipt(r.receipt()));
        }
        return o;
    }
}

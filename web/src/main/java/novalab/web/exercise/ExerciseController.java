package novalab.web.exercise;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.exercises.Catalog;
import novalab.exercises.Exercise;
import novalab.exercises.checks.Visibility;
import novalab.grader.GradeResult;
import novalab.grader.ReplayGrader;
import novalab.grader.TestResult;
import novalab.web.Access;
import novalab.web.BadInput;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.account.User;
import novalab.web.db.Database;
import novalab.web.lab.LabSessions;
import novalab.web.lab.StoredHistory;
import novalab.web.lesson.Markdown;

/**
 * {@code /exercises} (each exercise with the student's last self-check) and {@code /exercises/{id}}: the prompt, the
 * terminal on that exercise's own sandbox, "Check my progress" ({@code POST /exercises/{id}/check}: the replay grader on
 * the stored history of that sandbox's current generation, as a batch grade runs it), the hints earned so far, and the
 * live view of that sandbox (hosts and the last scheduling decision, redrawn after each command like {@code /cloud}).
 */
public final class ExerciseController {
    private final Catalog catalog;
    private final LabSessions labs;
    private final CheckDao checks;
    private final ReplayGrader grader;
    /** A check replays a whole history: 5 at once, then one every 2 s per student. */
    private final novalab.web.lab.RateLimit limit = new novalab.web.lab.RateLimit(5, 0.5, System::currentTimeMillis);
    private final Map<String, String> prompts = new HashMap<>();
    private final Map<String, List<String>> hints = new HashMap<>();

    public ExerciseController(Catalog catalog, LabSessions labs, Database db) {
        this.catalog = catalog;
        this.labs = labs;
        this.checks = new CheckDao(db);
        // the fake driver, as batch grading runs: same behaviour, no hypervisor
        this.grader = new ReplayGrader();
        Markdown md = new Markdown();
        for (Exercise e : catalog.exercises()) {
            prompts.put(e.id(), md.render(e.prompt()));
            hints.put(e.id(), e.hints().stream().map(md::render).toList());
        }
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/exercises", this::list, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/exercises/{id}", this::show, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/exercises/{id}/check", this::check, Role.STUDENT, Role.INSTRUCTOR);
    }

    private Exercise exercise(Context ctx) {
        String id = ctx.pathParam("id");
        return catalog.exercises().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new Access.Refused(HttpStatus.NOT_FOUND, "There is no exercise called '" + id + "'."));
    }

    private void list(Context ctx) {
        User user = Access.user(ctx);
        List<ExerciseListPage.Row> rows = new ArrayList<>();
        for (Exercise e : catalog.exercises()) rows.add(new ExerciseListPage.Row(e.id(), e.title(), e.topic(), e.points(), checks.last(user.id(), e.id())));
        ctx.render("exercise/list.jte", Map.of("page", new ExerciseListPage(Chrome.of(ctx, "Exercises"), rows)));
    }

    private void show(Context ctx) {
        Exercise e = exercise(ctx);
        User user = Access.user(ctx);
        Chrome chrome = Chrome.of(ctx, e.title());
        List<String> all = hints.get(e.id());
        int shown = Math.min(all.size(), checks.failedRuns(user.id(), e.id()));
        long hidden = e.checks().stream().filter(c -> hidden(c.info().visibility())).count();
        ctx.render("exercise/show.jte", Map.of("page", new ExercisePage(chrome, e.id(), e.title(), e.topic(), e.points(), prompts.get(e.id()),
                labs.view(user, e.id(), chrome.csrf()), checks.last(user.id(), e.id()), all.subList(0, shown), all.size(), (int) hidden,
                labs.inspect(user, e.id(), novalab.web.cloud.CloudPanel::of))));
    }

    private void check(Context ctx) {
        Exercise e = exercise(ctx);
        User user = Access.user(ctx);
        if (!limit.tryAcquire(user.id())) {
            throw new Access.Refused(HttpStatus.TOO_MANY_REQUESTS, "Too many checks at once: wait a few seconds and check again.");
        }
        StoredHistory h = labs.history(user.id(), e.id());
        if (h.commands().isEmpty()) {
            throw new BadInput("There is nothing to check yet: run your commands in this exercise's terminal first, then check your progress.");
        }
        GradeResult g = grader.grade(e, h.jsonLines());
        checks.add(user.id(), e.uuid(), summarise(e, h, g));
        ctx.redirect("/exercises/" + e.id() + "#progress", HttpStatus.SEE_OTHER);
    }

    /** What the student may see: visible checks with their messages; hidden ones only counted. */
    static CheckRun summarise(Exercise e, StoredHistory h, GradeResult g) {
        List<CheckRun.Line> lines = new ArrayList<>();
        int points = 0, max = 0, hidden = 0;
        boolean allVisible = true;
        for (TestResult t : g.tests()) {
            if (hidden(t.check().visibility())) {
                hidden++;
                continue;
            }
            points += t.points();
            max += t.check().points();
            allVisible &= t.passed();
            lines.add(new CheckRun.Line(t.check().name(), t.passed(), t.points(), t.check().points(), t.studentMessage()));
        }
        String message = g.gradable() ? points + " of " + max + " points on the checks you can see." : g.message();
        return new CheckRun(0, e.id(), h.epoch(), h.commands().size(), g.score(), points, max, hidden, g.gradable() && allVisible, message,
                lines, "");
    }

    /**
     * Hidden from the student's own check: {@code hidden}, and {@code after_due_date} too (an exercise has no due date
     * in its info, so "after the due date" is whenever the instructor publishes grades).
     */
    static boolean hidden(Visibility v) {
        return v != Visibility.VISIBLE;
    }

    /** The exercise list: id, title, topic, points and the last self-check, if any. */
    public record ExerciseListPage(Chrome chrome, List<Row> rows) {
        public record Row(String id, String title, String topic, int points, Optional<CheckRun> last) {}
    }

    /** One exercise's page. */
    public record ExercisePage(Chrome chrome, String id, String title, String topic, int points, String promptHtml,
                               novalab.web.lab.TerminalView terminal, Optional<CheckRun> last, List<String> hintsHtml, int hintCount,
                               int hiddenChecks, novalab.web.cloud.CloudPanel cloud) {}
}

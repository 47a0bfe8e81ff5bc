package novalab.web.instructor;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.exercises.Catalog;
import novalab.exercises.ContentError;
import novalab.exercises.Exercise;
import novalab.grader.ResultJson;
import novalab.web.Access;
import novalab.web.BadInput;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.account.User;
import novalab.web.account.UserDao;
import novalab.web.db.Database;
import novalab.web.db.SettingsDao;

/** Every {@code /instructor} route (the roster's through {@link RosterController}); all of them for {@link Role#INSTRUCTOR} only. */
public final class InstructorController implements AutoCloseable {
    private final RosterController roster;
    private final HistoryDao histories;
    private final GradeDao grades;
    private final Grading grading;

    public InstructorController(Database db, UserDao users, SettingsDao settings) {
        this.roster = new RosterController(db, users, settings);
        this.histories = new HistoryDao(db);
        this.grades = new GradeDao(db);
        this.grading = new Grading(histories, grades);
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/instructor", this::dashboard, Role.INSTRUCTOR);
        routes.post("/instructor/grade", ctx -> start(ctx, GradingJob.Kind.GRADE_ALL), Role.INSTRUCTOR);
        routes.post("/instructor/regrade", ctx -> start(ctx, GradingJob.Kind.PREVIEW), Role.INSTRUCTOR);
        routes.get("/instructor/jobs", this::job, Role.INSTRUCTOR);
        routes.get("/instructor/jobs/current.json", this::jobJson, Role.INSTRUCTOR);
        routes.post("/instructor/regrade/apply", this::apply, Role.INSTRUCTOR);
        routes.get("/instructor/gradebook.csv", this::csv, Role.INSTRUCTOR);
        routes.get("/instructor/results.json", this::resultsJson, Role.INSTRUCTOR);
        routes.get("/instructor/students/{id}/results.json", this::studentResults, Role.INSTRUCTOR);
        routes.get("/instructor/students/{id}/exercises/{ex}", this::replay, Role.INSTRUCTOR);
        routes.get("/instructor/students/{id}/exercises/{ex}/results.json", this::exerciseResult, Role.INSTRUCTOR);
        roster.addRoutes(routes);
    }

    private static Catalog catalog() {
        try {
            return ExerciseContent.load();
        } catch (ContentError | java.io.UncheckedIOException e) {
            throw new Access.Refused(HttpStatus.SERVICE_UNAVAILABLE, "The exercises could not be loaded (" + e.getMessage() + "). Fix the content folder and reload.");
        }
    }

    private void dashboard(Context ctx) {
        DashboardPage page = Dashboard.build(Chrome.of(ctx, "Class dashboard"), catalog(), histories.students(), histories.opened(),
                grades.latest(), grading.current());
        ctx.render("instructor/dashboard.jte", Map.of("page", page));
    }

    private void start(Context ctx, GradingJob.Kind kind) {
        grading.start(kind);
        ctx.redirect("/instructor/jobs", HttpStatus.SEE_OTHER);
    }

    private void job(Context ctx) {
        ctx.render("instructor/job.jte", Map.of("page", new JobPage(Chrome.of(ctx, "Grading"), grading.current())));
    }

    private void jobJson(Context ctx) {
        Optional<GradingJob.View> v = grading.current();
        if (v.isEmpty()) {
            ctx.json(Map.of("state", "none"));
            return;
        }
        ctx.json(Map.of("number", v.get().number(), "kind", v.get().kind().name().toLowerCase(java.util.Locale.ROOT), "state", v.get().stateText(),
                "done", v.get().done(), "total", v.get().total(), "message", v.get().message(), "changes", v.get().changes().size()));
    }

    private void apply(Context ctx) {
        grading.apply(number(ctx.formParam("job"), "The apply button names its preview job"));
        ctx.redirect("/instructor/jobs", HttpStatus.SEE_OTHER);
    }

    private void csv(Context ctx) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"gradebook.csv\"");
        ctx.result(Gradebook.csv(catalog(), grades.latest()));
    }

    private void resultsJson(Context ctx) {
        ctx.contentType("application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"results.json\"");
        ctx.result(ResultJson.write(Gradebook.resultsJson(catalog(), grades.latest())));
    }

    private void studentResults(Context ctx) {
        User s = student(ctx);
        Catalog catalog = catalog();
        List<StoredGrade> mine = grades.latest().stream().filter(g -> g.userId() == s.id()).toList();
        var byStudent = Gradebook.byStudent(catalog, mine);
        ctx.contentType("application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"results-" + s.name() + ".json\"");
        ctx.result(ResultJson.write(ResultJson.gradescope(new java.util.ArrayList<>(byStudent.getOrDefault(s.name(), Map.of()).values()))));
    }

    private void replay(Context ctx) {
        User s = student(ctx);
        String exId = ctx.pathParam("ex");
        Exercise ex = catalog().find(exId).orElseThrow(() -> new Access.Refused(HttpStatus.NOT_FOUND, "There is no exercise called '" + exId + "'."));
        StudentHistory h = histories.history(s, ex.id()).orElseThrow(() -> new Access.Refused(HttpStatus.NOT_FOUND,
                s.name() + " has not started " + ex.id() + " yet: there is no history to replay."));
        int total = h.commands().size();
        String stepText = ctx.queryParam("step");
        int step = stepText == null || stepText.isBlank() ? total : number(stepText, "The step is a command number");
        if (step < 0 || step > total) throw new BadInput("Pick a step from 0 (the starting state) to " + total + " (got " + step + ").");
        String grade = grades.latest(s.id(), ex.id()).map(g -> (g.gradable() ? g.points() + "/" + g.maxPoints() : "not gradable")
                + " (graded " + g.gradedAt() + (g.historySha().equals(h.sha256()) ? "" : "; the history has changed since") + ")").orElse("");
        ctx.render("instructor/replay.jte", Map.of("page", Replayer.at(Chrome.of(ctx, s.name() + " · " + ex.id()), ex, h, step, grade)));
    }

    /** The stored grade of one student and exercise: the grader's PrairieLearn-shaped results.json. */
    private void exerciseResult(Context ctx) {
        User s = student(ctx);
        String exId = ctx.pathParam("ex");
        StoredGrade g = grades.latest(s.id(), exId).orElseThrow(() -> new Access.Refused(HttpStatus.NOT_FOUND,
                s.name() + " has no stored grade for " + exId + " yet: run Grade all first."));
        ctx.contentType("application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"results-" + s.name() + "-" + exId + ".json\"");
        ctx.result(g.resultJson());
    }

    private User student(Context ctx) {
        String id = ctx.pathParam("id");
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new Access.Refused(HttpStatus.NOT_FOUND, "There is no student with id '" + id + "'.");
        }
        return histories.student(n).orElseThrow(() -> new Access.Refused(HttpStatus.NOT_FOUND, "There is no student with id " + id + "."));
    }

    private static int number(String s, String what) {
        try {
            return Integer.parseInt(Optional.ofNullable(s).orElse("").strip());
        } catch (NumberFormatException e) {
            throw new BadInput(what + ", such as 3 (got '" + Optional.ofNullable(s).orElse("") + "').");
        }
    }

    @Override
    public void close() {
        grading.close();
    }
}

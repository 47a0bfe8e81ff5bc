package novalab.web.checkpoint;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import novalab.web.Access;
import novalab.web.BadInput;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.account.User;
import novalab.web.checkpoint.CheckpointStore.Attempt;
import novalab.web.checkpoint.CheckpointStore.Reflection;
import novalab.web.lesson.Lesson;
import novalab.web.lesson.Lessons;

/**
 * Checkpoint routes. Every form works without JavaScript (POST, then 303 back to the item's anchor); with
 * {@code checkpoint.js} the same POSTs come from fetch: a quiz answer with {@code X-Fragment: item} gets the
 * item's HTML back, a reflection with {@code Accept: application/json} gets {@code {"saved": time}}.
 */
public final class CheckpointController {
    private static final int MAX_REFLECTION = 10_000;
    private final Checkpoints content;
    private final CheckpointStore store;
    private final CheckpointViews views;
    private final Lessons lessons;

    public CheckpointController(Checkpoints content, CheckpointStore store, Lessons lessons) {
        this.content = content;
        this.store = store;
        this.views = new CheckpointViews(store);
        this.lessons = lessons;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/quizzes", this::quizzes, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/quizzes/{item}", this::answer, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/reflections/{question}", this::reflect, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/progress", this::progress, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/progress/checklist", this::tick, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/instructor/reflections", this::reflectionsReport, Role.INSTRUCTOR);
        routes.get("/instructor/reflections.csv", this::reflectionsCsv, Role.INSTRUCTOR);
        routes.get("/instructor/quizzes", this::quizStats, Role.INSTRUCTOR);
    }

    /** The checkpoint shown under a lesson, for the signed-in student, if the lesson has one. */
    public Optional<CheckpointView> lessonView(Context ctx, String slug) {
        User u = Access.user(ctx);
        String csrf = Access.session(ctx).map(s -> s.csrf()).orElse("");
        return content.forLesson(slug).filter(c -> !c.items().isEmpty() || !c.reflections().isEmpty() || !c.checklist().isEmpty())
                .map(c -> views.of(c, u.id(), csrf, "lesson"));
    }

    private String title(String slug) {
        return lessons.bySlug(slug).map(Lesson::title).orElse(slug);
    }

    private void quizzes(Context ctx) {
        Chrome chrome = Chrome.of(ctx, "Self-check quizzes");
        long uid = Access.user(ctx).id();
        List<QuizzesPage.LessonCheckpoint> out = content.all().stream().filter(c -> !c.items().isEmpty())
                .map(c -> new QuizzesPage.LessonCheckpoint(c.lesson(), title(c.lesson()), views.of(c, uid, chrome.csrf(), "quizzes"))).toList();
        ctx.render("checkpoint/quizzes.jte", Map.of("page", new QuizzesPage(chrome, out)));
    }

    private static String from(Context ctx) {
        String f = Optional.ofNullable(ctx.formParam("from")).orElse("lesson");
        return f.equals("quizzes") ? "quizzes" : "lesson";
    }

    private void answer(Context ctx) {
        String id = ctx.pathParam("item");
        Item item = content.item(id).orElseThrow(() -> new BadInput("There is no quiz question called '" + id + "'."));
        User u = Access.user(ctx);
        Attempt a = store.record(u.id(), item.id(), item.grade(ctx.formParamMap()));
        String from = from(ctx);
        if ("item".equals(ctx.header("X-Fragment"))) {
            String csrf = Access.session(ctx).map(s -> s.csrf()).orElse("");
            ctx.render("checkpoint/item.jte", Map.of("item", views.item(item, u.id(), Optional.of(a)), "csrf", csrf, "from", from));
            return;
        }
        String page = from.equals("quizzes") ? "/quizzes" : "/lessons/" + item.lesson();
        ctx.redirect(page + "#q-" + item.id(), HttpStatus.SEE_OTHER);
    }

    private void reflect(Context ctx) {
        String id = ctx.pathParam("question");
        Checkpoint c = content.lessonOfReflection(id).orElseThrow(() -> new BadInput("There is no reflection question called '" + id + "'."));
        String answer = Optional.ofNullable(ctx.formParam("answer")).orElseThrow(() -> new BadInput("The form has no answer field; reload the page and try again."));
        if (answer.length() > MAX_REFLECTION) throw new BadInput("A reflection answer can be at most " + MAX_REFLECTION + " characters; this one has " + answer.length() + ".");
        String at = store.saveReflection(Access.user(ctx).id(), id, answer.replace("\r\n", "\n"));
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.json(Map.of("saved", CheckpointStore.shown(at)));
            return;
        }
        ctx.redirect("/lessons/" + c.lesson() + "#r-" + id, HttpStatus.SEE_OTHER);
    }

    private void progress(Context ctx) {
        User u = Access.user(ctx);
        List<Attempt> attempts = store.attempts(u.id());
        Map<String, Reflection> saved = store.reflections(u.id());
        Set<String> ticks = store.ticks(u.id());
        List<ProgressPage.LessonScore> scores = new ArrayList<>();
        for (Checkpoint c : content.all()) {
            if (c.items().isEmpty() && c.reflections().isEmpty()) continue;
            Set<String> ids = c.items().stream().map(Item::id).collect(Collectors.toSet());
            Map<String, List<Attempt>> mine = attempts.stream().filter(a -> ids.contains(a.itemId())).collect(Collectors.groupingBy(Attempt::itemId));
            int rightNow = (int) mine.values().stream().filter(l -> l.get(l.size() - 1).correct()).count();
            int firstTry = (int) mine.values().stream().filter(l -> l.get(0).correct()).count();
            int answered = (int) c.reflections().stream().filter(p -> saved.containsKey(p.id()) && !saved.get(p.id()).answer().isBlank()).count();
            scores.add(new ProgressPage.LessonScore(c.lesson(), title(c.lesson()), c.items().size(), mine.size(), rightNow, firstTry, answered,
                    c.reflections().size()));
        }
        List<ProgressPage.ChecklistLine> checklist = content.checklist().stream()
                .map(p -> new ProgressPage.ChecklistLine(p.id(), p.text(), ticks.contains(p.id()))).toList();
        ctx.render("checkpoint/progress.jte", Map.of("page", new ProgressPage(Chrome.of(ctx, "My progress"), scores, checklist)));
    }

    private void tick(Context ctx) {
        Set<String> known = content.checklist().stream().map(Prompt::id).collect(Collectors.toSet());
        Set<String> ticked = new HashSet<>();
        for (String t : ctx.formParams("tick")) {
            if (!known.contains(t)) throw new BadInput("There is no checklist item called '" + t + "'.");
            ticked.add(t);
        }
        store.setTicks(Access.user(ctx).id(), known, ticked);
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.json(Map.of("ticked", ticked.size(), "of", known.size()));
            return;
        }
        String back = content.all().stream().filter(c -> !c.checklist().isEmpty()).findFirst()
                .filter(c -> "lesson".equals(ctx.formParam("from"))).map(c -> "/lessons/" + c.lesson() + "#cp-checklist").orElse("/progress#checklist");
        ctx.redirect(back, HttpStatus.SEE_OTHER);
    }

    private List<ReflectionsReportPage.QuestionAnswers> reflectionAnswers() {
        Map<String, List<Reflection>> byQuestion = store.allReflections().stream().collect(Collectors.groupingBy(Reflection::questionId));
        List<ReflectionsReportPage.QuestionAnswers> out = new ArrayList<>();
        for (Checkpoint c : content.all()) {
            for (Prompt p : c.reflections()) {
                out.add(new ReflectionsReportPage.QuestionAnswers(p.id(), title(c.lesson()), p.text(), byQuestion.getOrDefault(p.id(), List.of())));
            }
        }
        return out;
    }

    private void reflectionsReport(Context ctx) {
        ctx.render("checkpoint/reflections.jte", Map.of("page", new ReflectionsReportPage(Chrome.of(ctx, "Reflections"), reflectionAnswers())));
    }

    private void reflectionsCsv(Context ctx) {
        StringBuilder csv = new StringBuilder("lesson,question_id,question,student,answer,updated_at\r\n");
        for (ReflectionsReportPage.QuestionAnswers q : reflectionAnswers()) {
            for (Reflection r : q.answers()) {
                csv.append(Csv.row(q.lessonTitle(), q.id(), q.text(), r.userName(), r.answer(), r.updatedAt()));
            }
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"reflections.csv\"");
        ctx.result(csv.toString());
    }

    private void quizStats(Context ctx) {
        List<ItemStats> stats = QuizStats.of(content, this::title, store.studentAttempts());
        ctx.render("checkpoint/stats.jte", Map.of("page", new QuizStatsPage(Chrome.of(ctx, "Quiz statistics"), stats)));
    }
}

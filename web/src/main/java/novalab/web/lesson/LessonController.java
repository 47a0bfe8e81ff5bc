package novalab.web.lesson;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import novalab.web.Access;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.checkpoint.CheckpointController;
import novalab.web.lab.LabSessions;

/** The lesson list and each lesson with the student's terminal beside it. */
public final class LessonController {
    private final Lessons lessons;
    private final LabSessions labs;
    private final Optional<CheckpointController> checkpoints;

    public LessonController(Lessons lessons, LabSessions labs) {
        this(lessons, labs, Optional.empty());
    }

    /** With {@code checkpoints}, each lesson shows its reflections and self-check quiz under the text. */
    public LessonController(Lessons lessons, LabSessions labs, Optional<CheckpointController> checkpoints) {
        this.lessons = lessons;
        this.labs = labs;
        this.checkpoints = checkpoints;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/lessons", this::list, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/lessons/{slug}", this::show, Role.STUDENT, Role.INSTRUCTOR);
    }

    private void list(Context ctx) {
        ctx.render("lesson/list.jte", Map.of("page", new LessonListPage(Chrome.of(ctx, "Lessons"), lessons.all())));
    }

    private void show(Context ctx) {
        Lesson l = lessons.bySlug(ctx.pathParam("slug"))
                .orElseThrow(() -> new Access.Refused(HttpStatus.NOT_FOUND, "There is no lesson called '" + ctx.pathParam("slug") + "'."));
        Chrome chrome = Chrome.of(ctx, l.title());
        ctx.render("lesson/show.jte", Map.of("page", new LessonPage(chrome, l, labs.view(Access.user(ctx), chrome.csrf()),
                lessons.neighbour(l, -1), lessons.neighbour(l, 1), checkpoints.flatMap(c -> c.lessonView(ctx, l.slug())))));
    }
}

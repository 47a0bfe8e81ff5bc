package novalab.web.drill;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.web.Access;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.db.Database;

/**
 * {@code /drills} (the list, with the drills the student has solved) and {@code /drills/{id}}: the given command, a form
 * for the translation, and ({@code POST /drills/{id}}) the verdict with what differs. Answers go to {@code drill_answers}.
 */
public final class DrillController {
    private final Drills drills;
    private final Database db;
    private final DrillGrader grader = new DrillGrader();
    /** Each answer builds a sandbox: 20 at once, then one a second per student. */
    private final novalab.web.lab.RateLimit limit = new novalab.web.lab.RateLimit(20, 1, System::currentTimeMillis);

    public DrillController(Drills drills, Database db) {
        this.drills = drills;
        this.db = db;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/drills", this::list, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/drills/{id}", this::show, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/drills/{id}", this::answer, Role.STUDENT, Role.INSTRUCTOR);
    }

    private Drill drill(Context ctx) {
        String id = ctx.pathParam("id");
        return drills.find(id).orElseThrow(() -> new Access.Refused(HttpStatus.NOT_FOUND, "There is no drill called '" + id + "'."));
    }

    private void list(Context ctx) {
        long user = Access.user(ctx).id();
        List<String> solved = db.query("SELECT DISTINCT drill FROM drill_answers WHERE user_id = ? AND passed = 1", rs -> rs.getString(1), user);
        ctx.render("drill/list.jte", Map.of("page", new DrillListPage(Chrome.of(ctx, "Rosetta drills"), drills.all(), solved)));
    }

    private void show(Context ctx) {
        Drill d = drill(ctx);
        ctx.render("drill/show.jte", Map.of("page", new DrillPage(Chrome.of(ctx, d.title()), d, "", Optional.empty())));
    }

    private void answer(Context ctx) {
        Drill d = drill(ctx);
        if (!limit.tryAcquire(Access.user(ctx).id())) {
            throw new Access.Refused(HttpStatus.TOO_MANY_REQUESTS, "Too many answers at once: wait a moment and try again.");
        }
        String answer = Optional.ofNullable(ctx.formParam("answer")).orElse("");
        DrillGrader.Verdict v = grader.grade(d, answer);
        db.update("INSERT INTO drill_answers(user_id, drill, answer, passed, answered_at) VALUES (?, ?, ?, ?, ?)",
                Access.user(ctx).id(), d.id(), answer, v.passed() ? 1 : 0, Instant.now().toString());
        ctx.render("drill/show.jte", Map.of("page", new DrillPage(Chrome.of(ctx, d.title()), d, answer, Optional.of(v))));
    }

    /** The drill list and the ids the student has solved. */
    public record DrillListPage(Chrome chrome, List<Drill> drills, List<String> solved) {}

    /** One drill, the student's answer as typed (blank before the first try) and its verdict. */
    public record DrillPage(Chrome chrome, Drill drill, String answer, Optional<DrillGrader.Verdict> verdict) {}
}

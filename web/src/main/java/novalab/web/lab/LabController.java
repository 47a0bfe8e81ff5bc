package novalab.web.lab;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import novalab.web.Access;
import novalab.web.BadInput;
import novalab.web.Chrome;
import novalab.web.Role;

/** The terminal: the page, POST a line (stored, then run), Tab completion, reset and rewind. */
public final class LabController {
    private final LabSessions labs;
    /** 20 commands at once, then 5 a second: far above typing speed, far below a script hammering the server. */
    private final RateLimit limit = new RateLimit(20, 5, System::currentTimeMillis);

    public LabController(LabSessions labs) {
        this.labs = labs;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/lab", this::page, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/lab/run", this::run, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/lab/complete", this::complete, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/lab/reset", this::reset, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/lab/rewind", this::rewind, Role.STUDENT, Role.INSTRUCTOR);
    }

    private void page(Context ctx) {
        Chrome chrome = Chrome.of(ctx, "Terminal");
        ctx.render("lab/terminal.jte", Map.of("page", new TerminalPage(chrome, labs.view(Access.user(ctx), chrome.csrf()))));
    }

    private void run(Context ctx) {
        if (!limit.tryAcquire(Access.user(ctx).id())) {
            throw new Access.Refused(HttpStatus.TOO_MANY_REQUESTS, "Too many commands at once: wait a moment and try again.");
        }
        ctx.json(labs.run(Access.user(ctx), Optional.ofNullable(ctx.formParam("line")).orElse("")));
    }

    private void complete(Context ctx) {
        ctx.json(labs.complete(Access.user(ctx), Optional.ofNullable(ctx.formParam("line")).orElse("")));
    }

    private void reset(Context ctx) {
        if (!"yes".equals(ctx.formParam("confirm"))) {
            throw new BadInput("Resetting throws away everything in your sandbox. Tick \"Yes, reset my sandbox\" to confirm.");
        }
        labs.reset(Access.user(ctx));
        ctx.redirect("/lab", HttpStatus.SEE_OTHER);
    }

    private void rewind(Context ctx) {
        String n = Optional.ofNullable(ctx.formParam("n")).orElse("").strip();
        int number;
        try {
            number = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new BadInput("Rewind needs a command number, such as 3 (got '" + n + "').");
        }
        labs.rewind(Access.user(ctx), number);
        ctx.redirect("/lab", HttpStatus.SEE_OTHER);
    }
}

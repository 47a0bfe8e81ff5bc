package novalab.web.cloud;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import novalab.web.Access;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.lab.LabSessions;

/** The live view of the student's own cloud, and its panel alone (what the page fetches after each command). */
public final class CloudController {
    private final LabSessions labs;

    public CloudController(LabSessions labs) {
        this.labs = labs;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/cloud", this::page, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/panel", this::panel, Role.STUDENT, Role.INSTRUCTOR);
    }

    private void page(Context ctx) {
        Chrome chrome = Chrome.of(ctx, "My cloud");
        CloudPanel panel = labs.inspect(Access.user(ctx), CloudViews::panel);
        ctx.render("cloud/page.jte", Map.of("page", new CloudPage(chrome, panel, labs.view(Access.user(ctx), chrome.csrf()))));
    }

    private void panel(Context ctx) {
        ctx.render("cloud/panel.jte", Map.of("panel", labs.inspect(Access.user(ctx), CloudViews::panel)));
    }
}

package novalab.web.cloud;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.Optional;
import novalab.web.Access;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.lab.LabSessions;

/**
 * The live view of the student's own cloud, and its parts alone (what the page fetches after each
 * command): the panel, the diagrams, and one server's page.
 */
public final class CloudController {
    private final LabSessions labs;

    public CloudController(LabSessions labs) {
        this.labs = labs;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/cloud", this::page, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/panel", this::panel, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/diagrams", this::diagrams, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/servers/{id}", this::server, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/servers/{id}/diagrams", this::serverDiagrams, Role.STUDENT, Role.INSTRUCTOR);
    }

    private void page(Context ctx) {
        Chrome chrome = Chrome.of(ctx, "My cloud");
        record Both(CloudPanel panel, CloudDiagrams diagrams) {}
        Both both = labs.inspect(Access.user(ctx), c -> new Both(CloudViews.panel(c), CloudDiagrams.of(c)));
        ctx.render("cloud/page.jte", Map.of("page", new CloudPage(chrome, both.panel(), labs.view(Access.user(ctx), chrome.csrf()), both.diagrams())));
    }

    private void panel(Context ctx) {
        ctx.render("cloud/panel.jte", Map.of("panel", labs.inspect(Access.user(ctx), CloudViews::panel)));
    }

    private void diagrams(Context ctx) {
        ctx.render("cloud/diagrams.jte", Map.of("d", labs.inspect(Access.user(ctx), CloudDiagrams::of)));
    }

    private CloudDiagrams serverDiagrams(Context ctx, String id) {
        Optional<String> request = Optional.ofNullable(ctx.queryParam("request")).filter(r -> !r.isBlank());
        // only the signed-in student's own sandbox is searched: another student's server is simply not there
        return labs.inspect(Access.user(ctx), c -> CloudDiagrams.ofServer(c, id, request)).orElseThrow(() ->
                new Access.Refused(HttpStatus.NOT_FOUND, "There is no server " + id + " in your sandbox."));
    }

    private void server(Context ctx) {
        String id = ctx.pathParam("id");
        CloudDiagrams d = serverDiagrams(ctx, id);
        String name = d.server().orElse(id);
        Chrome chrome = Chrome.of(ctx, "Server " + name);
        String uuid = d.lifecycles().isEmpty() ? id : d.lifecycles().get(0).uuid();
        String refresh = "/cloud/servers/" + uuid + "/diagrams" + Optional.ofNullable(ctx.queryParam("request")).filter(r -> !r.isBlank())
                .map(r -> "?request=" + java.net.URLEncoder.encode(r, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
        ctx.render("cloud/server.jte", Map.of("page", new ServerPage(chrome, uuid, name, refresh, d, labs.view(Access.user(ctx), chrome.csrf()))));
    }

    private void serverDiagrams(Context ctx) {
        ctx.render("cloud/diagrams.jte", Map.of("d", serverDiagrams(ctx, ctx.pathParam("id"))));
    }
}

package novalab.web.cloud;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import novalab.web.Access;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.lab.LabSessions;

/**
 * The live view of the student's own cloud, and its parts alone (what the page fetches after each command): the
 * panel, the diagrams, and one server's page. Every route draws the free terminal's sandbox, or with
 * {@code ?sandbox=<exercise id>} that exercise's sandbox of the same student.
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

    /** The sandbox a request names in {@code ?sandbox=} (checked against the catalog: unknown is a 400), the free terminal's when none. */
    private String lab(Context ctx) {
        String s = Optional.ofNullable(ctx.queryParam("sandbox")).map(String::strip).filter(x -> !x.isEmpty()).orElse(LabSessions.SCENARIO);
        return labs.labKey(s);
    }

    /** {@code ""} for the free terminal's sandbox, else {@code "sandbox=<id>"} (URL-encoded) to carry on in links. */
    static String sandboxParam(String lab) {
        return lab.equals(LabSessions.SCENARIO) ? "" : "sandbox=" + URLEncoder.encode(lab, StandardCharsets.UTF_8);
    }

    private static String withQuery(String path, String lab) {
        String p = sandboxParam(lab);
        return p.isEmpty() ? path : path + "?" + p;
    }

    private void page(Context ctx) {
        String lab = lab(ctx);
        boolean free = lab.equals(LabSessions.SCENARIO);
        Chrome chrome = Chrome.of(ctx, free ? "My cloud" : "My cloud: exercise " + lab);
        record Both(CloudPanel panel, CloudDiagrams diagrams) {}
        Both both = labs.inspect(Access.user(ctx), lab, c -> new Both(CloudViews.panel(c), CloudDiagrams.of(c)));
        ctx.render("cloud/page.jte", Map.of("page", new CloudPage(chrome, both.panel(), labs.view(Access.user(ctx), lab, chrome.csrf()), both.diagrams()),
                "sandbox", free ? "" : lab));
    }

    private void panel(Context ctx) {
        ctx.render("cloud/panel.jte", Map.of("panel", labs.inspect(Access.user(ctx), lab(ctx), CloudViews::panel)));
    }

    private void diagrams(Context ctx) {
        String lab = lab(ctx);
        ctx.render("cloud/diagrams.jte", Map.of("d", labs.inspect(Access.user(ctx), lab, CloudDiagrams::of), "sandboxQuery", sandboxParam(lab)));
    }

    private CloudDiagrams serverDiagrams(Context ctx, String lab, String id) {
        Optional<String> request = Optional.ofNullable(ctx.queryParam("request")).filter(r -> !r.isBlank());
        // only the signed-in student's own sandbox is searched: another student's server is simply not there
        return labs.inspect(Access.user(ctx), lab, c -> CloudDiagrams.ofServer(c, id, request)).orElseThrow(() ->
                new Access.Refused(HttpStatus.NOT_FOUND, "There is no server " + id + " in your sandbox."));
    }

    private void server(Context ctx) {
        String lab = lab(ctx);
        String id = ctx.pathParam("id");
        CloudDiagrams d = serverDiagrams(ctx, lab, id);
        String name = d.server().orElse(id);
        Chrome chrome = Chrome.of(ctx, "Server " + name);
        String uuid = d.lifecycles().isEmpty() ? id : d.lifecycles().get(0).uuid();
        String sandbox = sandboxParam(lab);
        String query = Optional.ofNullable(ctx.queryParam("request")).filter(r -> !r.isBlank())
                .map(r -> "request=" + URLEncoder.encode(r, StandardCharsets.UTF_8) + (sandbox.isEmpty() ? "" : "&" + sandbox)).orElse(sandbox);
        String refresh = "/cloud/servers/" + uuid + "/diagrams" + (query.isEmpty() ? "" : "?" + query);
        ctx.render("cloud/server.jte", Map.of("page", new ServerPage(chrome, uuid, name, refresh, d, labs.view(Access.user(ctx), lab, chrome.csrf())),
                "back", withQuery("/cloud", lab), "sandboxQuery", sandbox));
    }

    private void serverDiagrams(Context ctx) {
        String lab = lab(ctx);
        ctx.render("cloud/diagrams.jte", Map.of("d", serverDiagrams(ctx, lab, ctx.pathParam("id")), "sandboxQuery", sandboxParam(lab)));
    }
}

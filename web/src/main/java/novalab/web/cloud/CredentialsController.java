package novalab.web.cloud;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import novalab.web.Access;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.api.OpenStackApi;
import novalab.web.lab.LabSessions;

/**
 * "Use your own CLI": the page and the {@code clouds.yaml} and openrc downloads that point the real
 * {@code openstack} client at the signed-in student's sandbox, with URLs built from the request's own host.
 */
public final class CredentialsController {
    /** The cloud's name in {@code clouds.yaml}: {@code openstack --os-cloud nebula ...}. */
    public static final String CLOUD = "nebula";
    /** The scenario's project user (content/week9/scenario/nebula-openrc.sh). */
    static final String USER = "nebula_admin";
    static final String PASSWORD = "N3bulaPass";
    static final String PROJECT = "nebula_prod";

    private final LabSessions labs;

    public CredentialsController(LabSessions labs) {
        this.labs = labs;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/cloud/credentials", this::page, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/credentials/clouds.yaml", this::cloudsYaml, Role.STUDENT, Role.INSTRUCTOR);
        routes.get("/cloud/credentials/openrc.sh", this::openrc, Role.STUDENT, Role.INSTRUCTOR);
    }

    /** {@code http(s)://<host as the browser sent it>/sandbox/<the student's API id>}. */
    private String base(Context ctx) {
        String host = Optional.ofNullable(ctx.header("Host")).orElse(ctx.host());
        return ctx.scheme() + "://" + host + OpenStackApi.PREFIX + labs.apiId(Access.user(ctx));
    }

    private void page(Context ctx) {
        Chrome chrome = Chrome.of(ctx, "Use your own CLI");
        String base = base(ctx);
        ctx.render("cloud/credentials.jte", Map.of("page", new CredentialsPage(chrome, CLOUD, base + "/identity/v3",
                OpenStackApi.cloudsYaml(CLOUD, base, USER, PASSWORD, PROJECT))));
    }

    private void cloudsYaml(Context ctx) {
        download(ctx, "clouds.yaml", "application/yaml; charset=utf-8", OpenStackApi.cloudsYaml(CLOUD, base(ctx), USER, PASSWORD, PROJECT));
    }

    private void openrc(Context ctx) {
        download(ctx, "nebula-openrc.sh", "text/plain; charset=utf-8", OpenStackApi.openrc(base(ctx), USER, PASSWORD, PROJECT));
    }

    private static void download(Context ctx, String name, String type, String body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("Cache-Control", "no-store");
        ctx.contentType(type);
        ctx.result(body);
    }
}

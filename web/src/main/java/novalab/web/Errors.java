package novalab.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure once, at the edge: a page for browsers, {@code {"error": …}} for the terminal's fetches. */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {}

    static void addTo(RoutesConfig routes) {
        routes.exception(BadInput.class, (e, ctx) -> show(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        routes.exception(Access.Refused.class, (e, ctx) -> show(ctx, e.status(), e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> show(ctx, HttpStatus.forStatus(e.getStatus()),
                e.getStatus() == 404 ? "There is no page at " + ctx.path() + "." : e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            show(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Your work is saved; try again.");
        });
        routes.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || ctx.result().startsWith("Endpoint ")) {
                show(ctx, HttpStatus.NOT_FOUND, "There is no page at " + ctx.path() + ".");
            }
        });
    }

    static void show(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        String accept = ctx.header("Accept");
        if (accept != null && accept.contains("application/json")) {
            ctx.json(Map.of("error", message));
        } else {
            ctx.render("error/error.jte", Map.of("page", new ErrorPage(Chrome.of(ctx, status.getMessage()), status.getCode(), message)));
        }
    }
}

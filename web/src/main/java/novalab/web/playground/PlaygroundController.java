package novalab.web.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import novalab.jshell.SnippetResult;
import novalab.web.Access;
import novalab.web.BadInput;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.api.PublicUrl;

/**
 * {@code GET /playground} (the page), {@code POST /playground/run} (field {@code source}; JSON for scripts, otherwise
 * back to the page) and {@code POST /playground/reset}.
 */
public final class PlaygroundController {
    static final int MAX_SOURCE = 20_000;
    private final Playground playground;
    /** At most 30 evaluations a minute per student: well above thinking speed, far below a loop hammering the pool. */
    private final Map<Long, long[]> recent = new ConcurrentHashMap<>();

    public PlaygroundController(Playground playground) {
        this.playground = playground;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/playground", this::page, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/playground/run", this::run, Role.STUDENT, Role.INSTRUCTOR);
        routes.post("/playground/reset", this::reset, Role.STUDENT, Role.INSTRUCTOR);
    }

    private void page(Context ctx) {
        Chrome chrome = Chrome.of(ctx, "Java playground");
        ctx.render("playground/playground.jte", Map.of("page", new PlaygroundPage(chrome, playground.transcript(Access.user(ctx)))));
    }

    /** The JSON answer of {@code POST /playground/run}. */
    public record RunReply(String outcome, String text, String notice, List<EntryReply> entries) {}

    /** One snippet of a {@link RunReply}. */
    public record EntryReply(String source, String kind, String value, String exception, String output, String display) {}

    private void run(Context ctx) {
        String source = Optional.ofNullable(ctx.formParam("source")).orElse("");
        if (source.isBlank()) throw new BadInput("Type a Java snippet first, such as cloud.flavors() or 1 + 1.");
        if (source.length() > MAX_SOURCE) throw new BadInput("That snippet is longer than " + MAX_SOURCE + " characters; run it in smaller pieces.");
        long user = Access.user(ctx).id();
        if (!allow(user)) throw new Access.Refused(HttpStatus.TOO_MANY_REQUESTS, "Too many snippets in a minute: wait a moment and try again.");
        SnippetResult r = playground.run(Access.user(ctx), PublicUrl.of(ctx), source);
        if (wantsJson(ctx)) {
            ctx.json(new RunReply(r.outcome().name(), r.text(), r.notice(), r.entries().stream()
                    .map(e -> new EntryReply(e.source(), e.kind().name(), e.value().orElse(""), e.exception().orElse(""), e.output(), e.display()))
                    .toList()));
        } else {
            ctx.redirect("/playground#last", HttpStatus.SEE_OTHER);
        }
    }

    private void reset(Context ctx) {
        playground.reset(Access.user(ctx));
        if (wantsJson(ctx)) ctx.json(Map.of("reset", true));
        else ctx.redirect("/playground", HttpStatus.SEE_OTHER);
    }

    private static boolean wantsJson(Context ctx) {
        return Optional.ofNullable(ctx.header("Accept")).orElse("").contains("application/json");
    }

    private boolean allow(long user) {
        long now = System.currentTimeMillis();
        long[] w = recent.computeIfAbsent(user, u -> new long[30]);
        synchronized (w) {
            int oldest = 0;
            for (int i = 1; i < w.length; i++) if (w[i] < w[oldest]) oldest = i;
            if (now - w[oldest] < 60_000) return false;
            w[oldest] = now;
            return true;
        }
    }
}

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

/**
 * The terminal: the page, POST a line (stored, then run), Tab completion, reset and rewind. Each POST names the
 * sandbox it drives in the form field {@code sandbox} ({@link LabSessions#SCENARIO}, the default, or an exercise id).
 */
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
        routes.get("/lab/history", this::history, Role.STUDENT, Role.INSTRUCTOR);
    }

    /**
     * {@code GET /lab/history?sandbox=<lab>&after=<seq>}: the signed-in student's own history entries of that sandbox's
     * current generation numbered after {@code after}, as JSON; what the terminal polls to show the requests of the
     * student's own openstack or aws client without a reload.
     */
    private void history(Context ctx) {
        String lab = labs.labKey(Optional.ofNullable(ctx.queryParam("sandbox")).map(String::strip).filter(x -> !x.isEmpty()).orElse(LabSessions.SCENARIO));
        String after = Optional.ofNullable(ctx.queryParam("after")).orElse("0").strip();
        int n;
        try {
            n = Integer.parseInt(after.isEmpty() ? "0" : after);
        } catch (NumberFormatException e) {
            throw new BadInput("after needs a command number, such as 3 (got '" + after + "').");
        }
        if (n < 0) throw new BadInput("after needs a command number of 0 or more (got " + n + ").");
        StoredHistory h = labs.historyAfter(Access.user(ctx), lab, n);
        HistoryReply reply = new HistoryReply(h.lab(), h.epoch(), h.commands().stream()
                .map(c -> new HistoryReply.Entry(c.seq(), c.line(), TerminalView.request(c))).toList());
        String json;
        try {
            json = JSON.writeValueAsString(reply);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // < > & only occur inside JSON strings: written as unicode escapes, a line like <script> never reaches the client raw
        ctx.contentType("application/json").result(json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The history entries {@code GET /lab/history} answers: the sandbox, its generation and the entries after the one asked for. */
    public record HistoryReply(String sandbox, int generation, java.util.List<Entry> entries) {
        /** One entry: its number, the line, and whether it is a request from the student's own client ({@code __api}/{@code __ec2}). */
        public record Entry(int seq, String line, boolean request) {}
    }

    private void page(Context ctx) {
        Chrome chrome = Chrome.of(ctx, "Terminal");
        ctx.render("lab/terminal.jte", Map.of("page", new TerminalPage(chrome, labs.view(Access.user(ctx), chrome.csrf()))));
    }

    private void run(Context ctx) {
        if (!limit.tryAcquire(Access.user(ctx).id())) {
            throw new Access.Refused(HttpStatus.TOO_MANY_REQUESTS, "Too many commands at once: wait a moment and try again.");
        }
        ctx.json(labs.run(Access.user(ctx), sandbox(ctx), Optional.ofNullable(ctx.formParam("line")).orElse("")));
    }

    private void complete(Context ctx) {
        ctx.json(labs.complete(Access.user(ctx), sandbox(ctx), Optional.ofNullable(ctx.formParam("line")).orElse("")));
    }

    private void reset(Context ctx) {
        if (!"yes".equals(ctx.formParam("confirm"))) {
            throw new BadInput("Resetting throws away everything in your sandbox. Tick \"Yes, reset my sandbox\" to confirm.");
        }
        String lab = sandbox(ctx);
        labs.reset(Access.user(ctx), lab);
        ctx.redirect(pageOf(lab), HttpStatus.SEE_OTHER);
    }

    private void rewind(Context ctx) {
        String n = Optional.ofNullable(ctx.formParam("n")).orElse("").strip();
        int number;
        try {
            number = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            throw new BadInput("Rewind needs a command number, such as 3 (got '" + n + "').");
        }
        String lab = sandbox(ctx);
        labs.rewind(Access.user(ctx), lab, number);
        ctx.redirect(pageOf(lab), HttpStatus.SEE_OTHER);
    }

    /** The sandbox a POST names (validated against the catalog), the free terminal's when it names none. */
    private String sandbox(Context ctx) {
        String s = Optional.ofNullable(ctx.formParam("sandbox")).map(String::strip).filter(x -> !x.isEmpty()).orElse(LabSessions.SCENARIO);
        return labs.labKey(s);
    }

    /** Where the terminal of a sandbox lives. */
    private static String pageOf(String lab) {
        return lab.equals(LabSessions.SCENARIO) ? "/lab" : "/exercises/" + lab;
    }
}

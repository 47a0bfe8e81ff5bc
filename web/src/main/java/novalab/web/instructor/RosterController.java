package novalab.web.instructor;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import novalab.web.Access;
import novalab.web.BadInput;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.account.Roster;
import novalab.web.account.UserDao;
import novalab.web.db.Database;
import novalab.web.db.SettingsDao;

/** {@code /instructor/roster}: the accounts, a CSV roster import (all or nothing), its generated passwords once, and the self-registration switch. */
final class RosterController {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;
    private final UserDao users;
    private final SettingsDao settings;
    /** One-time downloads of generated passwords: token → CSV, removed when fetched. */
    private final Map<String, String> passwordFiles = new ConcurrentHashMap<>();

    RosterController(Database db, UserDao users, SettingsDao settings) {
        this.db = db;
        this.users = users;
        this.settings = settings;
    }

    void addRoutes(RoutesConfig routes) {
        routes.get("/instructor/roster", this::roster, Role.INSTRUCTOR);
        routes.post("/instructor/roster", this::importRoster, Role.INSTRUCTOR);
        routes.get("/instructor/roster/passwords/{token}", this::passwords, Role.INSTRUCTOR);
        routes.post("/instructor/settings/registration", this::registration, Role.INSTRUCTOR);
    }

    private void roster(Context ctx) {
        ctx.render("instructor/roster.jte", Map.of("page", rosterPage(ctx, "", List.of(), List.of(), "")));
    }

    private RosterPage rosterPage(Context ctx, String text, List<String> errors, List<Roster.Created> created, String link) {
        return new RosterPage(Chrome.of(ctx, "Roster"), settings.selfRegistration(), text, errors, created, link, users.all());
    }

    private void importRoster(Context ctx) {
        String text = Optional.ofNullable(ctx.formParam("csv")).orElse("");
        UploadedFile file = ctx.isMultipartFormData() ? ctx.uploadedFile("roster") : null;
        if (file != null && file.size() > 0) {
            if (file.size() > 1_000_000) throw new BadInput("A roster file is at most 1 MB.");
            try (InputStream in = file.content()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInput("The roster file could not be read: " + e.getMessage());
            }
        }
        if (text.isBlank()) throw new BadInput("Choose a roster file or paste its lines: a header such as name,password,role, then one line per student.");
        Roster.Checked checked = Roster.read(text, users);
        if (!checked.ok()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("instructor/roster.jte", Map.of("page", rosterPage(ctx, text, checked.errors(), List.of(), "")));
            return;
        }
        List<Roster.Created> made;
        try {
            made = Roster.create(db, users, checked);
        } catch (BadInput e) {
            throw new BadInput(e.getMessage() + " Nobody was added.");
        }
        String link = "";
        if (made.stream().anyMatch(Roster.Created::generated)) {
            byte[] b = new byte[16];
            RANDOM.nextBytes(b);
            String token = HexFormat.of().formatHex(b);
            passwordFiles.put(token, Roster.passwordsCsv(made));
            link = "/instructor/roster/passwords/" + token;
        }
        ctx.header("Cache-Control", "no-store");
        ctx.render("instructor/roster.jte", Map.of("page", rosterPage(ctx, "", List.of(), made, link)));
    }

    private void passwords(Context ctx) {
        String csv = passwordFiles.remove(ctx.pathParam("token"));
        if (csv == null) throw new Access.Refused(HttpStatus.NOT_FOUND, "These passwords were already downloaded once (or the server restarted); they are not kept. Set new ones with ./lab users.");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"passwords.csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(csv);
    }

    private void registration(Context ctx) {
        String v = Optional.ofNullable(ctx.formParam("value")).orElse("");
        if (!v.equals("on") && !v.equals("off")) throw new BadInput("Self-registration is turned on or off (got '" + v + "').");
        settings.put(SettingsDao.SELF_REGISTRATION, v);
        ctx.redirect("/instructor/roster", HttpStatus.SEE_OTHER);
    }
}

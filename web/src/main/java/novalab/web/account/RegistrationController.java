package novalab.web.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Map;
import java.util.Optional;
import novalab.web.Access;
import novalab.web.BadInput;
import novalab.web.Chrome;
import novalab.web.Role;
import novalab.web.db.SettingsDao;

/**
 * {@code /register}: a student creates their own account, only while the instructor has self-registration on;
 * otherwise the page is not there (404, with a sentence saying whom to ask). Registrations (made or refused) are
 * limited per client address: 20 at once (a class behind one address), then one every 3 seconds; over it, 429 with a sentence.
 */
public final class RegistrationController {
    static final String CLOSED = "Self-registration is closed: ask your instructor for an account.";
    private final UserDao users;
    private final SessionDao sessions;
    private final SettingsDao settings;
    private final Throttle byAddress = new Throttle(20, 3_000, System::currentTimeMillis);

    public RegistrationController(UserDao users, SessionDao sessions, SettingsDao settings) {
        this.users = users;
        this.sessions = sessions;
        this.settings = settings;
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/register", this::form, Role.ANYONE);
        routes.post("/register", this::register, Role.ANYONE);
    }

    private void open() {
        if (!settings.selfRegistration()) throw new Access.Refused(HttpStatus.NOT_FOUND, CLOSED);
    }

    private void form(Context ctx) {
        open();
        ctx.render("account/register.jte", Map.of("page", new RegisterPage(Chrome.of(ctx, "Create an account"), "", "")));
    }

    private void register(Context ctx) {
        open();
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String address = ClientAddress.of(ctx);
        if (!byAddress.allowed(address)) {
            long wait = byAddress.retryAfterSeconds(address);
            ctx.header("Retry-After", String.valueOf(wait));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.render("account/register.jte", Map.of("page", new RegisterPage(Chrome.of(ctx, "Create an account"), name,
                    "Too many registrations from your address: wait " + wait + (wait == 1 ? " second" : " seconds") + " and try again.")));
            return;
        }
        byAddress.charge(address);
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String again = Optional.ofNullable(ctx.formParam("password2")).orElse("");
        String why = "";
        if (name.isEmpty()) why = "Choose a user name.";
        else if (!UserDao.validName(name)) why = UserDao.NAME_RULE;
        else if (password.length() < 8) why = "A password has at least 8 characters.";
        else if (password.length() > 128) why = "A password has at most 128 characters.";
        else if (password.equalsIgnoreCase(name)) why = "Your password cannot be your user name.";
        else if (!password.equals(again)) why = "The two passwords differ: type the same password twice.";
        User user = null;
        if (why.isEmpty()) {
            try {
                user = users.add(name, Role.STUDENT, password);
            } catch (BadInput e) {
                why = e.getMessage();
            }
        }
        if (user == null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            ctx.render("account/register.jte", Map.of("page", new RegisterPage(Chrome.of(ctx, "Create an account"), name, why)));
            return;
        }
        String token = sessions.start(user);
        ctx.cookie(new Cookie(Access.COOKIE, token, "/", -1, false, true, null, SameSite.LAX));
        ctx.redirect("/", HttpStatus.SEE_OTHER);
    }
}

package novalab.web.account;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Map;
import java.util.Optional;
import novalab.web.Access;
import novalab.web.Chrome;
import novalab.web.Role;

/**
 * Sign in and sign out. Failed sign-ins are limited per client address and per account name: 10 at once, then one every
 * 3 seconds; over the limit the form answers 429 with a sentence, before any password is checked.
 */
public final class AccountController {
    private final UserDao users;
    private final SessionDao sessions;
    private final java.util.function.BooleanSupplier registrationOpen;
    private final Throttle byAddress;
    private final Throttle byName;

    public AccountController(UserDao users, SessionDao sessions) {
        this(users, sessions, () -> false);
    }

    /** {@code registrationOpen}: whether the sign-in page links to /register. */
    public AccountController(UserDao users, SessionDao sessions, java.util.function.BooleanSupplier registrationOpen) {
        this(users, sessions, registrationOpen, new Throttle(10, 3_000, System::currentTimeMillis), new Throttle(10, 3_000, System::currentTimeMillis));
    }

    private AccountController(UserDao users, SessionDao sessions, java.util.function.BooleanSupplier registrationOpen, Throttle byAddress, Throttle byName) {
        this.users = users;
        this.sessions = sessions;
        this.registrationOpen = registrationOpen;
        this.byAddress = byAddress;
        this.byName = byName;
    }

    /** The same controller (and the same limits), its sign-in page linking to /register while {@code open} says so. */
    public AccountController linkingRegistration(java.util.function.BooleanSupplier open) {
        return new AccountController(users, sessions, open, byAddress, byName);
    }

    public void addRoutes(RoutesConfig routes) {
        routes.get("/signin", this::form, Role.ANYONE);
        routes.post("/signin", this::signIn, Role.ANYONE);
        routes.post("/signout", this::signOut, Role.STUDENT, Role.INSTRUCTOR);
    }

    private void form(Context ctx) {
        ctx.render("account/signin.jte", Map.of("page", new SignInPage(Chrome.of(ctx, "Sign in"), safeNext(ctx.queryParam("next")), "", "", registrationOpen.getAsBoolean())));
    }

    private void signIn(Context ctx) {
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        String address = ClientAddress.of(ctx);
        String account = name.toLowerCase(java.util.Locale.ROOT);
        boolean addressOver = !byAddress.allowed(address);
        if (addressOver || (!account.isEmpty() && !byName.allowed(account))) {
            long wait = addressOver ? byAddress.retryAfterSeconds(address) : byName.retryAfterSeconds(account);
            String why = "Too many failed sign-ins " + (addressOver ? "from your address" : "for this account") + ": wait " + wait
                    + (wait == 1 ? " second" : " seconds") + " and try again.";
            ctx.header("Retry-After", String.valueOf(wait));
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.render("account/signin.jte", Map.of("page", new SignInPage(Chrome.of(ctx, "Sign in"), next, name, why, registrationOpen.getAsBoolean())));
            return;
        }
        Optional<User> user = name.isEmpty() || password.isEmpty() ? Optional.empty() : users.authenticate(name, password);
        if (user.isEmpty()) {
            String why = name.isEmpty() || password.isEmpty() ? "Type your user name and your password." : "That user name and password do not match an account.";
            if (!name.isEmpty() && !password.isEmpty()) {
                byAddress.charge(address);
                byName.charge(account);
            }
            ctx.status(HttpStatus.UNAUTHORIZED);
            ctx.render("account/signin.jte", Map.of("page", new SignInPage(Chrome.of(ctx, "Sign in"), next, name, why, registrationOpen.getAsBoolean())));
            return;
        }
        String token = sessions.start(user.get());
        ctx.cookie(new Cookie(Access.COOKIE, token, "/", -1, false, true, null, SameSite.LAX));
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        sessions.end(ctx.cookie(Access.COOKIE));
        ctx.removeCookie(Access.COOKIE, "/");
        ctx.redirect("/signin", HttpStatus.SEE_OTHER);
    }

    /** Only a local path: never an open redirect to another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) return "/";
        return next;
    }
}

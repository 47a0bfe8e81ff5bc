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

/** Sign in and sign out. */
public final class AccountController {
    private final UserDao users;
    private final SessionDao sessions;
    private final java.util.function.BooleanSupplier registrationOpen;

    public AccountController(UserDao users, SessionDao sessions) {
        this(users, sessions, () -> false);
    }

    /** {@code registrationOpen}: whether the sign-in page links to /register. */
    public AccountController(UserDao users, SessionDao sessions, java.util.function.BooleanSupplier registrationOpen) {
        this.users = users;
        this.sessions = sessions;
        this.registrationOpen = registrationOpen;
    }

    /** The same controller, its sign-in page linking to /register while {@code open} says so. */
    public AccountController linkingRegistration(java.util.function.BooleanSupplier open) {
        return new AccountController(users, sessions, open);
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
        Optional<User> user = name.isEmpty() || password.isEmpty() ? Optional.empty() : users.authenticate(name, password);
        if (user.isEmpty()) {
            String why = name.isEmpty() || password.isEmpty() ? "Type your user name and your password." : "That user name and password do not match an account.";
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

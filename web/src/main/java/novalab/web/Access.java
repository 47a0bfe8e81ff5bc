package novalab.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import novalab.web.account.SessionDao;
import novalab.web.account.SessionDao.Session;
import novalab.web.account.User;
import novalab.web.api.OpenStackApi;

/**
 * The one access check, run before every matched route: finds the session from its cookie, sends the
 * signed-out to the sign-in page, refuses the wrong role, and checks the CSRF token of every POST made
 * by a signed-in user. {@code /sandbox/*} (the OpenStack APIs, guarded by Keystone tokens) is let through untouched.
 */
public final class Access {
    public static final String COOKIE = "novalab_session";
    private static final String SESSION = "novalab.session";
    private final SessionDao sessions;

    public Access(SessionDao sessions) {
        this.sessions = sessions;
    }

    /** The {@code beforeMatched} handler. */
    public void check(Context ctx) {
        if (ctx.path().startsWith(OpenStackApi.PREFIX)) return; // the OpenStack APIs: Keystone tokens, no cookie, no CSRF
        if (ctx.path().equals(novalab.web.api.Ec2Api.PATH) || ctx.path().startsWith(novalab.web.api.Ec2Api.PATH + "/")) return; // EC2: access keys
        Optional<Session> s = sessions.find(ctx.cookie(COOKIE));
        s.ifPresent(x -> ctx.attribute(SESSION, x));
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Role.ANYONE)) return;
        if (s.isEmpty()) {
            if (ctx.method() == HandlerType.GET) {
                ctx.redirect("/signin?next=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
                ctx.skipRemainingHandlers();
                return;
            }
            throw new Refused(HttpStatus.UNAUTHORIZED, "Please sign in first.");
        }
        if (!roles.contains(s.get().user().role())) {
            throw new Refused(HttpStatus.FORBIDDEN, "This page is not open to your account.");
        }
        if (ctx.method() == HandlerType.POST) {
            String token = Optional.ofNullable(ctx.header("X-CSRF-Token")).orElseGet(() -> ctx.formParam("csrf"));
            if (token == null || !token.equals(s.get().csrf())) {
                throw new Refused(HttpStatus.FORBIDDEN, "This form has expired. Go back, reload the page and try again.");
            }
        }
    }

    /** The signed-in session of this request (set by {@link #check}). */
    public static Optional<Session> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }

    /** The signed-in user of a route that requires one. */
    public static User user(Context ctx) {
        return session(ctx).map(Session::user).orElseThrow(() -> new Refused(HttpStatus.UNAUTHORIZED, "Please sign in first."));
    }

    /** A refusal shown as a page with this status and sentence. */
    public static final class Refused extends RuntimeException {
        private final HttpStatus status;

        public Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        public HttpStatus status() { return status; }
    }
}

package novalab.web;

import io.javalin.http.Context;
import java.util.Optional;
import novalab.web.account.SessionDao.Session;

/** What every page's frame shows: the title, who is signed in (blank for nobody) and the CSRF token for its forms. */
public record Chrome(String title, String userName, String csrf, boolean instructor) {
    public boolean signedIn() { return !userName.isEmpty(); }

    /** The frame for {@code ctx}'s signed-in user, if any. */
    public static Chrome of(Context ctx, String title) {
        Optional<Session> s = Access.session(ctx);
        return s.map(x -> new Chrome(title, x.user().name(), x.csrf(), x.user().role() == Role.INSTRUCTOR))
                .orElseGet(() -> new Chrome(title, "", "", false));
    }
}

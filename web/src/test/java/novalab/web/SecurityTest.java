package novalab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import io.javalin.security.Roles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import novalab.web.account.UserDao;
import novalab.web.api.OpenStackApi;
import novalab.web.db.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security rules, checked over HTTP against the app's own route table (so every route added later is
 * covered): role checks, sign-in redirects, CSRF on every POST, escaping of hostile text, cookie flags.
 */
class SecurityTest {
    private static final String XSS = "<script>alert(1)</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;";
    private static final Set<HandlerType> HTTP_METHODS = Set.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);
    @TempDir Path data;

    /** A registered route: method, path pattern and the roles it was added with. */
    record Route(HandlerType method, String path, Set<RouteRole> roles) {
        /** The path with every {param}, <param> and * filled in. */
        String concrete() {
            return path.replaceAll("\\{[^}]*}", "x").replaceAll("<[^>]*>", "x").replace("*", "x");
        }

        boolean instructorOnly() {
            return roles.equals(Set.of(Role.INSTRUCTOR));
        }

        boolean needsSignIn() {
            return !roles.isEmpty() && !roles.contains(Role.ANYONE);
        }
    }

    /** Every HTTP route the app registered, as Javalin 7 keeps them (internalRouter.allHttpHandlers, Roles metadata). */
    static List<Route> routes(Javalin app) {
        List<Route> out = new ArrayList<>();
        for (var parsed : app.unsafe.internalRouter.allHttpHandlers()) {
            var e = parsed.endpoint;
            if (!HTTP_METHODS.contains(e.method)) continue; // before/after filters are not routes
            Set<RouteRole> roles = Optional.ofNullable(e.metadata(Roles.class)).map(Roles::getRoles).orElse(Set.of());
            out.add(new Route(e.method, e.path, roles));
        }
        return out;
    }

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse", Role.INSTRUCTOR, "grace", "battery staple");
    }

    @Test
    void every_route_but_the_token_guarded_openstack_apis_declares_who_may_use_it() throws Exception {
        WebTests.test(data, (app, client) -> {
            List<Route> routes = routes(app);
            assertThat(routes).extracting(Route::path).contains("/signin", "/lab", "/lab/run", "/cloud", "/lessons/{slug}");
            assertThat(routes).filteredOn(r -> !r.path().startsWith(OpenStackApi.PREFIX) && !r.path().startsWith(novalab.web.api.Ec2Api.PATH))
                    .allSatisfy(r -> assertThat(r.roles()).as(r.method() + " " + r.path()).isNotEmpty());
        });
    }

    @Test
    void every_instructor_only_route_refuses_a_student_and_sends_the_signed_out_to_sign_in() throws Exception {
        WebTests.test(data, (app, anonymous) -> {
            WebTests.Client student = new WebTests.Client("http://127.0.0.1:" + app.port());
            student.signIn("ada", "correct horse");
            WebTests.Client instructor = new WebTests.Client("http://127.0.0.1:" + app.port());
            instructor.signIn("grace", "battery staple");
            List<Route> instructorOnly = routes(app).stream().filter(Route::instructorOnly).toList();
            System.out.println("instructor-only routes checked: " + instructorOnly);
            for (Route r : instructorOnly) {
                String what = r.method() + " " + r.path();
                if (r.method() == HandlerType.GET) {
                    HttpResponse<String> refused = student.get(r.concrete());
                    assertThat(refused.statusCode()).as(what + " as a student").isEqualTo(403);
                    assertThat(refused.body()).as(what).contains("This page is not open to your account.");
                    HttpResponse<String> out = anonymous.get(r.concrete());
                    assertThat(out.statusCode()).as(what + " signed out").isEqualTo(303);
                    assertThat(out.headers().firstValue("Location").orElse("")).startsWith("/signin?next=");
                    assertThat(instructor.get(r.concrete()).statusCode()).as(what + " as an instructor").isNotIn(401, 403);
                } else {
                    assertThat(student.post(r.concrete()).statusCode()).as(what + " as a student").isEqualTo(403);
                    assertThat(anonymous.post(r.concrete()).statusCode()).as(what + " signed out").isEqualTo(401);
                }
            }
        });
    }

    @Test
    void every_page_needing_an_account_sends_the_signed_out_to_sign_in() throws Exception {
        WebTests.test(data, (app, anonymous) -> {
            for (Route r : routes(app)) {
                if (!r.needsSignIn()) continue;
                String what = r.method() + " " + r.path();
                if (r.method() == HandlerType.GET) {
                    HttpResponse<String> out = anonymous.get(r.concrete());
                    assertThat(out.statusCode()).as(what).isEqualTo(303);
                    assertThat(out.headers().firstValue("Location").orElse("")).as(what).startsWith("/signin?next=");
                } else if (r.method() == HandlerType.POST) {
                    assertThat(anonymous.post(r.concrete()).statusCode()).as(what).isEqualTo(401);
                }
            }
        });
    }

    @Test
    void every_post_without_its_csrf_token_answers_403() throws Exception {
        WebTests.test(data, (app, unused) -> {
            WebTests.Client student = new WebTests.Client("http://127.0.0.1:" + app.port());
            student.signIn("ada", "correct horse");
            WebTests.Client instructor = new WebTests.Client("http://127.0.0.1:" + app.port());
            instructor.signIn("grace", "battery staple");
            HttpClient raw = HttpClient.newHttpClient();
            List<Route> posts = routes(app).stream().filter(r -> r.method() == HandlerType.POST && r.needsSignIn()).toList();
            assertThat(posts).extracting(Route::path).contains("/lab/run", "/lab/reset", "/signout");
            for (Route r : posts) {
                WebTests.Client who = r.roles().contains(Role.STUDENT) ? student : instructor;
                String what = r.method() + " " + r.path();
                HttpResponse<String> noToken = who.post(r.concrete(), "csrf", "");
                assertThat(noToken.statusCode()).as(what + " without a token").isEqualTo(403);
                assertThat(noToken.body()).as(what).contains("This form has expired");
                HttpResponse<String> wrongToken = who.post(r.concrete(), "csrf", "not-the-token");
                assertThat(wrongToken.statusCode()).as(what + " with a wrong token").isEqualTo(403);
            }
            // nor does a cross-site request without the cookie get anywhere
            HttpResponse<String> noCookie = raw.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/lab/run"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("line=ls")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(noCookie.statusCode()).isEqualTo(401);
        });
    }

    @Test
    void a_script_fed_through_a_user_name_a_server_name_and_command_output_comes_back_escaped_everywhere() throws Exception {
        WebTests.test(data, (app, client) -> {
            // a user name: refused as an account name, and echoed escaped on the sign-in form
            HttpResponse<String> signIn = client.post("/signin", "name", XSS, "password", "whatever1", "next", "/lab");
            assertThat(signIn.statusCode()).isEqualTo(401);
            assertThat(signIn.body()).doesNotContain(XSS).contains("value=\"&lt;script>alert(1)&lt;/script>\""); // jte's attribute escaping
            try (Database db = Database.open(data.resolve("lab.db"))) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> new UserDao(db).add(XSS, Role.STUDENT, "long enough"))
                        .isInstanceOf(BadInput.class);
            }
            HttpResponse<String> missing = client.get("/lessons/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
            assertThat(missing.body()).doesNotContain(XSS);

            client.signIn("ada", "correct horse");
            assertThat(client.postJson("/lab/run", "line", "source nebula-openrc.sh").statusCode()).isEqualTo(200);
            HttpResponse<String> boot = client.postJson("/lab/run", "line",
                    "openstack server create --flavor m1.tiny --image cirros --network nebula_net --wait '" + XSS + "'");
            assertThat(boot.body()).contains("ACTIVE");
            HttpResponse<String> echo = client.postJson("/lab/run", "line", "echo '" + XSS + "'");
            assertThat(echo.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            // every page a student may open (from the route table, so new pages are covered), and a lesson
            List<String> pages = new ArrayList<>(routes(app).stream()
                    .filter(r -> r.method() == HandlerType.GET && r.roles().contains(Role.STUDENT) && !r.path().contains("{") && !r.path().contains("<"))
                    .map(Route::path).toList());
            pages.add("/lessons/05-operations-cookbook");
            assertThat(pages).contains("/lab", "/cloud", "/cloud/panel", "/cloud/credentials", "/lessons");
            for (String page : pages) {
                HttpResponse<String> r = client.get(page);
                assertThat(r.statusCode()).as(page).isIn(200, 303);
                assertThat(r.body()).as(page).doesNotContain(XSS).doesNotContain("<script>alert");
            }
            assertThat(client.get("/lab").body()).as("the history shows the command, escaped").contains(ESCAPED);
            assertThat(client.get("/cloud/panel").body()).as("the host view shows the server name, escaped").contains(ESCAPED);
        });
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_and_pages_forbid_framing_and_inline_scripts() throws Exception {
        WebTests.test(data, (app, client) -> {
            HttpResponse<String> r = client.post("/signin", "name", "ada", "password", "correct horse", "next", "/lab");
            String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).startsWith(Access.COOKIE + "=").contains("HttpOnly").containsPattern("SameSite=(Lax|Strict)").contains("Path=/");
            HttpResponse<String> page = client.get("/lab");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        });
    }
}

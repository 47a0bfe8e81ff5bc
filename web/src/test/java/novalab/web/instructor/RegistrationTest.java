package novalab.web.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import novalab.web.Role;
import novalab.web.WebTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrationTest {
    @TempDir Path data;

    @Test
    void self_registration_is_closed_until_the_instructor_opens_it_and_then_checks_names_and_passwords() throws Exception {
        ClassFixture f = new ClassFixture(data);
        f.add("ada", Role.STUDENT);
        f.add("grace", Role.INSTRUCTOR);
        WebTests.test(data, (app, client) -> {
            WebTests.Client visitor = new WebTests.Client("http://127.0.0.1:" + app.port());
            HttpResponse<String> closed = visitor.get("/register");
            assertThat(closed.statusCode()).isEqualTo(404);
            assertThat(closed.body()).contains("Self-registration is closed: ask your instructor for an account.");
            assertThat(visitor.post("/register", "name", "zoe", "password", "zoe-password", "password2", "zoe-password").statusCode()).isEqualTo(404);
            assertThat(visitor.get("/signin").body()).doesNotContain("href=\"/register\"");

            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            client.get("/instructor/roster");
            assertThat(client.post("/instructor/settings/registration", "value", "maybe").statusCode()).isEqualTo(400);
            assertThat(client.post("/instructor/settings/registration", "value", "on").statusCode()).isEqualTo(303);
            assertThat(client.get("/instructor/roster").body()).contains("Self-registration is <strong>on</strong>");

            assertThat(visitor.get("/signin").body()).contains("<a href=\"/register\">Create an account</a>");
            assertThat(visitor.get("/register").body()).contains("<label for=\"password2\">Password again</label>");
            HttpResponse<String> r = visitor.post("/register", "name", "<script>alert(1)</script>", "password", "longenough", "password2", "longenough");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("A user name is 1 to 32 characters").doesNotContain("<script>alert(1)")
                    .contains("value=\"&lt;script>alert(1)&lt;/script>\"");
            assertThat(visitor.post("/register", "name", "zoe", "password", "short", "password2", "short").body()).contains("at least 8 characters");
            assertThat(visitor.post("/register", "name", "zoe", "password", "zoe-password", "password2", "zoe-passw0rd").body()).contains("The two passwords differ");
            assertThat(visitor.post("/register", "name", "ada", "password", "zoe-password", "password2", "zoe-password").body()).contains("There is already a user called 'ada'.");
            assertThat(visitor.post("/register", "name", "zoe-password", "password", "zoe-password", "password2", "zoe-password").body()).contains("cannot be your user name");
            HttpResponse<String> ok = visitor.post("/register", "name", "zoe", "password", "zoe-password", "password2", "zoe-password");
            assertThat(ok.statusCode()).isEqualTo(303);
            assertThat(visitor.get("/lessons").statusCode()).as("signed in as the new student").isEqualTo(200);
            assertThat(visitor.get("/instructor").statusCode()).as("a registered account is a student").isEqualTo(403);
            assertThat(f.names()).containsExactly("ada", "grace", "zoe");

            client.get("/instructor/roster");
            assertThat(client.post("/instructor/settings/registration", "value", "off").statusCode()).isEqualTo(303);
            WebTests.Client later = new WebTests.Client("http://127.0.0.1:" + app.port());
            assertThat(later.get("/register").statusCode()).isEqualTo(404);
            assertThat(later.get("/signin").body()).doesNotContain("href=\"/register\"");
        });
    }

    @Test
    void a_script_tag_in_a_roster_name_comes_back_escaped_on_every_instructor_page() throws Exception {
        ClassFixture f = new ClassFixture(data);
        f.add("grace", Role.INSTRUCTOR);
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            client.get("/instructor/roster");
            HttpResponse<String> r = client.post("/instructor/roster", "csv", "name\n<script>alert(1)</script>\n");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(f.names()).containsExactly("grace");
        });
    }
}

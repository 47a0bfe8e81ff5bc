package novalab.web.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.account.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstructorAccessTest {
    @TempDir Path data;

    @Test
    void a_student_gets_403_on_every_instructor_route_and_the_signed_out_are_sent_to_sign_in() throws Exception {
        ClassFixture f = new ClassFixture(data);
        User ada = f.add("ada", Role.STUDENT);
        f.add("grace", Role.INSTRUCTOR);
        f.history(ada, "01-the-menu", ClassFixture.solution("01-the-menu"));
        WebTests.test(data, (app, client) -> {
            // every route the running app serves under /instructor, straight from Javalin's router
            List<String> routes = app.unsafe.internalRouter.allHttpHandlers().stream().map(e -> e.endpoint)
                    .filter(e -> e.path.equals("/instructor") || e.path.startsWith("/instructor/")).map(e -> e.method.name() + " " + e.path).toList();
            assertThat(routes).hasSizeGreaterThanOrEqualTo(15).allMatch(r -> r.startsWith("GET ") || r.startsWith("POST "));
            WebTests.Client anon = new WebTests.Client("http://127.0.0.1:" + app.port());
            client.signIn("ada", ClassFixture.STUDENT_PW);
            String csrf = client.csrf;
            assertThat(csrf).isNotEmpty();
            for (String route : routes) {
                String[] mp = route.split(" ");
                String path = mp[1].replace("{id}", Long.toString(ada.id())).replace("{ex}", "01-the-menu").replace("{token}", "0123");
                HttpResponse<String> r = mp[0].equals("GET") ? client.get(path) : client.post(path, "value", "on", "job", "1", "csv", "name\nmallory");
                assertThat(r.statusCode()).as(route).isEqualTo(403);
                assertThat(r.body()).as(route).contains("This page is not open to your account.");
                client.csrf = csrf;
                HttpResponse<String> a = mp[0].equals("GET") ? anon.get(path) : anon.post(path);
                assertThat(a.statusCode()).as("signed out: " + route).isIn(303, 401);
            }
            // nothing an attempt could have done happened
            assertThat(f.names()).containsExactly("ada", "grace");
            assertThat(f.gradeRows()).isEmpty();
            assertThat(client.get("/lab").body()).doesNotContain("href=\"/instructor\"");
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            assertThat(client.get("/lab").body()).contains("<a href=\"/instructor\">Class</a>");
            for (String page : List.of("/instructor", "/instructor/jobs", "/instructor/roster", "/instructor/gradebook.csv", "/instructor/results.json",
                    "/instructor/students/" + ada.id() + "/exercises/01-the-menu?step=1", "/instructor/students/" + ada.id() + "/results.json")) {
                assertThat(client.get(page).statusCode()).as(page).isEqualTo(200);
            }
        });
    }
}

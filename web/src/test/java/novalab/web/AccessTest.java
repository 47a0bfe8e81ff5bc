package novalab.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import novalab.web.account.AccountController;
import novalab.web.account.SessionDao;
import novalab.web.account.UserDao;
import novalab.web.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one beforeMatched check, on a small app with an instructor-only route (the instructor pages arrive later). */
class AccessTest {
    @TempDir Path data;

    @Test
    void an_instructor_route_refuses_a_student_with_a_page_and_admits_an_instructor() throws Exception {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            UserDao users = new UserDao(db);
            users.add("ada", Role.STUDENT, "correct horse");
            users.add("grace", Role.INSTRUCTOR, "battery staple");
            SessionDao sessions = new SessionDao(db);
            Access access = new Access(sessions);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.fileRenderer(new JteRenderer());
                config.routes.beforeMatched(access::check);
                Errors.addTo(config.routes);
                new AccountController(users, sessions).addRoutes(config.routes);
                config.routes.get("/class", ctx -> ctx.result("class dashboard"), Role.INSTRUCTOR);
            }).start("127.0.0.1", 0);
            try {
                WebTests.Client student = new WebTests.Client("http://127.0.0.1:" + app.port());
                assertThat(student.get("/class").statusCode()).isEqualTo(303);
                student.post("/signin", "name", "ada", "password", "correct horse");
                HttpResponse<String> refused = student.get("/class");
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.body()).contains("This page is not open to your account.");

                WebTests.Client instructor = new WebTests.Client("http://127.0.0.1:" + app.port());
                instructor.post("/signin", "name", "grace", "password", "battery staple");
                assertThat(instructor.get("/class").body()).isEqualTo("class dashboard");
            } finally {
                app.stop();
            }
        }
    }
}

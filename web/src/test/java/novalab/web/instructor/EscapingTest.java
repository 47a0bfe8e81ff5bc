package novalab.web.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.account.User;
import novalab.web.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EscapingTest {
    private static final String NAME = "<script>alert(1)</script>";
    @TempDir Path data;

    @Test
    void a_script_tag_as_a_student_name_and_in_commands_comes_back_escaped_on_every_instructor_page() throws Exception {
        ClassFixture f = new ClassFixture(data);
        f.add("grace", Role.INSTRUCTOR);
        // the name rules keep such a name out of every door, so it goes straight into the table, as an old import might have left it
        long id = f.query(d -> {
            d.update("INSERT INTO users(name, password_hash, role, created_at) VALUES (?, 'x', 'STUDENT', 'now')", NAME);
            return d.queryOne("SELECT id FROM users WHERE name = ?", rs -> rs.getLong(1), NAME).orElseThrow();
        });
        User evil = new User(id, NAME, Role.STUDENT);
        f.history(evil, "01-the-menu", List.of("source admin-openrc.sh", "openstack flavor create --vcpus 1 --ram 1024 --disk 5 '" + NAME + "'",
                "openstack flavor create --vcpus 1 --ram 1024 --disk 5 m1.nebula_micro"));
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            GradingTest.runJob(client, "/instructor/grade");
            f.append(evil, "01-the-menu", List.of("echo '" + NAME + "'"));
            String preview = GradingTest.runJob(client, "/instructor/regrade");
            for (String page : List.of("/instructor", "/instructor/roster", "/instructor/students/" + id + "/exercises/01-the-menu?step=2",
                    "/instructor/students/" + id + "/exercises/01-the-menu")) {
                String body = client.get(page).body();
                assertThat(body).as(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            }
            assertThat(preview).doesNotContain("<script>alert");
            assertThat(client.get("/instructor/gradebook.csv").body()).contains(NAME); // CSV is data, not HTML
        });
    }
}

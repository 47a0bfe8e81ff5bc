package novalab.web.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import novalab.web.Role;
import novalab.web.WebTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonPageTest {
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse");
    }

    @Test
    void the_nine_lessons_are_listed_in_the_notes_order() {
        assertThat(Lessons.load().all()).extracting(Lesson::title).hasSize(9)
                .startsWith("1. Introduction to OpenStack Compute (Nova)").endsWith("9. Lab Exercises");
    }

    @Test
    void a_lesson_renders_with_its_run_buttons_beside_the_terminal() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            HttpResponse<String> r = client.get("/lessons/05-operations-cookbook");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body())
                    .contains("<h1>5. Operations Cookbook (CLI): Launching Nebula Inc.</h1>")
                    .contains("<button type=\"button\" class=\"run\" data-cmd=\"openstack keypair create nebula_key &gt; nebula_key.pem\nchmod 600 nebula_key.pem\nls -l nebula_key.pem\n\">")
                    .contains("data-terminal")
                    .contains("Section 5 Checkpoint");
        });
    }

    @Test
    void the_concept_table_is_a_table() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String body = client.get("/lessons/06-industry-comparison").body();
            assertThat(body).contains("<th>OpenStack Term</th>", "<td>Network Security Group (NSG)</td>");
            assertThat(body).contains("class=\"run\" data-cmd=\"aws ec2 create-security-group");
        });
    }

    @Test
    void an_unknown_lesson_is_a_friendly_404() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            HttpResponse<String> r = client.get("/lessons/99-nope");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("There is no lesson called");
        });
    }
}

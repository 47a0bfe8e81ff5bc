package novalab.web.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.account.UserDao;
import novalab.web.db.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints through the student's and the instructor's door: real HTTP into the app. */
class CheckpointWebTest {
    private static final List<String> JSON = List.of("Accept: application/json");
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            UserDao users = new UserDao(db);
            users.add("ada", Role.STUDENT, "correct horse");
            users.add("bob", Role.STUDENT, "battery staple");
            users.add("grace", Role.INSTRUCTOR, "ada lovelace");
        }
    }

    private int attempts(String user, String item) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            return db.queryOne("SELECT COUNT(*) FROM quiz_attempts a JOIN users u ON u.id = a.user_id WHERE u.name = ? AND a.item_id = ?",
                    rs -> rs.getInt(1), user, item).orElse(0);
        }
    }

    /** The HTML of one item's form on a page. */
    private static String form(String page, String item) {
        int start = page.indexOf("id=\"q-" + item + "\"");
        assertThat(start).as("item " + item + " is on the page").isPositive();
        return page.substring(start, page.indexOf("</form>", start));
    }

    private static List<String> values(String html, String name) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void a_wrong_then_a_right_answer_show_the_rationales_and_both_attempts_are_kept() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String page = client.get("/lessons/03-scheduling").body();
            assertThat(page).contains("Your checkpoint", "Which filter keeps new instances away from compute2?");
            assertThat(form(page, "s3-compute-filter")).doesNotContain("ComputeFilter passes only hosts");

            HttpResponse<String> r = client.post("/quizzes/s3-compute-filter", "choice", "ram", "from", "lesson");
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).hasValue("/lessons/03-scheduling#q-s3-compute-filter");
            String wrong = form(client.get("/lessons/03-scheduling").body(), "s3-compute-filter");
            assertThat(wrong).contains("✗ Not yet", "you chose it", "RamFilter looks at free RAM",
                    "ComputeFilter passes only hosts whose nova-compute service is enabled and up", "Attempts so far: 1");
            assertThat(wrong).containsPattern("value=\"ram\" checked");

            client.post("/quizzes/s3-compute-filter", "choice", "compute", "from", "lesson");
            String right = form(client.get("/lessons/03-scheduling").body(), "s3-compute-filter");
            assertThat(right).contains("✓ Right", "Attempts so far: 2");
            assertThat(attempts("ada", "s3-compute-filter")).isEqualTo(2);
            assertThat(attempts("bob", "s3-compute-filter")).isZero();
        });
    }

    @Test
    void with_javascript_the_answered_item_comes_back_as_a_fragment_and_quizzes_page_returns_to_itself() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            client.get("/quizzes");
            HttpResponse<String> r = client.postMulti("/quizzes/s5-security-groups", List.of("X-Fragment: item", "Accept: application/json"),
                    "choice", "stateful", "choice", "implicit-deny", "choice", "dynamic", "from", "quizzes");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("<form class=\"quiz-item\"").contains("✓ Right", "Neutron pushes the change").doesNotContain("<html");
            r = client.postMulti("/quizzes/s5-security-groups", List.of(), "choice", "stateful", "from", "quizzes");
            assertThat(r.headers().firstValue("Location")).hasValue("/quizzes#q-s5-security-groups");
            assertThat(form(client.get("/quizzes").body(), "s5-security-groups")).contains("✗ Not yet", "Attempts so far: 2");
        });
    }

    @Test
    void options_are_shuffled_the_same_way_for_a_student_and_differently_for_another() throws Exception {
        List<List<String>> ada = new ArrayList<>();
        List<List<String>> bob = new ArrayList<>();
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            for (int i = 0; i < 2; i++) {
                String page = client.get("/lessons/03-scheduling").body();
                ada.add(values(form(page, "s3-stack-spread"), "choice"));
            }
            ada.add(values(form(client.get("/quizzes").body(), "s3-stack-spread"), "choice"));
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("bob", "battery staple");
            bob.add(values(form(client.get("/lessons/03-scheduling").body(), "s3-stack-spread"), "choice"));
        });
        assertThat(ada.get(0)).containsExactlyInAnyOrder("spread", "stack", "negative", "stack-default", "revive");
        assertThat(ada).allMatch(ada.get(0)::equals);
        assertThat(bob.get(0)).containsExactlyInAnyOrderElementsOf(ada.get(0)).isNotEqualTo(ada.get(0));
    }

    @Test
    void ordering_matching_and_typed_commands_are_graded() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            client.get("/lessons/02-component-anatomy");
            client.post("/quizzes/s2-boot-path", "pos.keystone", "1", "pos.api", "2", "pos.scheduler", "3", "pos.conductor-asks", "4",
                    "pos.conductor-casts", "5", "pos.compute", "6");
            String order = form(client.get("/lessons/02-component-anatomy").body(), "s2-boot-path");
            assertThat(order).contains("✗ Not yet", "Out of place", "you put it at step 3");
            client.post("/quizzes/s2-boot-path", "pos.keystone", "1", "pos.api", "2", "pos.conductor-asks", "3", "pos.scheduler", "4",
                    "pos.conductor-casts", "5", "pos.compute", "6");
            order = form(client.get("/lessons/02-component-anatomy").body(), "s2-boot-path");
            assertThat(order).contains("✓ Right").containsPattern("<option value=\"4\" selected>4</option>");

            client.post("/quizzes/s6-concepts-aws", "match.nova", "nova", "match.flavor", "flavor", "match.sg", "sg", "match.keypair", "keypair", "match.user", "user");
            assertThat(form(client.get("/lessons/06-industry-comparison").body(), "s6-concepts-aws")).contains("✓ Right", "Instance Type (e.g. t2.micro)");
            client.post("/quizzes/s6-concepts-aws", "match.nova", "flavor", "match.flavor", "nova", "match.sg", "sg", "match.keypair", "keypair", "match.user", "user");
            assertThat(form(client.get("/lessons/06-industry-comparison").body(), "s6-concepts-aws")).contains("✗ Not yet", "you chose Instance Type");

            client.post("/quizzes/s5-flavor-create", "typed", "openstack flavor create m1.nebula_micro --vcpus=1 --ram 256  --disk 1");
            assertThat(form(client.get("/lessons/05-operations-cookbook").body(), "s5-flavor-create")).contains("✓ Right");
            client.post("/quizzes/s5-flavor-create", "typed", "openstack flavor create --ram 256 --disk 1024 --vcpus 1 m1.nebula_micro");
            assertThat(form(client.get("/lessons/05-operations-cookbook").body(), "s5-flavor-create"))
                    .contains("✗ Not yet", "--disk is in GB, so a 1 GB disk is --disk 1.", "value=\"openstack flavor create --ram 256 --disk 1024 --vcpus 1 m1.nebula_micro\"");
        });
    }

    @Test
    void a_reflection_autosaves_and_is_shown_back_escaped_to_the_student_and_the_instructor() throws Exception {
        String answer = "Placement and <script>alert('x')</script> traits";
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String page = client.get("/lessons/03-scheduling").body();
            assertThat(page).contains("id=\"r-r3-gpu-filter\"", "Which filter ensures a VM lands on a host with a GPU?", "/static/checkpoint.js");
            HttpResponse<String> r = client.postJson("/reflections/r3-gpu-filter", "answer", answer);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("{\"saved\":\"20");
            page = client.get("/lessons/03-scheduling").body();
            assertThat(page).contains("&lt;script&gt;alert('x')&lt;/script&gt;").doesNotContain("<script>alert");
            assertThat(page).containsPattern("Saved 20\\d\\d-");
            r = client.post("/reflections/r3-stack-spread", "answer", "Spreading uses the emptiest host.");
            assertThat(r.statusCode()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).hasValue("/lessons/03-scheduling#r-r3-stack-spread");
            assertThat(client.get("/lessons/03-scheduling").body()).contains(">Spreading uses the emptiest host.</textarea>");
            assertThat(client.get("/progress").body()).contains("2 of 2");
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", "ada lovelace");
            String page = client.get("/instructor/reflections").body();
            assertThat(page).contains("ada", "&lt;script&gt;alert('x')&lt;/script&gt;").doesNotContain("<script>alert");
            HttpResponse<String> csv = client.get("/instructor/reflections.csv");
            assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"reflections.csv\"");
            assertThat(csv.body()).startsWith("lesson,question_id,question,student,answer,updated_at\r\n")
                    .contains("\"r3-gpu-filter\",\"Which filter ensures a VM lands on a host with a GPU?\",\"ada\",\"" + answer.replace("\"", "\"\"") + "\"");
        });
    }

    @Test
    void the_checklist_is_ticked_and_unticked_on_the_progress_page() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String page = client.get("/progress").body();
            assertThat(page).contains("I can launch an instance from the CLI without looking at the manual.", "0 of 3 ticked");
            HttpResponse<String> r = client.postMulti("/progress/checklist", List.of(), "tick", "c7-launch", "tick", "c7-ssh");
            assertThat(r.statusCode()).isEqualTo(303);
            page = client.get("/progress").body();
            assertThat(page).contains("2 of 3 ticked").containsPattern("value=\"c7-launch\" checked").containsPattern("value=\"c7-lifecycle\">");
            r = client.postMulti("/progress/checklist", JSON, "tick", "c7-ssh");
            assertThat(r.body()).contains("\"ticked\":1", "\"of\":3");
            assertThat(client.get("/progress").body()).contains("1 of 3 ticked").containsPattern("value=\"c7-launch\">");

            String lesson = client.get("/lessons/07-summary-and-next-steps").body();
            assertThat(lesson).contains("id=\"cp-checklist\"").containsPattern("value=\"c7-ssh\" checked");
            r = client.postMulti("/progress/checklist", List.of(), "tick", "c7-lifecycle", "from", "lesson");
            assertThat(r.headers().firstValue("Location")).hasValue("/lessons/07-summary-and-next-steps#cp-checklist");
            assertThat(client.get("/lessons/07-summary-and-next-steps").body()).containsPattern("value=\"c7-lifecycle\" checked")
                    .containsPattern("value=\"c7-ssh\">");
        });
    }

    @Test
    void progress_shows_quiz_scores_per_lesson() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            client.get("/quizzes");
            client.post("/quizzes/s1-cell0", "choice", "controller");
            client.post("/quizzes/s1-cell0", "choice", "buried");
            client.post("/quizzes/s1-nova-vs-kvm", "choice", "manages");
            String row = client.get("/progress").body();
            row = row.substring(row.indexOf("/lessons/01-introduction#cp-01-introduction"));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row).contains("<td>2 of 4</td><td>1 of 4</td><td>2 of 4</td>", "<td>0 of 2</td>");
        });
    }

    @Test
    void the_instructor_sees_item_statistics_and_a_student_is_refused_the_instructor_pages() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            client.post("/quizzes/s6-same-term", "choice", "flavor");
            client.post("/quizzes/s6-same-term", "choice", "sg");
            for (String p : List.of("/instructor/reflections", "/instructor/reflections.csv", "/instructor/quizzes")) {
                HttpResponse<String> r = client.get(p);
                assertThat(r.statusCode()).as(p).isEqualTo(403);
                assertThat(r.body()).contains("This page is not open to your account.");
            }
            assertThat(client.get("/lessons").body()).doesNotContain("/instructor/quizzes");
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("bob", "battery staple");
            client.post("/quizzes/s6-same-term", "choice", "sg");
        });
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", "ada lovelace");
            client.post("/quizzes/s6-same-term", "choice", "vm-size"); // instructors' own tries are not counted
            String page = client.get("/instructor/quizzes").body();
            assertThat(page).contains("href=\"/instructor/quizzes\"");
            String item = page.substring(page.indexOf("id=\"s-s6-same-term\""));
            item = item.substring(0, item.indexOf("</section>"));
            assertThat(item).contains("<dd>2 (3 attempts)</dd>", "<dt>Right at the first try</dt><dd>50% (1 of 2)</dd>",
                    "<dt>Right eventually</dt><dd>100% (2 of 2)</dd>", "chosen in 2 of 3 attempts", "chosen in 1 of 3 attempts", "chosen in 0 of 3 attempts");
        });
    }

    @Test
    void a_bad_quiz_or_reflection_form_gets_a_400_with_a_sentence() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            client.get("/quizzes");
            HttpResponse<String> r = client.post("/quizzes/no-such-item", "choice", "a");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("There is no quiz question called 'no-such-item'.").doesNotContain("Exception");
            r = client.post("/quizzes/s3-compute-filter");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Choose an answer before pressing Check.");
            r = client.postMulti("/quizzes/s3-compute-filter", JSON, "choice", "nonsense");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).isEqualTo("{\"error\":\"'nonsense' is not one of this question's options.\"}");
            r = client.postMulti("/quizzes/s3-compute-filter", JSON, "choice", "ram", "choice", "compute");
            assertThat(r.body()).contains("choose only one option");
            r = client.post("/quizzes/s3-passes", "pos.candidates", "1", "pos.filter", "1", "pos.weigh", "3", "pos.pick", "4");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("Two steps are both at position 1; give each step a different position.");
            r = client.post("/quizzes/s6-concepts-aws", "match.nova", "nova");
            assertThat(r.body()).contains("Choose a match for every term");
            r = client.post("/quizzes/s5-flavor-create", "typed", "   ");
            assertThat(r.body()).contains("Type a command before pressing Check.");
            r = client.post("/reflections/r9-nope", "answer", "x");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("There is no reflection question called 'r9-nope'.");
            r = client.post("/reflections/r1-cells");
            assertThat(r.statusCode()).isEqualTo(400);
            r = client.post("/reflections/r1-cells", "answer", "x".repeat(10_001));
            assertThat(r.body()).contains("A reflection answer can be at most 10000 characters; this one has 10001.");
            r = client.postMulti("/progress/checklist", List.of(), "tick", "c9-nope");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("There is no checklist item called 'c9-nope'.");
            assertThat(attempts("ada", "s3-compute-filter")).isZero();
        });
    }
}

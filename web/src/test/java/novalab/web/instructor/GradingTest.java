package novalab.web.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import novalab.exercises.Catalog;
import novalab.grader.GradeResult;
import novalab.grader.ReplayGrader;
import novalab.grader.ResultJson;
import novalab.grader.batch.CanvasCsv;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.account.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MENU = "01-the-menu";
    /** A flavor with twice the RAM asked for: micro-spec fails (6 points), the other checks pass (4 points). */
    private static final List<String> BOB = List.of("source admin-openrc.sh", "openstack flavor create --vcpus 1 --ram 1024 --disk 5 m1.nebula_micro");
    @TempDir Path data;
    ClassFixture f;
    User ada;
    User bob;

    @BeforeEach
    void aClass() throws Exception {
        f = new ClassFixture(data);
        ada = f.add("ada", Role.STUDENT);
        bob = f.add("bob", Role.STUDENT);
        f.add("grace", Role.INSTRUCTOR);
        f.history(ada, MENU, ClassFixture.solution(MENU));
        f.history(bob, MENU, BOB);
    }

    /** Starts a job with {@code POST path} and waits for it to finish; returns the job page. */
    static String runJob(WebTests.Client client, String path) throws Exception {
        HttpResponse<String> start = client.post(path);
        assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
        assertThat(start.headers().firstValue("Location")).contains("/instructor/jobs");
        return await(client);
    }

    static String await(WebTests.Client client) throws Exception {
        for (int i = 0; i < 600; i++) {
            JsonNode j = JSON.readTree(client.get("/instructor/jobs/current.json").body());
            assertThat(j.path("state").asText()).isNotEqualTo("failed");
            if (j.path("state").asText().equals("done")) {
                assertThat(j.path("done").asInt()).isEqualTo(j.path("total").asInt());
                return client.get("/instructor/jobs").body();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the grading job did not finish in a minute");
    }

    private static byte[] jsonl(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) sb.append(JSON.createObjectNode().put("t", i * 1000L).put("cmd", lines.get(i))).append('\n');
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void grade_all_over_two_students_stores_grades_and_the_downloads_are_what_the_batch_grader_writes() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            String job = runJob(client, "/instructor/grade");
            assertThat(job).contains("Grade all #1").contains("Graded and stored 2 histories.");
            assertThat(f.gradeRows()).containsExactly("ada 01-the-menu 10/10", "bob 01-the-menu 4/10");
            List<String> stored = f.query(d -> d.query("SELECT history_sha || ' ' || engine || ' ' || score FROM grades ORDER BY id", rs -> rs.getString(1)));
            assertThat(stored.get(0)).isEqualTo(novalab.grader.CommandHistory.sha256(jsonl(ClassFixture.solution(MENU))) + " " + ReplayGrader.ENGINE_VERSION + " 1.0");
            assertThat(stored.get(1)).startsWith(novalab.grader.CommandHistory.sha256(jsonl(BOB))).endsWith(" 0.4");

            // what ./lab grade's own writers make of the same histories
            Catalog catalog = Catalog.load(ClassFixture.CONTENT);
            ReplayGrader grader = new ReplayGrader();
            GradeResult a = grader.grade(catalog.find(MENU).orElseThrow(), jsonl(ClassFixture.solution(MENU)));
            GradeResult b = grader.grade(catalog.find(MENU).orElseThrow(), jsonl(BOB));
            Map<String, Map<String, GradeResult>> expected = new TreeMap<>();
            expected.put("ada", new LinkedHashMap<>(Map.of(MENU, a)));
            expected.put("bob", new LinkedHashMap<>(Map.of(MENU, b)));

            HttpResponse<String> csv = client.get("/instructor/gradebook.csv");
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            assertThat(csv.body()).isEqualTo(CanvasCsv.write(catalog.exercises(), expected));
            assertThat(csv.body()).contains("ada,,,ada,,10,").contains("bob,,,bob,,4,");

            JsonNode results = JSON.readTree(client.get("/instructor/results.json").body());
            assertThat(ResultJson.write((com.fasterxml.jackson.databind.node.ObjectNode) results.get("ada"))).isEqualTo(ResultJson.write(ResultJson.gradescope(List.of(a))));
            assertThat(ResultJson.write((com.fasterxml.jackson.databind.node.ObjectNode) results.get("bob"))).isEqualTo(ResultJson.write(ResultJson.gradescope(List.of(b))));
            assertThat(results.get("bob").get("score").asDouble()).isEqualTo(4.0);
            assertThat(client.get("/instructor/students/" + bob.id() + "/results.json").body()).isEqualTo(ResultJson.write(ResultJson.gradescope(List.of(b))));

            HttpResponse<String> one = client.get("/instructor/students/" + bob.id() + "/exercises/" + MENU + "/results.json");
            assertThat(one.body()).isEqualTo(ResultJson.write(ResultJson.prairieLearn(b)));
            assertThat(client.get("/instructor/students/" + bob.id() + "/exercises/" + MENU).body()).contains("Stored grade: 4/10 (graded ");
            assertThat(client.get("/instructor/students/" + bob.id() + "/exercises/03-power-on/results.json").body())
                    .contains("bob has no stored grade for 03-power-on yet");

            String dash = client.get("/instructor").body();
            assertThat(dash).contains("✓</span> 10/10").contains("◐</span> 4/10").contains("—</span> not started")
                    .contains("<td>2 graded, mean 7.0/10</td>").contains("<td>none graded</td>");
            assertThat(dash).contains("m1.nebula_micro has 1 vCPU, 512 MB RAM and a 5 GB disk").contains("01-the-menu · micro-spec");
            assertThat(dash).contains("<code>openstack flavor create --vcpus 1 --ram 1024 --disk 5 m1.nebula_micro</code>");
            assertThat(dash).contains("<svg class=\"histogram\" role=\"img\"").contains("<title id=\"hist-title\">")
                    .contains("<caption>Students per score band</caption>");
        });
    }

    @Test
    void regrade_preview_shows_no_change_when_nothing_changed_and_explains_a_change_after_a_history_grows() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            runJob(client, "/instructor/grade");
            String same = runJob(client, "/instructor/regrade");
            assertThat(same).contains("Regrade preview #2").contains("No score would change").doesNotContain("Apply: store these grades");

            f.append(bob, MENU, List.of("openstack flavor delete m1.nebula_micro", "openstack flavor create --vcpus 1 --ram 512 --disk 5 m1.nebula_micro"));
            String preview = runJob(client, "/instructor/regrade");
            assertThat(preview).contains("1 of 2 grades would change").contains("<td>bob</td>").contains("<td>4/10</td><td>10/10</td>")
                    .contains("check micro-spec: failed 0/6 → passed 6/6").contains("the history changed (2 → 4 commands)")
                    .doesNotContain("<td>ada</td>");
            assertThat(f.gradeRows()).as("a preview stores nothing").hasSize(2);

            assertThat(client.post("/instructor/regrade/apply", "job", "3").statusCode()).isEqualTo(303);
            assertThat(client.get("/instructor/jobs").body()).contains("Applied: 2 grades stored (1 changed).");
            assertThat(f.gradeRows()).containsExactly("ada 01-the-menu 10/10", "bob 01-the-menu 4/10", "ada 01-the-menu 10/10", "bob 01-the-menu 10/10");
            assertThat(client.post("/instructor/regrade/apply", "job", "3").body()).contains("already applied");
            assertThat(client.get("/instructor").body()).doesNotContain("◐</span> 4/10");
            assertThat(runJob(client, "/instructor/regrade")).contains("No score would change");
        });
    }

    @Test
    void regrade_preview_explains_a_change_of_a_checks_points() throws Exception {
        Path content = data.resolve("content");
        try (Stream<Path> s = Files.walk(ClassFixture.CONTENT)) {
            for (Path p : s.toList()) {
                Path to = content.resolve(ClassFixture.CONTENT.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        System.setProperty("novalab.content", content.toString());
        try {
            WebTests.test(data, (app, client) -> {
                client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
                runJob(client, "/instructor/grade");
                Path checks = content.resolve(MENU).resolve("checks.json");
                Path info = content.resolve(MENU).resolve("info.json");
                Files.writeString(checks, Files.readString(checks).replace("\"public\": true,\n     \"points\": 2", "\"public\": true,\n     \"points\": 4"));
                Files.writeString(info, Files.readString(info).replace("\"points\": 10", "\"points\": 12"));
                String preview = runJob(client, "/instructor/regrade");
                assertThat(preview).contains("2 of 2 grades would change").contains("<td>10/10</td><td>12/12</td>").contains("<td>4/10</td><td>6/12</td>")
                        .contains("check micro-public: passed 2/2 → passed 4/4").doesNotContain("the history changed");
            });
        } finally {
            System.clearProperty("novalab.content");
        }
    }

    @Test
    void a_second_job_is_refused_while_one_runs_and_bad_input_gets_a_sentence() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            assertThat(client.get("/instructor/jobs").body()).contains("No grading job has run since the server started.");
            assertThat(client.post("/instructor/regrade/apply", "job", "1").body()).contains("no longer the latest job");
            assertThat(client.post("/instructor/regrade/apply", "job", "x").statusCode()).isEqualTo(400);
            client.post("/instructor/grade");
            HttpResponse<String> again = client.post("/instructor/grade");
            if (again.statusCode() == 400) assertThat(again.body()).contains("A grading job is already running");
            else assertThat(again.statusCode()).isEqualTo(303); // the first one was already done
            await(client);
            runJob(client, "/instructor/regrade");
        });
    }

    @Test
    void broken_exercise_content_fails_the_job_and_the_pages_with_a_sentence_not_a_stack_trace() throws Exception {
        Path content = data.resolve("broken");
        Files.createDirectories(content.resolve("01-the-menu"));
        Files.writeString(content.resolve("01-the-menu").resolve("info.json"), "{ not json");
        System.setProperty("novalab.content", content.toString());
        try {
            WebTests.test(data, (app, client) -> {
                client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
                HttpResponse<String> dash = client.get("/instructor");
                assertThat(dash.statusCode()).isEqualTo(503);
                assertThat(dash.body()).contains("The exercises could not be loaded").doesNotContain("Exception");
                client.post("/instructor/grade");
                for (int i = 0; i < 100 && !client.get("/instructor/jobs/current.json").body().contains("failed"); i++) Thread.sleep(100);
                assertThat(client.get("/instructor/jobs").body()).contains("State: <span id=\"job-state\">failed</span>")
                        .contains("The exercises could not be loaded:");
                assertThat(f.gradeRows()).isEmpty();
            });
        } finally {
            System.clearProperty("novalab.content");
        }
    }
}

package novalab.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import novalab.exercises.Catalog;
import novalab.grader.bench.GradeBench;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch command on 50 generated histories: the three outputs, Canvas's CSV shape, determinism and the regrade preview. */
class GradeAllTest {
    private static final Path CONTENT = Path.of("../content/week9/exercises");

    @TempDir
    static Path tmp;

    private static Path histories;
    private static Path first;
    private static String firstOut;

    @BeforeAll
    static void gradeFifty() throws IOException {
        histories = tmp.resolve("histories");
        GradeBench.writeHistories(Catalog.load(CONTENT), histories, 50, 40, 7);
        first = tmp.resolve("out1");
        firstOut = run("week9", "--histories", histories.toString(), "--out", first.toString(), "--content", CONTENT.toString(), "--jobs", "2");
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GradeAll.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void it_writes_the_canvas_csv_with_a_header_and_a_points_possible_row() throws IOException {
        List<String> lines = Files.readAllLines(first.resolve("grades.csv"));
        assertThat(lines.get(0)).isEqualTo("Student,ID,SIS User ID,SIS Login ID,Section,The menu: list the flavors and add m1.nebula_micro,"
                + "Keys and groups: nebula_key and the web security group,Power on: launch nebula_web_01,"
                + "\"Day 2: a floating IP, the console log and an SSH login\",\"Filters: GPU, aarch64 and zones, and two NoValidHost faults to fix\","
                + "Stack vs spread: switch the RAM weigher to stacking,\"Lifecycle: stop/start, shelve/unshelve, and what each frees\",Rosetta: the launch workflow again in aws ec2 and in az,"
                + "Write a filter: GPU hosts with RAM to spare (and an optional stacking weigher)");
        assertThat(lines.get(1)).isEqualTo("Points Possible,,,,,10,10,10,10,10,10,10,10,10");
        assertThat(lines).hasSize(2 + 6);
        assertThat(lines.get(2)).startsWith("s0001,,,s0001,,");
        assertThat(firstOut).startsWith("Graded 50 histories of 6 students in ");
    }

    @Test
    void it_writes_one_gradescope_results_file_per_student() throws IOException {
        try (Stream<Path> s = Files.list(first.resolve("results"))) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(6).first().isEqualTo("s0001.json");
        }
        String r = Files.readString(first.resolve("results/s0001.json"));
        assertThat(r).contains("\"score\" : ").contains("\"max_score\" : ").contains("\"visibility\" : \"visible\"")
                .contains("\"history_sha256\" : ");
    }

    @Test
    void the_report_has_pass_rates_divergences_and_a_histogram_image() throws IOException {
        String html = Files.readString(first.resolve("report.html"));
        assertThat(html).contains("<h2>Pass rates per check</h2>").contains("<h2>Most common first-divergence commands</h2>")
                .contains("<img alt=\"Histogram of students' total scores in percent, in ten bins\" src=\"data:image/svg+xml;base64,")
                .doesNotContain("<script");
    }

    @Test
    void grading_again_gives_the_same_bytes_and_a_preview_with_no_changes() throws IOException {
        Path second = tmp.resolve("out2");
        String out = run("week9", "--histories", histories.toString(), "--out", second.toString(), "--content", CONTENT.toString(),
                "--jobs", "1", "--compare", first.toString());
        assertThat(Files.readString(second.resolve("grades.csv"))).isEqualTo(Files.readString(first.resolve("grades.csv")));
        assertThat(Files.readString(second.resolve("report.html"))).isEqualTo(Files.readString(first.resolve("report.html")));
        assertThat(Files.readString(second.resolve("results/s0003.json"))).isEqualTo(Files.readString(first.resolve("results/s0003.json")));
        assertThat(out).contains("Regrade preview against " + first + ": 0 of 6 students change.");
    }

    @Test
    void the_regrade_preview_says_whose_score_changes_and_why() throws IOException {
        Path changed = tmp.resolve("changed");
        Path ex = changed.resolve("01-the-menu");
        Files.createDirectories(ex);
        Files.writeString(ex.resolve("s0001.txt"), "source admin-openrc.sh\nopenstack flavor create --vcpus 1 --ram 512 --disk 5 m1.nebula_micro\n");
        Files.writeString(ex.resolve("s0002.txt"), "source admin-openrc.sh\nopenstack flavor create --vcpus 1 --ram 256 --disk 5 m1.nebula_micro\n");
        Path a = tmp.resolve("regrade-a");
        run("week9", "--histories", changed.toString(), "--out", a.toString(), "--content", CONTENT.toString(), "--exercise", "01-the-menu");
        Files.writeString(ex.resolve("s0002.txt"), "source admin-openrc.sh\nopenstack flavor create --vcpus 1 --ram 512 --disk 5 m1.nebula_micro\n");
        Path b = tmp.resolve("regrade-b");
        String out = run("week9", "--histories", changed.toString(), "--out", b.toString(), "--content", CONTENT.toString(),
                "--exercise", "01-the-menu", "--compare", a.toString());
        assertThat(out).contains("1 of 2 students change.").contains("  s0002: 4 → 10 (01-the-menu/micro-spec 0 → 6)");
        assertThat(Files.readString(b.resolve("regrade-preview.txt"))).contains("s0002: 4 → 10");
    }

    @Test
    void usage_errors_get_the_commands_own_message_and_status_2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GradeAll.run(new String[] {"week9", "--out", "x"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("lab grade: --histories and --out are required\nusage: ./lab grade WEEK");
        ByteArrayOutputStream err2 = new ByteArrayOutputStream();
        assertThat(GradeAll.run(new String[] {"week9", "--histories", histories.toString(), "--out", "x", "--content", CONTENT.toString(),
                "--exercise", "99-nope"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err2, true, StandardCharsets.UTF_8), false)).isEqualTo(2);
        assertThat(err2.toString(StandardCharsets.UTF_8)).startsWith("lab grade: no exercise 99-nope (known: 01-the-menu,");
    }

    @Test
    void one_history_gives_prairielearns_results_json_on_stdout() throws IOException {
        Path h = tmp.resolve("one.txt");
        Files.writeString(h, "source admin-openrc.sh\nopenstack flavor create --vcpus 1 --ram 512 --disk 5 --private m1.nebula_micro\n");
        String json = run("week9", "--exercise", "01-the-menu", "--history", h.toString(), "--content", CONTENT.toString());
        assertThat(json).startsWith("{\n  \"gradable\" : true,\n  \"score\" : 0.8,")
                .contains("\"name\" : \"Hidden check 3\"").contains("\"diff\" : \"- reference: flavor m1.nebula_micro: 1 vCPU, 512 MB RAM, 5 GB disk, public\\n+ student:   flavor m1.nebula_micro: 1 vCPU, 512 MB RAM, 5 GB disk, private\\n\"");
    }

    @Test
    void a_folder_of_one_file_per_student_is_graded_against_every_exercise_with_a_progress_bar() throws IOException {
        Path flat = tmp.resolve("flat");
        Files.createDirectories(flat);
        Files.writeString(flat.resolve("alice.txt"), Files.readString(CONTENT.resolve("02-keys-and-groups/solution.txt")));
        Files.writeString(flat.resolve("bob.jsonl"), "");
        Path outDir = tmp.resolve("flat-out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = GradeAll.run(new String[] {"week9", "--histories", flat.toString(), "--out", outDir.toString(), "--content", CONTENT.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), true);
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("] 18/18  ETA 0:00");
        List<String> csv = Files.readAllLines(outDir.resolve("grades.csv"));
        assertThat(csv.get(2)).isEqualTo("alice,,,alice,,2,10,0,0,0,0,0,0,0");
        assertThat(csv.get(3)).isEqualTo("bob,,,bob,,,,,,,,,,");
        assertThat(Files.readString(outDir.resolve("report.html"))).contains("<h2>Not gradable</h2>")
                .contains("bob — 01-the-menu: the history is empty: no command was recorded");
    }
}

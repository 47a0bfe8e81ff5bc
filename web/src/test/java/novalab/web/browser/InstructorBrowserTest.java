package novalab.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * An instructor in a real (headless) chromium grades a class whose two students worked on exercise 01 in their
 * browsers: Grade all with its progress, the grid, a replay stepped through, gradebook.csv saved by the browser, a roster upload.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstructorBrowserTest {
    private static final String EXERCISE = ExerciseBrowserTest.EXERCISE;
    private static LabServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = LabServer.start("ada", "ben");
        browser = Browser.start(server.base());
        ExerciseBrowserTest.typeIntoExercise(browser, "ada", ExerciseBrowserTest.solution());
        ExerciseBrowserTest.typeIntoExercise(browser, "ben", ExerciseBrowserTest.PRIVATE_FLAVOR);
        browser.signIn("teacher", LabServer.PASSWORD, "/lessons");
        browser.find("header.top a[href='/instructor']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/instructor"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    /** The text of each student's cell for exercise 01 in the progress grid. */
    private static String cell(String student) {
        int column = browser.driver.findElements(By.cssSelector("table.grid thead th")).stream().map(WebElement::getText).toList().indexOf(EXERCISE);
        assertThat(column).as("a column for " + EXERCISE).isPositive();
        WebElement row = browser.find("table.grid tbody").findElements(By.tagName("tr")).stream()
                .filter(tr -> tr.findElement(By.tagName("th")).getText().startsWith(student + " ")).findFirst().orElseThrow();
        return row.findElements(By.xpath("./*")).get(column).getText();
    }

    @Test
    @Order(1)
    void grade_all_shows_the_jobs_progress_until_done_and_the_grid_then_shows_both_students() {
        assertThat(browser.find("h1").getText()).isEqualTo("Class dashboard");
        assertThat(cell("ada")).as("started, not graded yet").contains("·");
        browser.screenshot("instructor-dashboard-before");
        browser.find("form[action='/instructor/grade'] button[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/instructor/jobs"));
        // the page polls the job and reloads itself when it is over (a fast job may already be done on the first drawing)
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        browser.waitUntil(d -> {
            List<WebElement> state = d.findElements(By.id("job-state"));
            if (state.isEmpty()) return false;
            seen.add(state.get(0).getText() + " " + d.findElement(By.id("job-done")).getText());
            return state.get(0).getText().equals("done");
        });
        System.out.println("grading job states seen by the browser: " + seen);
        WebElement progress = browser.find("#job-progress");
        assertThat(progress.getAttribute("value")).isEqualTo(progress.getAttribute("max")).isEqualTo("2");
        assertThat(browser.find("#job-status").getText()).contains("State: done", "2 of 2 histories done");
        assertThat(browser.seriousViolations()).as("axe-core on instructor-job-done").isEmpty();
        assertThat(browser.tabWalk(80)).as("Tab stops without a visible focus on instructor-job-done").allMatch(Browser.Stop::visible);
        browser.screenshot("instructor-job-done");

        browser.find("nav.subnav a[href='/instructor']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/instructor"));
        assertThat(cell("ada")).isEqualTo("✓ 10/10");
        assertThat(cell("ben")).isEqualTo("◐ 8/10");
        assertThat(browser.find("main").getText()).contains("2 stored grades", "m1.nebula_micro is public");
        assertThat(browser.seriousViolations()).as("axe-core on instructor-dashboard-graded").isEmpty();
        browser.screenshot("instructor-dashboard-graded");
    }

    @Test
    @Order(2)
    void the_replay_viewer_steps_through_a_students_history_with_next_previous_and_the_step_box() {
        browser.find("table.grid a[href*='/exercises/" + EXERCISE + "']").click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("/exercises/" + EXERCISE));
        assertThat(browser.find("h1").getText()).isEqualTo("Replay: ada · " + EXERCISE);
        assertThat(browser.find("main").getText()).contains("4 commands", "Stored grade:");
        List<String> solution = List.of("source admin-openrc.sh", "openstack flavor list",
                "openstack flavor create --vcpus 1 --ram 512 --disk 5 --public m1.nebula_micro", "openstack flavor show m1.nebula_micro");

        // it opens on the last step, the state the grade saw
        assertThat(step()).isEqualTo("4");
        assertThat(browser.find("#step-command").getText()).isEqualTo(solution.get(3));
        assertThat(browser.find("pre.file").getText()).contains("m1.nebula_micro", "512");
        assertThat(browser.driver.findElements(By.cssSelector("nav.steps a[rel=next]"))).as("no Next after the last step").isEmpty();
        assertThat(browser.find("ol.history-list [aria-current=step]").getText()).isEqualTo(solution.get(3));
        step("prev");
        step("prev");
        assertThat(step()).isEqualTo("2");
        assertThat(browser.find("#step-command").getText()).isEqualTo(solution.get(1));
        assertThat(browser.find("pre.file").getText()).contains("m1.tiny").doesNotContain("m1.nebula_micro");
        step("next");
        assertThat(step()).isEqualTo("3");
        assertThat(browser.find("#step-command").getText()).isEqualTo(solution.get(2));

        // the step box, by keyboard: 0 is the starting state, and Next goes on to the first command
        WebElement box = browser.find("#step");
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0", Keys.ENTER);
        browser.waitUntil(d -> step().equals("0"));
        assertThat(browser.find("main").getText()).contains("The exercise's starting state");
        assertThat(browser.driver.findElements(By.cssSelector("nav.steps a[rel=prev]"))).as("no Previous before the first step").isEmpty();
        step("next");
        assertThat(browser.find("#step-command").getText()).isEqualTo(solution.get(0));
        assertThat(browser.seriousViolations()).as("axe-core on instructor-replay").isEmpty();
        assertThat(browser.tabWalk(80)).as("Tab stops without a visible focus on instructor-replay").allMatch(Browser.Stop::visible);
        browser.screenshot("instructor-replay");
    }

    /** Follows the replay's Next or Previous link ({@code rel} next or prev) and waits for the step to change. */
    private static void step(String rel) {
        String before = step();
        browser.find("nav.steps a[rel=" + rel + "]").click();
        browser.waitUntil(d -> !step().equals(before));
    }

    private static String step() {
        return browser.find("#step-number").getText();
    }

    @Test
    @Order(3)
    void gradebook_csv_is_saved_by_the_browser_with_both_students_scores() throws Exception {
        browser.find("header.top a[href='/instructor']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/instructor"));
        browser.find("a[href='/instructor/gradebook.csv']").click();
        Path saved = browser.downloaded("gradebook.csv");
        List<String> lines = Files.readAllLines(saved, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("Student,ID,SIS User ID,SIS Login ID,Section,").contains("The menu");
        assertThat(lines.get(1)).startsWith("Points Possible,,,,,10,");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ada,,,ada,,10,"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("ben,,,ben,,8,"));
    }

    @Test
    @Order(4)
    void a_roster_file_uploaded_through_the_form_creates_accounts_and_a_bad_one_adds_nobody() throws Exception {
        browser.find("nav.subnav a[href='/instructor/roster']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/instructor/roster"));
        Path dir = Files.createTempDirectory("novalab-roster-");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "name,password\nada,whatever-long-1\nfay,\n");
        browser.find("#roster").sendKeys(bad.toAbsolutePath().toString());
        browser.find("form[action='/instructor/roster'] button[type=submit]").click();
        WebElement errors = browser.waitUntil(d -> d.findElement(By.id("roster-errors")));
        assertThat(errors.getText()).startsWith("Nobody was added").contains("ada");
        assertThat(browser.seriousViolations()).as("axe-core on instructor-roster-refused").isEmpty();
        browser.screenshot("instructor-roster-refused");

        Path good = Files.writeString(dir.resolve("roster.csv"), "name,password,role\nfay,fay-has-a-long-password,student\ngus,,\n");
        browser.find("#csv").clear();
        browser.find("#roster").sendKeys(good.toAbsolutePath().toString());
        browser.find("form[action='/instructor/roster'] button[type=submit]").click();
        browser.waitUntil(d -> !d.findElements(By.id("created-heading")).isEmpty());
        List<List<String>> created = browser.find("table[aria-labelledby=created-heading] tbody").findElements(By.tagName("tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
        assertThat(created).extracting(r -> r.get(0)).containsExactly("fay", "gus");
        assertThat(created.get(0).get(2)).isEqualTo("(as given in the roster)");
        String generated = created.get(1).get(2);
        assertThat(generated).isNotBlank();
        assertThat(browser.find("table[aria-labelledby=accounts-heading]").getText()).contains("fay", "gus");
        assertThat(browser.seriousViolations()).as("axe-core on instructor-roster-imported").isEmpty();
        browser.screenshot("instructor-roster-imported");

        // the new student signs in with the generated password
        browser.signIn("gus", generated, "/lessons");
        assertThat(browser.find("header.top .signout span").getText()).isEqualTo("gus");
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

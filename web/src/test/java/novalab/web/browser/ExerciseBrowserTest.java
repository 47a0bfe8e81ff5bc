package novalab.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import novalab.web.exercise.Week9;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Students in a real (headless) chromium work on exercise 01 in its own terminal and press "Check my progress". */
class ExerciseBrowserTest {
    static final String EXERCISE = "01-the-menu";
    /** A wrong attempt: the right sizes, but a private flavor. */
    static final List<String> PRIVATE_FLAVOR = List.of("source admin-openrc.sh",
            "openstack flavor create --vcpus 1 --ram 512 --disk 5 --private m1.nebula_micro");

    private static LabServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = LabServer.start("ada", "ben");
        browser = Browser.start(server.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    /** The exercise's model solution, one command a line. */
    static List<String> solution() throws IOException {
        return Files.readAllLines(Week9.folder().resolve("exercises").resolve(EXERCISE).resolve("solution.txt")).stream()
                .filter(l -> !l.isBlank()).toList();
    }

    /** Signed in as {@code student}: opens /exercises, follows the link to exercise 01 and types {@code lines} into its terminal. */
    static void typeIntoExercise(Browser browser, String student, List<String> lines) {
        browser.signIn(student, LabServer.PASSWORD, "/exercises");
        browser.find("main a[href='/exercises/" + EXERCISE + "']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/exercises/" + EXERCISE));
        TerminalPane term = new TerminalPane(browser);
        for (String line : lines) term.run(line);
    }

    /** Presses "Check my progress" and waits for the results of the check. */
    static void checkMyProgress(Browser browser) {
        browser.find("#progress form button[type=submit]").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("#progress") && !d.findElements(By.cssSelector("#progress .score")).isEmpty());
    }

    static List<List<String>> checkRows(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#progress table.checks tbody tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    }

    @Test
    void a_student_types_the_solution_into_the_exercise_terminal_and_the_check_shows_every_visible_check_passing() throws IOException {
        typeIntoExercise(browser, "ada", solution());
        TerminalPane term = new TerminalPane(browser);
        assertThat(term.lastOutput()).contains("m1.nebula_micro", "512");
        assertThat(browser.find("#progress").getText()).doesNotContain("Last check");
        checkMyProgress(browser);
        assertThat(browser.find("#progress .score").getText()).startsWith("Last check: 8 of 8 points (100%)");
        List<List<String>> rows = checkRows(browser);
        assertThat(rows).hasSize(2).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("✓ passed"));
        assertThat(rows).extracting(r -> r.get(1)).containsExactly("m1.nebula_micro has 1 vCPU, 512 MB RAM and a 5 GB disk", "m1.nebula_micro is public");
        assertThat(rows).extracting(r -> r.get(2)).containsExactly("6 / 6", "2 / 2");
        assertThat(browser.find("#progress").getText()).contains("1 hidden check is graded too").doesNotContain("m1.tiny");
        assertThat(browser.find("#progress table.checks caption").getText()).contains("4 commands");
        assertThat(browser.find("section.hints").getText()).contains("A hint appears after each check that does not pass");
        assertThat(browser.seriousViolations()).as("axe-core on exercise-check-passed").isEmpty();
        browser.screenshot("exercise-check-passed");
        // the history's and reset's controls under the terminal are never covered by it when they get the keyboard focus
        @SuppressWarnings("unchecked")
        List<String> covered = (List<String>) browser.js("return [...document.querySelectorAll('section.history button, section.history input:not([type=hidden])')].filter(e => {"
                + " e.focus(); const r = e.getBoundingClientRect(); const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
                + " return !(top === e || e.contains(top) || (e.labels && [...e.labels].some(l => l.contains(top)))); })"
                + ".map(e => e.getAttribute('aria-label') || e.textContent || e.name);");
        assertThat(covered).as("controls covered by the terminal when focused").isEmpty();
        browser.find("form[action='/lab/reset'] input[name=confirm]").sendKeys(" ");
        browser.screenshot("exercise-reset-visible");

        browser.find("main a[href='/exercises']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/exercises"));
        WebElement row = browser.find("table.exlist a[href='/exercises/" + EXERCISE + "']").findElement(By.xpath("ancestor::tr"));
        assertThat(row.getText()).contains("8 of 8 points (100%)", "✓ all visible checks pass");
        browser.screenshot("exercises-after-check");
    }

    @Test
    void a_wrong_attempt_shows_the_failing_check_with_its_message_and_reveals_the_first_hint() {
        typeIntoExercise(browser, "ben", PRIVATE_FLAVOR);
        checkMyProgress(browser);
        assertThat(browser.find("#progress .score").getText()).startsWith("Last check: 6 of 8 points (75%)");
        List<List<String>> rows = checkRows(browser);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("✓ passed");
        assertThat(rows.get(1)).startsWith("✗ failed", "m1.nebula_micro is public", "0 / 2");
        assertThat(rows.get(1).get(3)).startsWith("m1.nebula_micro is missing or private, so the users of nebula_prod cannot pick it from the menu.")
                .contains("First divergence: command 2");
        List<WebElement> hints = browser.driver.findElements(By.cssSelector("section.hints li.hinttext"));
        assertThat(hints).hasSize(1);
        assertThat(hints.get(0).getText()).contains("only the cloud administrator may create them");
        assertThat(browser.find("section.hints").getText()).contains("1 of 3 hints shown");
        assertThat(browser.seriousViolations()).as("axe-core on exercise-check-failed").isEmpty();
        assertThat(browser.tabWalk(80)).as("Tab stops without a visible focus on exercise-check-failed").allMatch(Browser.Stop::visible);
        browser.screenshot("exercise-check-failed");

        // a second failing check reveals the next hint
        checkMyProgress(browser);
        browser.waitUntil(d -> d.findElements(By.cssSelector("section.hints li.hinttext")).size() == 2);
        assertThat(browser.find("section.hints").getText()).contains("2 of 3 hints shown");
    }
}

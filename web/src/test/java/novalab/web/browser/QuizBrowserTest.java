package novalab.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A student answers the section 2 checkpoint in a real (headless) chromium with scripts on: each answer comes back in
 * place (no page load), a wrong answer shows why and may be retried, a reflection saves itself, and My progress counts it all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuizBrowserTest {
    private static final String LESSON = "/lessons/02-component-anatomy";
    private static final String REFLECTION = "Any copy can answer any request: nothing about a client is kept between requests, "
            + "so a load balancer may send each one anywhere. <b>not bold</b>";
    private static LabServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = LabServer.start("eve");
        browser = Browser.start(server.base());
        browser.signIn("eve", LabServer.PASSWORD, LESSON);
        // a marker that a page load would wipe out: the answers must come back in place
        browser.js("window.novalabStayed = true;");
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    private static WebElement item(String id) {
        return browser.find("form#q-" + id);
    }

    /** Presses the item's Check button and waits for the item to be replaced by the server's answer. */
    private static WebElement check(String id) {
        WebElement old = item(id);
        old.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitUntil(d -> {
            try {
                old.isDisplayed();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                return true;
            }
        });
        return item(id);
    }

    private static String score() {
        return browser.find(".checkpoint h3 .score").getText();
    }

    private static void assertStillTheSamePage() {
        assertThat(browser.js("return window.novalabStayed === true;")).as("answered in place, without a page load").isEqualTo(true);
    }

    @Test
    @Order(1)
    void a_wrong_single_choice_answer_shows_the_rationale_and_a_retry_gets_it_right() {
        assertThat(score()).isEqualTo("(0 of 6 right)");
        item("s2-stateless").findElement(By.cssSelector("input[value='sticky']")).click();
        WebElement answered = check("s2-stateless");
        assertThat(answered.findElement(By.cssSelector(".verdict")).getText()).startsWith("✗ Not yet");
        assertThat(answered.findElement(By.cssSelector(".rationales")).getText())
                .contains("Sticky sessions are what a stateful service needs; nova-api does not need them.");
        assertThat(answered.findElement(By.cssSelector(".attempts")).getText()).isEqualTo("Attempts so far: 1. You may try again.");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("class")).as("the focus moves to the verdict").isEqualTo("verdict wrong");
        assertThat(answered.findElement(By.cssSelector("input[value='sticky']")).isSelected()).as("the last answer stays chosen").isTrue();
        assertThat(score()).isEqualTo("(0 of 6 right)");
        assertThat(browser.seriousViolations()).as("axe-core on quiz-wrong-answer").isEmpty();
        browser.screenshot("quiz-wrong-answer");

        // retry with the keyboard: Space on the right option, then Enter on Check
        WebElement right = item("s2-stateless").findElement(By.cssSelector("input[value='no-state']"));
        right.sendKeys(Keys.SPACE);
        assertThat(right.isSelected()).isTrue();
        WebElement old = item("s2-stateless");
        old.findElement(By.cssSelector("button[type=submit]")).sendKeys(Keys.ENTER);
        browser.waitUntil(d -> !d.findElements(By.cssSelector("form#q-s2-stateless .verdict.right")).isEmpty());
        answered = item("s2-stateless");
        assertThat(answered.findElement(By.cssSelector(".verdict")).getText()).startsWith("✓ Right");
        assertThat(answered.findElement(By.cssSelector(".attempts")).getText()).startsWith("Attempts so far: 2.");
        assertThat(score()).isEqualTo("(1 of 6 right)");
        assertStillTheSamePage();
    }

    @Test
    @Order(2)
    void an_ordering_item_refuses_a_half_answer_plainly_then_takes_the_right_order() {
        List<String> steps = List.of("keystone", "api", "conductor-asks", "scheduler", "conductor-casts", "compute");
        new Select(item("s2-boot-path").findElement(By.name("pos.keystone"))).selectByValue("1");
        WebElement form = item("s2-boot-path");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitUntil(d -> form.findElement(By.cssSelector(".feedback")).getText().startsWith("Give every step a position"));
        assertThat(form.findElement(By.cssSelector(".feedback")).getText()).isEqualTo("Give every step a position from 1 to 6 before pressing Check.");

        for (int i = 0; i < steps.size(); i++) {
            new Select(item("s2-boot-path").findElement(By.name("pos." + steps.get(i)))).selectByValue(String.valueOf(i + 1));
        }
        WebElement answered = check("s2-boot-path");
        assertThat(answered.findElement(By.cssSelector(".verdict")).getText()).startsWith("✓ Right");
        assertThat(new Select(answered.findElement(By.name("pos.compute"))).getFirstSelectedOption().getText()).isEqualTo("6");
        assertThat(score()).isEqualTo("(2 of 6 right)");
        browser.screenshot("quiz-ordering");
        assertStillTheSamePage();
    }

    @Test
    @Order(3)
    void a_matching_item_first_with_two_jobs_swapped_then_right() {
        Map<String, String> swapped = Map.of("api", "api", "scheduler", "conductor", "conductor", "scheduler", "compute", "compute");
        swapped.forEach((row, choice) -> new Select(item("s2-services").findElement(By.name("match." + row))).selectByValue(choice));
        WebElement answered = check("s2-services");
        assertThat(answered.findElement(By.cssSelector(".verdict")).getText()).startsWith("✗ Not yet");
        assertThat(answered.findElements(By.cssSelector(".rationales li.wrong"))).hasSize(2);
        for (String row : List.of("scheduler", "conductor")) {
            new Select(item("s2-services").findElement(By.name("match." + row))).selectByValue(row);
        }
        answered = check("s2-services");
        assertThat(answered.findElement(By.cssSelector(".verdict")).getText()).startsWith("✓ Right");
        assertThat(answered.findElements(By.cssSelector(".rationales li.wrong"))).isEmpty();
        assertThat(score()).isEqualTo("(3 of 6 right)");
        assertThat(browser.seriousViolations()).as("axe-core on quiz-matching").isEmpty();
        assertThat(browser.tabWalk(80)).as("Tab stops without a visible focus on quiz-matching").allMatch(Browser.Stop::visible);
        browser.screenshot("quiz-matching");
        assertStillTheSamePage();
    }

    @Test
    @Order(4)
    void a_reflection_saves_itself_while_typing_and_is_there_after_a_reload() {
        WebElement area = browser.find("#ra-r2-stateless");
        area.sendKeys(REFLECTION);
        WebElement saved = browser.find("#r-r2-stateless .saved");
        browser.waitUntil(d -> saved.getText().startsWith("Saved "));
        assertStillTheSamePage();
        browser.screenshot("quiz-reflection-saved");

        browser.driver.navigate().refresh();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("#ra-r2-stateless")).isEmpty());
        assertThat(browser.find("#ra-r2-stateless").getAttribute("value")).isEqualTo(REFLECTION);
        assertThat(browser.find("#r-r2-stateless .saved").getText()).startsWith("Saved ");
        assertThat(browser.find("#ra-r2-conductor").getAttribute("value")).isEmpty();
        assertThat(score()).isEqualTo("(3 of 6 right)");
        browser.js("window.novalabStayed = true;");
    }

    @Test
    @Order(5)
    void my_progress_shows_the_quiz_score_and_the_reflection_count() {
        browser.find("header.top a[href='/progress']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/progress"));
        WebElement row = browser.find("table.progress a[href^='" + LESSON + "']").findElement(By.xpath("ancestor::tr"));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        // right now, right at the first try, attempted, reflections answered
        assertThat(cells).containsExactly("3 of 6", "1 of 6", "3 of 6", "1 of 2");
        assertThat(browser.seriousViolations()).as("axe-core on progress-after-quiz").isEmpty();
        browser.screenshot("progress-after-quiz");
    }
}

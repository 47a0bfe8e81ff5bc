package novalab.web.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The terminal beside a lesson, on /lab and on /cloud, as a student uses it: typing, keys and what it prints. */
public final class TerminalPane {
    private final Browser browser;

    public TerminalPane(Browser browser) {
        this.browser = browser;
        browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-terminal][data-answers]")).isEmpty());
    }

    public WebElement input() {
        return browser.find("[data-terminal] input#terminal-line");
    }

    /** How many answers the terminal has had from the server since the page loaded. */
    public int answers() {
        return Integer.parseInt(browser.find("[data-terminal]").getAttribute("data-answers"));
    }

    /** Types {@code text} (and any keys) into the command line without pressing Enter. */
    public TerminalPane type(CharSequence... keys) {
        input().sendKeys(keys);
        return this;
    }

    /** Presses Enter and waits for the answer. */
    public TerminalPane enter() {
        int before = answers();
        input().sendKeys(Keys.ENTER);
        waitForAnswers(before + 1);
        return this;
    }

    /** Types {@code line}, presses Enter and waits for its answer. */
    public TerminalPane run(String line) {
        type(line);
        return enter();
    }

    public void waitForAnswers(int n) {
        browser.waitUntil(d -> answers() >= n);
    }

    /** Everything the terminal shows, as text. */
    public String screen() {
        return browser.find("[data-terminal] .terminal").getText();
    }

    /** The text of the last command's output. */
    public String lastOutput() {
        List<WebElement> out = browser.driver.findElements(By.cssSelector("[data-terminal] .terminal .output"));
        return out.isEmpty() ? "" : out.get(out.size() - 1).getText();
    }

    public String status() {
        return browser.find("[data-terminal] .statusline").getText();
    }

    /** The screen-reader tables the terminal drew for ASCII tables, each as rows of cells. */
    public List<List<List<String>>> accessibleTables() {
        @SuppressWarnings("unchecked")
        List<List<List<String>>> t = (List<List<List<String>>>) browser.js(
                "return Array.from(arguments[0].querySelectorAll('table')).map(t => Array.from(t.rows).map(r => Array.from(r.cells).map(c => c.textContent)));",
                browser.find("[data-terminal] .terminal"));
        return t;
    }
}

package novalab.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** A student in a real (headless) chromium: signs in, reads a lesson, types the cookbook, watches the host view, uses only the keyboard. */
class StudentBrowserTest {
    private static LabServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = LabServer.start("ada", "ben", "cy", "dee");
        browser = Browser.start(server.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void a_student_signs_in_through_the_form_and_a_wrong_password_is_told_plainly() {
        browser.driver.manage().deleteAllCookies();
        browser.open("/lab");
        browser.waitUntil(d -> d.getCurrentUrl().contains("/signin?next=%2Flab"));
        browser.find("#name").sendKeys("ada");
        browser.find("#password").sendKeys("not the password");
        browser.find("form[action='/signin'] button[type=submit]").click();
        assertThat(browser.waitUntil(d -> d.findElement(By.cssSelector("[role=alert]"))).getText())
                .isEqualTo("That user name and password do not match an account.");
        browser.screenshot("signin-refused");
        browser.signIn("ada", LabServer.PASSWORD, "/lab");
        assertThat(browser.find("header.top .signout span").getText()).isEqualTo("ada");
        assertThat(browser.find("h1").getText()).isEqualTo("Terminal");
    }

    @Test
    void a_lesson_code_block_runs_in_the_students_terminal_and_its_table_is_also_a_real_table() {
        browser.signIn("ada", LabServer.PASSWORD, "/lessons/05-operations-cookbook");
        TerminalPane term = new TerminalPane(browser);
        WebElement run = browser.find("button.run[data-cmd]");
        assertThat(run.getAttribute("data-cmd")).isEqualTo("source admin-openrc.sh\nopenstack flavor list\n");
        run.click();
        term.waitForAnswers(2);
        assertThat(term.screen()).contains("$ source admin-openrc.sh", "$ openstack flavor list", "m1.tiny");
        List<List<List<String>>> tables = term.accessibleTables();
        assertThat(tables).hasSize(1);
        assertThat(tables.get(0).get(0)).startsWith("ID", "Name", "RAM");
        assertThat(tables.get(0)).anySatisfy(row -> assertThat(row).contains("m1.tiny"));
        assertThat(browser.js("const t = document.querySelector('[data-terminal] .terminal table');"
                + "return t.tHead.rows[0].cells[0].tagName + ' ' + t.tHead.rows[0].cells[0].scope + ' ' + t.previousElementSibling.getAttribute('aria-hidden');"))
                .as("a header row of th scope=col, and the drawing hidden from screen readers").isEqualTo("TH col true");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("terminal-line");
        // two tables and plain text in one answer: each table its own <table>, the text stays text
        term.run("openstack image list; echo between; openstack network list -c Name; openstack flavor list -f value -c Name");
        assertThat(term.accessibleTables()).hasSize(3);
        assertThat(term.accessibleTables().get(2).get(0)).containsExactly("Name");
        assertThat(term.lastOutput()).contains("between", "cirros", "nebula_net", "m1.tiny");
        browser.screenshot("lesson-run-in-terminal");
    }

    @Test
    void the_section_5_cookbook_typed_key_by_key_with_history_recall_and_tab_completion() {
        browser.signIn("ben", LabServer.PASSWORD, "/lab");
        TerminalPane term = new TerminalPane(browser);
        term.run("source admin-openrc.sh").run("openstack flavor list");
        assertThat(term.lastOutput()).contains("m1.small");
        term.run("openstack flavor create --ram 256 --disk 1 --vcpus 1 m1.nebula_micro");
        // ↑ recalls the last line, ↑ again the one before it
        term.type(Keys.ARROW_UP, Keys.ARROW_UP);
        assertThat(term.input().getAttribute("value")).isEqualTo("openstack flavor list");
        term.enter();
        assertThat(term.lastOutput()).contains("m1.nebula_micro");
        // Tab completes a command name and a file name
        term.type("sour", Keys.TAB);
        browser.waitUntil(d -> term.input().getAttribute("value").equals("source "));
        term.type("nebula-o", Keys.TAB);
        browser.waitUntil(d -> term.input().getAttribute("value").equals("source nebula-openrc.sh "));
        term.enter();
        term.run("openstack keypair create nebula_key > nebula_key.pem");
        term.type("chmod 600 nebula_k", Keys.TAB);
        browser.waitUntil(d -> term.input().getAttribute("value").equals("chmod 600 nebula_key.pem "));
        term.enter();
        term.run("openstack security group create web --description 'Nebula web servers'")
                .run("openstack security group rule create --proto tcp --dst-port 22 web")
                .run("openstack security group rule create --protocol tcp --dst-port 80 web")
                .run("openstack server create --flavor m1.nebula_micro --image cirros --network nebula_net --key-name nebula_key --security-group web nebula_web_01 --wait");
        assertThat(term.lastOutput()).contains("ACTIVE");
        term.run("openstack floating ip create public")
                .run("FIP=$(openstack floating ip list -f value -c \"Floating IP Address\" | head -n 1)")
                .run("openstack server add floating ip nebula_web_01 $FIP")
                .run("ssh -i nebula_key.pem cirros@$FIP hostname");
        assertThat(term.lastOutput()).contains("nebula-web-01");
        // Tab completes openstack's command words and the names of the student's own resources
        term.type("openstack server sho", Keys.TAB);
        browser.waitUntil(d -> term.input().getAttribute("value").equals("openstack server show "));
        term.type("neb", Keys.TAB);
        browser.waitUntil(d -> term.input().getAttribute("value").equals("openstack server show nebula_web_01 "));
        term.type("-c status").enter();
        assertThat(term.lastOutput()).contains("ACTIVE");
        term.run("openstack server list");
        assertThat(term.lastOutput()).contains("nebula_web_01", "ACTIVE", "203.0.113.");
        assertThat(term.status()).contains("sandbox #", "17 commands", "exit status 0");
        // output is text, never markup
        term.run("echo '<img src=x onerror=alert(1)>'");
        assertThat(term.lastOutput()).isEqualTo("<img src=x onerror=alert(1)>");
        assertNoAlert();
        browser.screenshot("terminal-cookbook");
        browser.open("/lab");
        assertThat(browser.find(".history ol").getText()).contains("openstack server add floating ip nebula_web_01 $FIP");
    }

    @Test
    void the_host_view_changes_after_a_server_boots() {
        browser.signIn("cy", LabServer.PASSWORD, "/cloud");
        TerminalPane term = new TerminalPane(browser);
        assertThat(browser.find("#cloud-panel").getText()).contains("No server has been scheduled in this sandbox yet.");
        String before = browser.find("#cloud-panel svg").getAttribute("innerHTML");
        term.run("source nebula-openrc.sh").run("openstack server create --flavor m1.small --image cirros --network nebula_net --wait app1");
        browser.waitUntil(d -> d.findElement(By.id("cloud-panel")).getText().contains("Winner"));
        String after = browser.find("#cloud-panel svg").getAttribute("innerHTML");
        assertThat(after).isNotEqualTo(before).contains("app1");
        assertThat(browser.find("#cloud-panel").getText()).contains("Filters, in the order of enabled_filters");
        browser.screenshot("cloud-after-boot");
    }

    @Test
    void keyboard_only_reaches_the_terminal_and_the_main_controls_with_a_visible_focus() {
        browser.signIn("dee", LabServer.PASSWORD, "/lab");
        new TerminalPane(browser);
        List<Browser.Stop> stops = browser.tabWalk(24);
        List<String> order = stops.stream().map(Browser.Stop::what).toList();
        List<String> invisible = stops.stream().filter(st -> !st.visible()).map(Browser.Stop::what).toList();
        Actions keys = new Actions(browser.driver);
        assertThat(order.get(0)).isEqualTo("a:Skip to the content");
        assertThat(order).containsSubsequence("a:Lessons", "a:Terminal", "a:My cloud", "button:Sign out",
                "div:Terminal output", "input#terminal-line:line", "input:confirm", "button:Reset sandbox");
        assertThat(invisible).as("elements focused without a visible focus indicator").isEmpty();

        // back to the command line with Shift+Tab, run a command with the keyboard alone; Tab on an empty line moves on
        browser.find("#terminal-line").click();
        TerminalPane term = new TerminalPane(browser);
        keys.sendKeys("echo typed").perform();
        term.enter();
        assertThat(term.lastOutput()).isEqualTo("typed");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isNotEqualTo("terminal-line");
        browser.screenshot("keyboard-focus");
    }

    private static void assertNoAlert() {
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError("a script ran: an alert is open");
        } catch (NoAlertPresentException expected) {
            // good: nothing ran
        }
    }
}

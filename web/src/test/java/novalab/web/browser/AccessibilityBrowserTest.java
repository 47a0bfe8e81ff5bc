package novalab.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * axe-core and a Tab walk (a visible focus at every stop) on every main page of {@link Pages#MAIN} (with a sandbox that has a server, a scheduling
 * decision and tables in the terminal), failing on serious or critical violations; one screenshot per page.
 */
class AccessibilityBrowserTest {
    private static LabServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = LabServer.start("student");
        browser = Browser.start(server.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void every_main_page_passes_axe_core_without_serious_or_critical_violations() {
        browser.signIn("student", LabServer.PASSWORD, "/lab");
        new TerminalPane(browser).run("source nebula-openrc.sh").run("openstack server create --flavor m1.tiny --image cirros --network nebula_net --wait web1");
        List<String> serious = new ArrayList<>();
        List<String> minor = new ArrayList<>();
        String who = "student";
        for (Pages.Page page : Pages.MAIN) {
            if (!page.who().equals(who)) {
                if (page.who().isEmpty()) browser.driver.manage().deleteAllCookies();
                else browser.signIn(page.who(), LabServer.PASSWORD, "/lessons");
                who = page.who();
            }
            browser.open(page.path());
            browser.waitUntil(d -> !d.findElements(By.cssSelector(page.ready())).isEmpty());
            if (page.path().equals("/lab") || page.path().equals("/cloud")) {
                // a command with an ASCII table, so the screen-reader table is checked too
                new TerminalPane(browser).run("openstack server list");
                browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-terminal] table")).isEmpty());
            }
            for (Browser.Violation v : browser.axe()) (v.serious() ? serious : minor).add(page.name() + ": " + v);
            List<Browser.Stop> stops = browser.tabWalk(80);
            assertThat(stops).as(page.name() + ": the first Tab stop").first().extracting(Browser.Stop::what).isEqualTo("a:Skip to the content");
            stops.stream().filter(st -> !st.visible()).forEach(st -> serious.add(page.name() + ": no visible focus on " + st.what()));
            browser.screenshot(page.name());
        }
        minor.forEach(m -> System.out.println("axe (moderate/minor): " + m));
        assertThat(serious).as("serious or critical axe-core violations").isEmpty();
    }
}

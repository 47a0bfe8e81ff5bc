package novalab.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * In a real (headless) chromium: an exercise's host view and last decision redraw after each command in its terminal,
 * and a request the student's own openstack client makes appears in the open terminal without a reload.
 */
class LiveViewsBrowserTest {
    private static final Pattern AUTH_URL = Pattern.compile("auth_url: (http://127\\.0\\.0\\.1:\\d+/sandbox/[0-9a-f]{32})/identity/v3\n");
    private static LabServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = LabServer.start("ada");
        browser = Browser.start(server.base());
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void the_filters_exercise_redraws_its_hosts_and_decision_after_a_command() {
        browser.signIn("ada", LabServer.PASSWORD, "/exercises/05-filters");
        assertThat(browser.find("#cloud-panel").getText()).contains("No valid host");
        new TerminalPane(browser).run("source admin-openrc.sh")
                .run("openstack server create --flavor m1.small --image cirros --network nebula_net --availability-zone az1 --wait nebula_az1");
        browser.waitUntil(d -> d.findElement(By.cssSelector("#cloud-panel")).getText().contains("nebula_az1 (active)"));
        assertThat(browser.find("#cloud-panel").getText()).contains("Winner:", "AvailabilityZoneFilter");
        browser.js("document.getElementById('exercise-cloud-h').scrollIntoView();");
        browser.screenshot("exercise-05-live-panel");
        browser.find("a[href='/cloud?sandbox=05-filters']").click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/cloud?sandbox=05-filters"));
        assertThat(browser.find("main h1").getText()).isEqualTo("My cloud: the sandbox of exercise 05-filters");
        assertThat(browser.find("#cloud-diagrams").getText()).contains("nebula_az1", "nebula_big");
    }

    @Test
    void a_request_of_the_students_own_client_appears_in_the_open_terminal_without_a_reload() throws Exception {
        browser.signIn("ada", LabServer.PASSWORD, "/lab");
        TerminalPane term = new TerminalPane(browser).run("source nebula-openrc.sh");
        String yaml = (String) browser.js("return fetch('/cloud/credentials/clouds.yaml').then(r => r.text());");
        Matcher m = AUTH_URL.matcher(yaml);
        assertThat(m.find()).as(yaml).isTrue();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1) + "/identity/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "nebula_admin",
                 "domain": {"name": "Default"}, "password": "N3bulaPass"}}},
                 "scope": {"project": {"name": "nebula_prod", "domain": {"name": "Default"}}}}}""")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        // the 5-second poll (the page is visible) brings it in
        browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-terminal] .terminal [data-request]")).isEmpty());
        assertThat(browser.find("[data-terminal] .terminal [data-request]").getText()).startsWith("⇄ __api POST /identity/v3/auth/tokens");
        assertThat(term.status()).contains("· 2 commands");
        // after the next command it is still shown once, and the typed command is not repeated
        term.run("openstack server list");
        browser.waitUntil(d -> "3".equals(d.findElement(By.cssSelector("[data-terminal]")).getAttribute("data-synced")));
        assertThat(browser.driver.findElements(By.cssSelector("[data-terminal] .terminal [data-request]"))).hasSize(1);
        assertThat(term.screen().split("openstack server list", -1)).hasSize(2);
        browser.screenshot("terminal-client-request");
    }
}

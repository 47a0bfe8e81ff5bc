package novalab.web.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.account.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayViewerTest {
    private static final String POWER_ON = "03-power-on";
    @TempDir Path data;

    /** The RAM used on every host, as the page's host table shows it. */
    private static int ramUsed(String page) {
        Matcher m = Pattern.compile("<td>(\\d+) of \\d+</td><td>\\d+ of \\d+</td>").matcher(page);
        int sum = 0;
        while (m.find()) sum += Integer.parseInt(m.group(1));
        return sum;
    }

    @Test
    void step_n_shows_command_n_its_output_and_the_cloud_after_it() throws Exception {
        ClassFixture f = new ClassFixture(data);
        User ada = f.add("ada", Role.STUDENT);
        f.add("grace", Role.INSTRUCTOR);
        List<String> lines = List.of("source nebula-openrc.sh",
                "openstack server create --flavor m1.nebula_micro --image cirros --network nebula_net --key-name nebula_key --security-group web nebula_web_01 --wait",
                "openstack server list -f value -c Name -c Status", "openstack server delete nebula_web_01 --wait", "echo '<script>alert(1)</script>'");
        f.history(ada, POWER_ON, lines);
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            String base = "/instructor/students/" + ada.id() + "/exercises/" + POWER_ON;

            String start = client.get(base + "?step=0").body();
            assertThat(start).contains("Step <span id=\"step-number\">0</span>").contains("starting state").contains("No servers.");
            int idle = ramUsed(start);

            String one = client.get(base + "?step=1").body();
            assertThat(one).contains("<code id=\"step-command\">source nebula-openrc.sh</code>").contains("No servers.")
                    .contains("href=\"" + base + "?step=0\" rel=\"prev\"").contains("href=\"" + base + "?step=2\" rel=\"next\"");

            String two = client.get(base + "?step=2").body();
            assertThat(two).contains("<code id=\"step-command\">openstack server create --flavor m1.nebula_micro")
                    .containsPattern("<tr><td>nebula_web_01</td><td>ACTIVE</td><td>compute\\d</td><td>m1.nebula_micro</td></tr>");
            assertThat(ramUsed(two)).isEqualTo(idle + 512);

            String three = client.get(base + "?step=3").body();
            assertThat(three).contains("nebula_web_01 ACTIVE");

            String four = client.get(base + "?step=4").body();
            assertThat(four).contains("No servers.");
            assertThat(ramUsed(four)).isEqualTo(idle);

            String last = client.get(base).body();
            assertThat(last).contains("Step <span id=\"step-number\">5</span>").contains("<span>Next →</span>")
                    .doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");

            HttpResponse<String> bad = client.get(base + "?step=9");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("Pick a step from 0 (the starting state) to 5 (got 9).");
            assertThat(client.get(base + "?step=x").statusCode()).isEqualTo(400);
            assertThat(client.get("/instructor/students/" + ada.id() + "/exercises/01-the-menu").body()).contains("ada has not started 01-the-menu yet");
            assertThat(client.get("/instructor/students/999/exercises/01-the-menu").statusCode()).isEqualTo(404);
            assertThat(client.get("/instructor/students/" + ada.id() + "/exercises/nope").body()).contains("There is no exercise called 'nope'.");
        });
    }

    @Test
    void a_request_of_the_students_own_client_is_replayed_through_the_wire_api() throws Exception {
        ClassFixture f = new ClassFixture(data);
        User ada = f.add("ada", Role.STUDENT);
        f.add("grace", Role.INSTRUCTOR);
        f.history(ada, "01-the-menu", List.of("__api GET /identity/v3", "__api GET /compute/v2.1/flavors"));
        WebTests.test(data, (app, client) -> {
            client.signIn("grace", ClassFixture.INSTRUCTOR_PW);
            String base = "/instructor/students/" + ada.id() + "/exercises/01-the-menu";
            assertThat(client.get(base + "?step=1").body()).contains("(exit status 0)").contains("HTTP 200");
            assertThat(client.get(base + "?step=2").body()).contains("(exit status 1)").contains("HTTP 401");
        });
    }
}

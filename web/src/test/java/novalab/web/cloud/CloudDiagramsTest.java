package novalab.web.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.web.Role;
import novalab.web.WebTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudDiagramsTest {
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse", Role.STUDENT, "bob", "battery staple");
    }

    private static String run(WebTests.Client client, String line) throws Exception {
        HttpResponse<String> r = client.postJson("/lab/run", "line", line);
        assertThat(r.statusCode()).as(line).isEqualTo(200);
        assertThat(r.body()).as(line + " -> " + r.body()).contains("\"status\":0");
        return r.body();
    }

    private static void cookbook(WebTests.Client client) throws Exception {
        run(client, "source nebula-openrc.sh");
        run(client, "openstack keypair create nebula_key > nebula_key.pem");
        run(client, "chmod 600 nebula_key.pem");
        run(client, "openstack security group create web --description 'Nebula web servers'");
        run(client, "openstack security group rule create --proto tcp --dst-port 22 web");
        run(client, "openstack server create --flavor m1.tiny --image cirros --network nebula_net --key-name nebula_key --security-group web web1 --wait");
        run(client, "openstack floating ip create public --floating-ip-address 203.0.113.50");
        run(client, "openstack server add floating ip web1 203.0.113.50");
    }

    private static String uuidOf(String body, String name) {
        Matcher m = Pattern.compile("href=\"/cloud/servers/([0-9a-f-]{36})\">" + Pattern.quote(name) + "</a>").matcher(body);
        assertThat(m.find()).as("a link to " + name).isTrue();
        return m.group(1);
    }

    @Test
    void after_the_cookbook_the_flow_lifecycle_and_reach_are_drawn() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String empty = client.get("/cloud").body();
            assertThat(empty).contains("<h2 id=\"flow\">Request flow</h2>", "No request has gone through nova-api", "No servers in this sandbox yet.");
            cookbook(client);
            // a rule for the workstation alone: 443 gets in from there (nothing listens: refused) but not from elsewhere
            run(client, "openstack security group rule create --proto tcp --dst-port 443 --remote-ip 198.51.100.23/32 web");
            String page = client.get("/cloud").body();
            Files.writeString(Path.of("target/cloud-diagrams.html"), page);
            assertThat(page).contains("href=\"#flow\"", "href=\"#lifecycles\"", "href=\"#security\"", "data-refresh=\"/cloud/diagrams\"");
            String d = client.get("/cloud/diagrams").body();
            // the sequence diagram: select_destinations is a call with a reply, build_and_run_instance a cast to the chosen host
            assertThat(d).contains("<svg class=\"flow\" role=\"img\"", "<title id=\"flow-t\">Sequence diagram of request req-")
                    .contains("<th scope=\"row\">3. select_destinations [call]</th><td>RPC call</td>")
                    .contains("<th scope=\"row\">reply to select_destinations</th><td>reply</td>")
                    .contains("build_and_run_instance [cast]</th><td>RPC cast</td>")
                    .contains("spawn: defineXML + createWithFlags [libvirt]")
                    .contains("<td>nova-conductor</td><td>nova-compute (compute1)</td>")
                    .doesNotContain("reply to build_and_run_instance");
            assertThat(d).containsPattern("<g class=\"msg cast\">\\s*<line [^>]*stroke-dasharray=\"9 5\"[^>]*marker-end=\"url\\(#flow-open\\)\"")
                    .containsPattern("<g class=\"msg call\">\\s*<line [^>]*marker-end=\"url\\(#flow-solid\\)\"")
                    .containsPattern("<text [^>]*>3\\. select_destinations \\[call\\]</text>")
                    .contains("<text x=\"", ">cast (no reply)</text>");
            // the lifecycle: ACTIVE is current, with a thick border and the word
            assertThat(d).contains("<svg class=\"lifecycle\" role=\"img\"", "Now <strong>ACTIVE</strong>", "Path: BUILD → ACTIVE.",
                    "★ current", "<th scope=\"row\">ACTIVE (current)</th>");
            assertThat(d).containsPattern("<g class=\"state current\">\\s*<rect [^>]*stroke-width=\"4\"[^>]*/>\\s*<text [^>]*>ACTIVE</text>");
            // reachability: 22/tcp by the web group's rule, 80/tcp by none
            assertThat(d).contains("<svg class=\"reach\" role=\"img\"", "<h3>web1 (203.0.113.50)</h3>")
                    .containsPattern("<th scope=\"row\">22/tcp</th><td>reachable</td><td>group web: ingress tcp 22 from 0\\.0\\.0\\.0/0 \\(anywhere\\) \\(rule [0-9a-f]{8}\\)</td>")
                    .contains("<th scope=\"row\">80/tcp</th><td>blocked</td><td>no rule allows it</td>")
                    .containsPattern("<th scope=\"row\">22/tcp</th>.*<td>let in by group web: ingress tcp 22 from 0\\.0\\.0\\.0/0 \\(anywhere\\) \\(rule [0-9a-f]{8}\\)</td></tr>")
                    .contains("<th scope=\"row\">ICMP (ping)</th><td>blocked</td><td>no rule allows it</td>")
                    .containsPattern("<th scope=\"row\">443/tcp</th><td>refused</td><td>group web: ingress tcp 443 from 198\\.51\\.100\\.23/32 \\(rule [0-9a-f]{8}\\)</td>"
                            + "<td>let in, but nothing listens on the port: connection refused</td><td>no rule allows it</td></tr>")
                    .contains("<caption>Security group web (\"Nebula web servers\"): used by web1</caption>");

            String id = uuidOf(d, "web1");
            run(client, "openstack server stop web1");
            run(client, "sleep 5");
            String after = client.get("/cloud/servers/" + id + "/diagrams").body();
            assertThat(after).contains("Now <strong>SHUTOFF</strong>", "Path: BUILD → ACTIVE → SHUTOFF.", "stop (step 2)",
                    "<th scope=\"row\">SHUTOFF (current)</th>")
                    .containsPattern("<g class=\"state current\">\\s*<rect [^>]*stroke-width=\"4\"[^>]*/>\\s*<text [^>]*>SHUTOFF</text>")
                    // the server's own latest request: the stop, cast straight from nova-api to its host
                    .contains("1. POST /servers/" + id.substring(0, 8) + "…/action (stop) [HTTP]")
                    .contains("2. stop_instance [cast]</th><td>RPC cast</td>")
                    .contains("power_off: shutdown [libvirt]")
                    .contains("<th scope=\"row\">22/tcp</th><td>no answer</td>");
            // the server's requests, newest first: the stop is shown, the create is a link to its own flow
            assertThat(after).containsPattern("<strong aria-current=\"true\">stop <code>req-[0-9a-f-]+</code> \\(shown\\)</strong>")
                    .containsPattern("<a href=\"/cloud/servers/" + id + "\\?request=req-[0-9a-f-]+#flow\">create <code>");
            Matcher create = Pattern.compile("\\?request=(req-[0-9a-f-]+)#flow\">create").matcher(after);
            assertThat(create.find()).isTrue();
            String createFlow = client.get("/cloud/servers/" + id + "?request=" + create.group(1)).body();
            assertThat(createFlow).contains("data-refresh=\"/cloud/servers/" + id + "/diagrams?request=" + create.group(1) + "\"",
                    "<strong aria-current=\"true\">create <code>" + create.group(1) + "</code> (shown)</strong>",
                    "4. build_and_run_instance [cast]");
            HttpResponse<String> wrong = client.get("/cloud/servers/" + id + "/diagrams?request=req-nope");
            assertThat(wrong.statusCode()).isEqualTo(400);
            assertThat(wrong.body()).contains("Server web1 has no request req-nope.");
            String serverPage = client.get("/cloud/servers/" + id).body();
            Files.writeString(Path.of("target/cloud-server.html"), serverPage);
            assertThat(serverPage).contains("<h1>Server web1</h1>", "data-refresh=\"/cloud/servers/" + id + "/diagrams\"", "Lifecycle of server web1");

            // start and shelve: with shelved_offload_time = 0 the server goes straight on to SHELVED_OFFLOADED
            run(client, "openstack server start web1");
            run(client, "sleep 5");
            run(client, "openstack server reboot web1");
            run(client, "sleep 6");
            run(client, "openstack server shelve web1");
            run(client, "sleep 10");
            String shelved = client.get("/cloud/servers/web1/diagrams").body();
            assertThat(shelved).contains("Path: BUILD → ACTIVE → SHUTOFF → ACTIVE → SHELVED → SHELVED_OFFLOADED.", "stop (step 2)", "start (step 3)",
                            "shelve (step 4)", "offload (step 5)", "reboot (taken)", "<td>rebooting</td>", "Now <strong>SHELVED_OFFLOADED</strong>")
                    .containsSubsequence("shelve_instance [cast]", "power_off: shutdown [libvirt]", "destroy: destroy + undefine [libvirt]");

            HttpResponse<String> unknown = client.get("/cloud/servers/no-such-server");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("There is no server no-such-server in your sandbox.");
        });
    }

    @Test
    void a_boot_that_finds_no_valid_host_shows_the_cell0_path() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "source admin-openrc.sh");
            run(client, "openstack flavor create --ram 20480 --disk 10 --vcpus 4 m1.huge");
            run(client, "openstack server create --flavor m1.huge --image cirros --network nebula_net big --wait");
            String d = client.get("/cloud/diagrams").body();
            Files.writeString(Path.of("target/cloud-novalidhost.html"), d);
            assertThat(d).contains("<strong>No valid host</strong>: the conductor buried the instance in cell0")
                    .contains("<th scope=\"row\">3. select_destinations [call]</th>")
                    .contains("<th scope=\"row\">raises NoValidHost</th><td>reply</td>")
                    .contains("bury in cell0: instance ERROR [DB]</th><td>database write</td>")
                    .contains(">cell0 DB</text>")
                    .doesNotContain("build_and_run_instance")
                    .contains("Now <strong>ERROR</strong>", "Path: BUILD → ERROR.", "NoValidHost / failed (step 1)");
        });
    }

    @Test
    void a_cold_migration_draws_both_hosts_and_the_verify_resize_step() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "source admin-openrc.sh");
            run(client, "openstack server create --flavor m1.tiny --image cirros --network nebula_net m --wait");
            run(client, "openstack server migrate --wait m");
            String d = client.get("/cloud/diagrams").body();
            Files.writeString(Path.of("target/cloud-migrate.html"), d);
            // nova-api waits on the conductor (a call) while it asks the scheduler and casts prep_resize to the new host
            assertThat(d).containsSubsequence("2. migrate_server [call]", "3. select_destinations [call]", "reply to select_destinations",
                    "4. prep_resize [cast]", "reply to migrate_server", "resize_instance [cast]", "finish_resize [cast]");
            assertThat(d).containsPattern(">nova-compute</text>\\s*<text [^>]*>on compute1</text>")
                    .containsPattern(">nova-compute</text>\\s*<text [^>]*>on compute2</text>")
                    .contains("Now <strong>VERIFY_RESIZE</strong>", "Path: BUILD → ACTIVE → VERIFY_RESIZE.", "migrate / resize (step 2)");
            run(client, "openstack server migrate confirm m");
            run(client, "sleep 3");
            assertThat(client.get("/cloud/diagrams").body()).contains("Path: BUILD → ACTIVE → VERIFY_RESIZE → ACTIVE.", "confirm / revert (step 3)",
                    "confirm_resize [cast]");
        });
    }

    @Test
    void every_view_answers_after_each_command_of_a_busy_session() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String[] lines = {
                "source admin-openrc.sh",
                "openstack server create --flavor m1.tiny --image cirros --network nebula_net a",
                "openstack server delete a",
                "openstack server create --flavor m1.tiny --image cirros --network nebula_net b --wait",
                "openstack server reboot b", "sleep 1", "openstack server reboot --hard b", "sleep 6",
                "openstack server migrate --wait b", "openstack server migrate revert b", "sleep 5",
                "openstack server stop b", "sleep 5", "openstack server shelve b", "sleep 12", "openstack server unshelve b", "sleep 12",
                "openstack server delete b", "sleep 3",
                "openstack server create --flavor m1.tiny --image no-such-image --network nebula_net c",
                "openstack server stop nothing-here",
            };
            java.util.Set<String> seen = new java.util.LinkedHashSet<>();
            for (String line : lines) {
                client.postJson("/lab/run", "line", line);
                HttpResponse<String> all = client.get("/cloud/diagrams");
                assertThat(all.statusCode()).as(line).isEqualTo(200);
                Matcher m = Pattern.compile("href=\"/cloud/servers/([0-9a-f-]{36})\"").matcher(all.body());
                while (m.find()) {
                    seen.add(m.group(1));
                    assertThat(client.get("/cloud/servers/" + m.group(1)).statusCode()).as(line).isEqualTo(200);
                }
                assertThat(client.get("/cloud").statusCode()).as(line).isEqualTo(200);
            }
            assertThat(client.get("/cloud/diagrams").body()).contains("No servers in this sandbox yet.");
            // a deleted server still has its page, its path ending in DELETED (the one deleted while still a build request may be
            // gone altogether, as in Nova, if the simulated clock had not yet let the conductor place it)
            assertThat(seen).hasSize(2);
            for (String id : seen) {
                HttpResponse<String> gone = client.get("/cloud/servers/" + id + "/diagrams");
                if (gone.statusCode() == 404 && id.equals(seen.iterator().next())) {
                    assertThat(gone.body()).contains("There is no server " + id + " in your sandbox.");
                    continue;
                }
                assertThat(gone.statusCode()).isEqualTo(200);
                assertThat(gone.body()).contains("Now <strong>DELETED</strong>").containsPattern("Path: BUILD → .*DELETED\\.");
            }
        });
    }

    @Test
    void names_with_markup_come_back_escaped_inside_the_svg() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "source nebula-openrc.sh");
            run(client, "openstack security group create '<b>sg</b>'");
            run(client, "openstack server create --flavor m1.tiny --image cirros --network nebula_net --security-group '<b>sg</b>' '<script>alert(1)</script>' --wait");
            String d = client.get("/cloud/diagrams").body();
            assertThat(d).doesNotContain("<script>", "<b>sg</b>")
                    .contains("<title id=\"lc-t-", "Lifecycle of server &lt;script&gt;alert(1)&lt;/script&gt;: now ACTIVE</title>")
                    .contains("What reaches server &lt;script&gt;alert(1)&lt;/script&gt; from your workstation</title>")
                    .contains("&lt;b&gt;sg&lt;/b&gt;");
        });
    }

    @Test
    void a_student_cannot_open_another_students_server() throws Exception {
        String[] id = new String[1];
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            run(client, "source nebula-openrc.sh");
            run(client, "openstack server create --flavor m1.tiny --image cirros --network nebula_net mine --wait");
            id[0] = uuidOf(client.get("/cloud/diagrams").body(), "mine");
            assertThat(client.get("/cloud/servers/" + id[0]).statusCode()).isEqualTo(200);
            WebTests.Client other = new WebTests.Client("http://127.0.0.1:" + app.port());
            other.signIn("bob", "battery staple");
            HttpResponse<String> r = other.get("/cloud/servers/" + id[0] + "/diagrams");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("There is no server " + id[0] + " in your sandbox.").doesNotContain("mine");
        });
    }
}

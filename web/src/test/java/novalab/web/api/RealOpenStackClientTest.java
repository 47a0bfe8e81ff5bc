package novalab.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real python-openstackclient 6.0 ({@code /usr/bin/openstack}) runs the section-5 cookbook against a sandbox
 * served over HTTP on loopback, and what it shows equals what the lab's own {@code openstack} shows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealOpenStackClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Sandbox box;
    static OpenStackApiServer server;
    static RealClient osc;
    static final List<String> recorded = new ArrayList<>();
    static String floatingIp = "";

    @BeforeAll
    static void start() throws Exception {
        box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; });
        server = OpenStackApiServer.create(0, SandboxDirectory.of(Map.of("s1", box)),
                (id, at, call, resp) -> recorded.add(id + " " + call.historyLine() + " -> " + resp.status()));
        osc = new RealClient(server.authUrl("s1"), "nebula_admin", "N3bulaPass", "nebula_prod");
        assertThat(box.run("source nebula-openrc.sh").status()).isZero();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (box != null) box.close();
    }

    private static RealClient.Result ok(String... args) throws Exception {
        RealClient.Result r = osc.run(args);
        assertThat(r.status()).as("openstack %s\nstdout: %s\nstderr: %s", String.join(" ", args), r.stdout(), r.stderr()).isZero();
        return r;
    }

    private static String lab(String line) {
        ExecResult r = box.run(line);
        assertThat(r.status()).as("lab: %s\n%s", line, r.output()).isZero();
        return r.stdout();
    }

    /** Parses a {@code -f json} listing and keeps the given columns of each row. */
    private static List<Map<String, Object>> columns(String json, String... cols) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode row : JSON.readTree(json)) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            for (String c : cols) m.put(c, JSON.treeToValue(row.get(c), Object.class));
            out.add(m);
        }
        return out;
    }

    @Test
    @Order(1)
    void flavorListPrintsTheScenarioFlavorsAsTheLabDoes() throws Exception {
        String table = ok("flavor", "list").stdout();
        assertThat(table).contains("| ID | Name      |   RAM | Disk | Ephemeral | VCPUs | Is Public |")
                .contains("| 1  | m1.tiny   |   512 |    1 |         0 |     1 | True      |");
        String[] cols = {"ID", "Name", "RAM", "Disk", "Ephemeral", "VCPUs", "Is Public"};
        assertThat(columns(ok("flavor", "list", "-f", "json").stdout(), cols))
                .isEqualTo(columns(lab("openstack flavor list -f json"), cols)).isNotEmpty();
    }

    @Test
    @Order(2)
    void theDownloadableCloudsYamlWorksWithOsCloud() throws Exception {
        RealClient viaYaml = new RealClient(OpenStackApi.cloudsYaml("nova-lab", server.baseUrl("s1"), "nebula_admin", "N3bulaPass",
                "nebula_prod"), "nova-lab");
        RealClient.Result r = viaYaml.run("image", "list", "-f", "value", "-c", "Name");
        assertThat(r.status()).as(r.stderr()).isZero();
        assertThat(r.stdout()).startsWith("cirros\n");
        assertThat(OpenStackApi.openrc(server.baseUrl("s1"), "nebula_admin", "N3bulaPass", "nebula_prod"))
                .contains("export OS_AUTH_URL=" + server.authUrl("s1") + "\n");
    }

    @Test
    @Order(2)
    void keypairCreatePrintsOnlyThePrivateKey() throws Exception {
        String pem = ok("keypair", "create", "nebula_key").stdout();
        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----").contains("-----END RSA PRIVATE KEY-----");
        assertThat(lab("openstack keypair list -f value -c Name")).contains("nebula_key");
    }

    @Test
    @Order(3)
    void securityGroupAndSshRuleAreCreatedInNeutron() throws Exception {
        assertThat(ok("security", "group", "create", "web", "--description", "Nebula web servers").stdout())
                .contains("| name            | web").contains("direction='egress', ethertype='IPv4'");
        String rule = ok("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22", "web").stdout();
        assertThat(rule).contains("| port_range_max          | 22").contains("| remote_ip_prefix        | 0.0.0.0/0");
        assertThat(lab("openstack security group rule list web -f value -c 'Port Range'")).contains("22:22");
    }

    @Test
    @Order(4)
    void serverCreateWaitsUntilActive() throws Exception {
        String out = ok("server", "create", "--flavor", "m1.tiny", "--image", "cirros", "--network", "nebula_net",
                "--key-name", "nebula_key", "--security-group", "web", "nebula_web_01", "--wait").stdout();
        assertThat(out).containsPattern("\\| status +\\| ACTIVE").containsPattern("\\| flavor +\\| m1.tiny \\(1\\)")
                .containsPattern("\\| addresses +\\| nebula_net=10\\.10\\.10\\.\\d+").containsPattern("\\| security_groups +\\| name='web'");
        assertThat(lab("openstack server show nebula_web_01 -f value -c status")).isEqualTo("ACTIVE\n");
    }

    @Test
    @Order(5)
    void floatingIpIsCreatedAndAttached() throws Exception {
        floatingIp = ok("floating", "ip", "create", "public", "-f", "value", "-c", "floating_ip_address").stdout().strip();
        assertThat(floatingIp).matches("203\\.0\\.113\\.\\d+");
        assertThat(ok("server", "add", "floating", "ip", "nebula_web_01", floatingIp).stdout()).isEmpty();
        JsonNode show = JSON.readTree(ok("server", "show", "nebula_web_01", "-f", "json").stdout());
        assertThat(show.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(show.path("addresses").path("nebula_net").toString()).contains(floatingIp);
        assertThat(show.path("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
        assertThat(lab("openstack floating ip list -f value -c 'Floating IP Address' -c 'Fixed IP Address'"))
                .isEqualTo(floatingIp + " " + show.path("addresses").path("nebula_net").get(0).asText() + "\n");
    }

    @Test
    @Order(6)
    void consoleLogShowPrintsTheGuestConsole() throws Exception {
        String out = ok("console", "log", "show", "nebula_web_01", "--lines", "5").stdout();
        assertThat(out).contains("login as 'cirros' user");
        assertThat(out.split("\n", -1).length).isLessThanOrEqualTo(6);
    }

    @Test
    @Order(7)
    void serverListAndShowEqualTheLabsColumnByColumn() throws Exception {
        String[] cols = {"ID", "Name", "Status", "Networks", "Image", "Flavor"};
        assertThat(columns(ok("server", "list", "-f", "json").stdout(), cols))
                .isEqualTo(columns(lab("openstack server list -f json"), cols)).hasSize(1);
        JsonNode real = JSON.readTree(ok("server", "show", "nebula_web_01", "-f", "json").stdout());
        JsonNode mine = JSON.readTree(lab("openstack server show nebula_web_01 -f json"));
        for (String f : List.of("id", "name", "status", "flavor", "image", "key_name", "addresses", "security_groups",
                "OS-EXT-STS:vm_state", "OS-EXT-STS:power_state", "OS-EXT-STS:task_state", "OS-EXT-AZ:availability_zone",
                "project_id", "user_id", "hostId", "created", "OS-SRV-USG:launched_at")) {
            assertThat(real.get(f)).as(f).isEqualTo(mine.get(f));
        }
    }

    /** The rows of an OSC table as cells, border lines dropped. */
    private static List<List<String>> cells(String table) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : table.split("\n")) {
            if (!line.startsWith("|")) continue;
            List<String> row = new ArrayList<>();
            for (String c : line.substring(1, line.length() - 1).split("\\|", -1)) row.add(c.strip());
            rows.add(row);
        }
        return rows;
    }

    @Test
    @Order(7)
    void theTablesAPersonReadsEqualTheLabsCellByCell() throws Exception {
        for (String cmd : List.of("server list", "flavor list", "server show nebula_web_01", "server list --long")) {
            String real = ok(cmd.split(" ")).stdout();
            String mine = lab("openstack " + cmd);
            List<List<String>> realCells = cells(real);
            List<List<String>> labCells = cells(mine);
            assertThat(realCells).as(cmd + "\nreal:\n" + real + "\nlab:\n" + mine).hasSameSizeAs(labCells).isNotEmpty();
            for (int i = 0; i < realCells.size(); i++) {
                assertThat(realCells.get(i)).as(cmd + ", row " + i + " (the header is row 0)").isEqualTo(labCells.get(i));
            }
        }
    }

    @Test
    @Order(7)
    void otherListingsEqualTheLabsColumnByColumn() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (String cmd : List.of("image list", "network list", "subnet list", "router list", "security group list",
                "security group rule list web", "floating ip list", "keypair list", "port list", "limits show --absolute")) {
            String real = ok((cmd + " -f json").split(" ")).stdout();
            String mine = lab("openstack " + cmd + " -f json");
            if (!JSON.readTree(real).equals(JSON.readTree(mine))) mismatches.add(cmd + "\nreal: " + real + "\nlab:  " + mine);
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    @Order(8)
    void stopShelveAndUnshelveMoveTheServerThroughItsStates() throws Exception {
        ok("server", "stop", "nebula_web_01");
        ok("server", "show", "nebula_web_01");
        assertThat(ok("server", "show", "nebula_web_01", "-f", "value", "-c", "status").stdout()).isEqualTo("SHUTOFF\n");
        ok("server", "shelve", "nebula_web_01", "--wait");
        assertThat(ok("server", "show", "nebula_web_01", "-f", "value", "-c", "status").stdout()).startsWith("SHELVED");
        ok("server", "unshelve", "nebula_web_01", "--wait");
        assertThat(ok("server", "show", "nebula_web_01", "-f", "value", "-c", "status").stdout()).isEqualTo("ACTIVE\n");
    }

    @Test
    @Order(9)
    void lookupsOfMissingThingsFailAsOscDoes() throws Exception {
        RealClient.Result r = osc.run("server", "show", "nosuch");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).contains("No server with a name or ID of 'nosuch' exists.");
        RealClient.Result f = osc.run("flavor", "show", "nosuch");
        assertThat(f.status()).isEqualTo(1);
        assertThat(f.stderr()).contains("nosuch");
    }

    @Test
    @Order(10)
    void serverDeleteWaitsUntilTheServerIsGone() throws Exception {
        ok("server", "delete", "nebula_web_01", "--wait");
        assertThat(ok("server", "list", "-f", "value").stdout()).isEmpty();
        assertThat(lab("openstack server list -f value")).isEmpty();
        assertThat(recorded).anyMatch(l -> l.startsWith("s1 __api POST /identity/v3/auth/tokens "))
                .anyMatch(l -> l.startsWith("s1 __api DELETE /compute/v2.1/servers/"))
                .noneMatch(l -> l.endsWith("-> 500"));
    }

    @Test
    @Order(11)
    void adminViewsWorkForTheCloudAdmin() throws Exception {
        RealClient admin = new RealClient(server.authUrl("s1"), "admin", "Adm1nSecret", "admin");
        String hv = admin.run("hypervisor", "list").stdout();
        assertThat(hv).contains("compute1").contains("compute4");
        RealClient.Result svc = admin.run("compute", "service", "list", "-f", "json");
        assertThat(svc.status()).as(svc.stderr()).isZero();
        assertThat(svc.stdout()).contains("nova-compute").contains("nova-scheduler");
        RealClient.Result az = admin.run("availability", "zone", "list");
        assertThat(az.status()).as(az.stderr()).isZero();
        assertThat(az.stdout()).contains("az1").contains("az2");
        RealClient.Result hs = admin.run("hypervisor", "show", "compute1", "-f", "json");
        assertThat(hs.status()).as(hs.stderr()).isZero();
        assertThat(JSON.readTree(hs.stdout()).path("hypervisor_hostname").asText()).isEqualTo("compute1");
        RealClient.Result fc = admin.run("flavor", "create", "--ram", "256", "--disk", "1", "--vcpus", "1", "--property",
                "hw:cpu_policy=shared", "m1.nebula_micro", "-f", "json");
        assertThat(fc.status()).as(fc.stderr()).isZero();
        assertThat(fc.stdout()).contains("m1.nebula_micro").contains("hw:cpu_policy");
        lab("source admin-openrc.sh");
        List<String> mismatches = new ArrayList<>();
        for (String cmd : List.of("hypervisor list --long", "compute service list", "availability zone list --long", "aggregate list",
                "project list", "user list", "flavor list --long", "server list --long --all-projects", "image list --long")) {
            RealClient.Result real = admin.run((cmd + " -f json").split(" "));
            String mine = lab("openstack " + cmd + " -f json");
            if (real.status() != 0 || !JSON.readTree(real.stdout()).equals(JSON.readTree(mine))) {
                mismatches.add(cmd + "\nreal: " + real.stdout() + real.stderr() + "\nlab:  " + mine);
            }
        }
        assertThat(mismatches).isEmpty();
        RealClient.Result projects = admin.run("project", "list", "-f", "value", "-c", "Name");
        assertThat(projects.stdout()).isEqualTo("admin\nservice\nnebula_prod\n");
        RealClient.Result quota = admin.run("quota", "show", "-f", "json");
        assertThat(quota.status()).as(quota.stderr()).isZero();
        JsonNode q = JSON.readTree(quota.stdout());
        JsonNode mine = JSON.readTree(lab("openstack quota show -f json"));
        for (String f : List.of("cores", "instances", "ram", "key-pairs", "secgroups", "secgroup-rules", "ports", "floating-ips")) {
            assertThat(q.get(f)).as(f).isEqualTo(mine.get(f));
        }
    }
}

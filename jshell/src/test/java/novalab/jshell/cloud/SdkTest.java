package novalab.jshell.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import novalab.engine.Sandbox;
import novalab.jshell.JShellPool;
import novalab.jshell.PoolConfig;
import novalab.jshell.SnippetResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK's nouns against a real sandbox: what Java does, the openstack CLI on the same sandbox sees, and the history records. */
class SdkTest {
    static JShellPool pool;
    Sandbox box = Sandbox.create(c -> c.driver = "fake");
    List<String> history = new ArrayList<>();
    WireTransport transport = WireTransport.local(box, (at, call, r) -> history.add(call.historyLine()));

    @BeforeAll
    static void start() {
        pool = JShellPool.start(PoolConfig.defaults().withMaxJvms(2));
    }

    @AfterAll
    static void stop() {
        pool.close();
    }

    private String value(String owner, String snippet) {
        SnippetResult r = pool.eval(owner, snippet, transport);
        assertThat(r.outcome()).as(snippet + "\n" + r.text()).isEqualTo(SnippetResult.Outcome.OK);
        return r.lastValue().orElse("");
    }

    private String cli(String line) {
        synchronized (box) {
            return box.run("source nebula-openrc.sh; " + line).output();
        }
    }

    @Test
    void serversBootStopStartAndGoAsTheCliSeesThem() {
        pool.reset("sdk1");
        assertThat(value("sdk1", "cloud.flavors().stream().map(Flavor::name).toList()")).contains("m1.tiny", "m1.small");
        assertThat(value("sdk1", "cloud.images().stream().map(Image::name).toList()")).contains("cirros");
        assertThat(value("sdk1", "cloud.servers().create(\"api1\", \"m1.tiny\", \"cirros\", \"nebula_net\").status()")).isEqualTo("\"BUILD\"");
        assertThat(value("sdk1", "cloud.servers().waitFor(\"api1\").status()")).isEqualTo("\"ACTIVE\"");
        assertThat(cli("openstack server list -c Name -c Status -f value")).contains("api1 ACTIVE");
        value("sdk1", "cloud.servers().stop(\"api1\")");
        assertThat(value("sdk1", "cloud.servers().waitFor(\"api1\").status()")).isEqualTo("\"SHUTOFF\"");
        assertThat(cli("openstack server show api1 -c status -f value")).contains("SHUTOFF");
        value("sdk1", "cloud.servers().start(\"api1\")");
        assertThat(value("sdk1", "cloud.servers().waitFor(\"api1\").status()")).isEqualTo("\"ACTIVE\"");
        assertThat(value("sdk1", "cloud.scheduler().lastDecision().map(Decision::chosen).orElse(\"none\")")).matches("\"compute[1-4]\"");
        assertThat(value("sdk1", "String gone = cloud.servers().get(\"api1\").id(); cloud.servers().delete(gone); int status = 0; "
                + "try { cloud.servers().waitFor(gone); } catch (CloudException e) { status = e.status(); } status")).isEqualTo("404");
        assertThat(cli("openstack server list -f value -c Name")).doesNotContain("api1");
        assertThat(history).anyMatch(l -> l.startsWith("__api POST /compute/v2.1/servers/") && l.endsWith("/action x-auth-token="
                + l.replaceAll(".*x-auth-token=(\\S+).*", "$1") + " x-openstack-nova-api-version=2.47 -- {\"os-stop\": null}"));
        assertThat(history).anyMatch(l -> l.startsWith("__api DELETE /compute/v2.1/servers/"));
    }

    @Test
    void securityGroupsRulesAndKeypairsAreTheCloudsOwn() {
        pool.reset("sdk2");
        value("sdk2", "cloud.securityGroups().create(\"web\", \"http in\")");
        assertThat(value("sdk2", "cloud.securityGroups().addRule(\"web\", \"tcp\", 80, 80, \"0.0.0.0/0\").portRangeMin()")).isEqualTo("\"80\"");
        assertThat(cli("openstack security group rule list web -f value -c \"Port Range\"")).contains("80:80");
        assertThat(value("sdk2", "cloud.keypairs().create(\"k1\").name()")).isEqualTo("\"k1\"");
        assertThat(cli("openstack keypair list -f value -c Name")).contains("k1");
        assertThat(value("sdk2", "cloud.keypairs().list().size()")).isEqualTo("1");
    }

    @Test
    void mistakesComeBackAsTheCloudsOwnMessages() {
        pool.reset("sdk3");
        SnippetResult unknown = pool.eval("sdk3", "cloud.servers().create(\"x\", \"m1.enormous\", \"cirros\", \"nebula_net\")", transport);
        assertThat(unknown.text()).contains("|  Exception java.lang.IllegalArgumentException: No flavor with a name or ID of 'm1.enormous' exists.");
        SnippetResult admin = pool.eval("sdk3", "cloud.hypervisors()", transport);
        assertThat(admin.text()).contains("CloudException: HTTP 403: Policy doesn't allow os_compute_api:os-hypervisors:list-detail to be performed.");
        assertThat(value("sdk3", "Cloud.connect(\"admin\").hypervisors().stream().map(Hypervisor::name).sorted().toList()"))
                .isEqualTo("[compute1, compute2, compute3, compute4]");
        assertThat(history).anyMatch(l -> l.startsWith("__api POST /identity/v3/auth/tokens") && l.contains("\"name\": \"admin\""));
        assertThat(pool.eval("sdk3", "Cloud.connect(\"root\")", transport).text()).contains("No cloud named 'root'");
        SnippetResult none = pool.eval("sdk3", "cloud.scheduler().lastDecision()", transport);
        assertThat(none.lastValue()).contains("Optional.empty");
    }
}

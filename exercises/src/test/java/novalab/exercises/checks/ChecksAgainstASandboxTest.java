package novalab.exercises.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The check vocabulary evaluated against a real sandbox driven through the student's shell. */
class ChecksAgainstASandboxTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");
    private final Probe probe = new Probe(box.cloud());

    @AfterEach
    void close() { box.close(); }

    private static CheckInfo info() { return new CheckInfo("c", "n", 1, "m", "", Visibility.VISIBLE); }

    private void ok(String line) {
        ExecResult r = box.run(line);
        assertThat(r.status()).as(line + "\n" + r.output()).isZero();
    }

    @Test
    void an_ingress_rule_covers_a_port_inside_its_range_from_a_narrower_cidr_only() {
        ok("source nebula-openrc.sh");
        ok("openstack security group create web");
        ok("openstack security group rule create --protocol tcp --dst-port 20:25 --remote-ip 10.0.0.0/8 web");
        assertThat(new IngressRule(info(), "web", "nebula_prod", "tcp", 22, "10.1.0.0/16").evaluate(probe).passed()).isTrue();
        Observation wide = new IngressRule(info(), "web", "nebula_prod", "tcp", 22, "0.0.0.0/0").evaluate(probe);
        assertThat(wide.passed()).isFalse();
        assertThat(wide.observed()).isEqualTo("group web (nebula_prod) ingress: tcp/20-25 from 10.0.0.0/8");
        assertThat(new IngressRule(info(), "web", "admin", "tcp", 22, "10.1.0.0/16").evaluate(probe).observed())
                .isEqualTo("no security group web in project admin");
    }

    @Test
    void evaluating_checks_draws_no_ids_and_changes_nothing() {
        ok("source nebula-openrc.sh");
        ok("openstack server create --flavor m1.tiny --image cirros --network nebula_net a --wait");
        String before = box.cloud().ids().uuid();
        Sandbox twin = Sandbox.create(c -> c.driver = "fake");
        twin.run("source nebula-openrc.sh");
        twin.run("openstack server create --flavor m1.tiny --image cirros --network nebula_net a --wait");
        Probe p = new Probe(twin.cloud());
        new ServerHas(info(), "a", Optional.empty(), Map.of("status", "ACTIVE", "network", "nebula_net")).evaluate(p);
        new FloatingIpAttached(info(), "a").evaluate(p);
        new IngressRule(info(), "default", "nebula_prod", "tcp", 22, "0.0.0.0/0").evaluate(p);
        new FloatingIps(info(), "nebula_prod", 1, 0).evaluate(p);
        assertThat(twin.cloud().ids().uuid()).isEqualTo(before);
        twin.close();
    }

    @Test
    void a_server_check_reports_each_stated_property() {
        ok("source nebula-openrc.sh");
        ok("openstack server create --flavor m1.tiny --image cirros --network nebula_net a --wait");
        Observation o = new ServerHas(info(), "a", Optional.empty(), Map.of("status", "ACTIVE", "flavor", "m1.small")).evaluate(probe);
        assertThat(o.passed()).isFalse();
        assertThat(o.observed()).isEqualTo("a: status=ACTIVE flavor=m1.tiny");
        assertThat(new ServerHas(info(), "b", Optional.empty(), Map.of("status", "ACTIVE")).evaluate(probe).observed())
                .isEqualTo("no server named b");
    }

    @Test
    void spreading_uses_several_hosts_and_stacking_one() {
        ok("source admin-openrc.sh");
        for (String n : List.of("s1", "s2", "s3")) ok("openstack server create --flavor m1.small --image cirros --network nebula_net " + n + " --wait");
        assertThat(new Placement(info(), List.of("s1", "s2", "s3"), Placement.Mode.SPREAD).evaluate(probe).passed()).isTrue();
        Observation stack = new Placement(info(), List.of("s1", "s2", "s3"), Placement.Mode.STACK).evaluate(probe);
        assertThat(stack.passed()).isFalse();
        assertThat(stack.observed()).isEqualTo("s1@compute1, s2@compute3, s3@compute1");
    }

    @Test
    void curl_and_ssh_checks_run_the_real_commands_from_a_fresh_workstation_shell() {
        ok("source nebula-openrc.sh");
        ok("openstack keypair create k > k.pem && chmod 600 k.pem");
        ok("openstack security group create web");
        ok("openstack security group rule create --protocol tcp --dst-port 22 web");
        ok("openstack security group rule create --protocol tcp --dst-port 80 web");
        ok("openstack server create --flavor m1.small --image ubuntu-22.04 --key-name k --security-group web w --wait");
        ok("IP=$(openstack floating ip create public -f value -c floating_ip_address)");
        assertThat(new FloatingIpAttached(info(), "w").evaluate(probe)).isEqualTo(Observation.fail("w: floating IPs none"));
        assertThat(new FloatingIps(info(), "nebula_prod", 1, 0).evaluate(probe)).isEqualTo(
                Observation.fail("nebula_prod: 0 floating IPs attached, 1 unattached"));
        ok("openstack server add floating ip w $IP");
        assertThat(new FloatingIpAttached(info(), "w").evaluate(probe).passed()).isTrue();
        assertThat(new FloatingIps(info(), "nebula_prod", 1, 0).evaluate(probe).passed()).isTrue();
        Reachable curl = new Reachable(info(), "w", "curl", "ubuntu", "", 80);
        Observation refused = curl.evaluate(probe);
        assertThat(refused.passed()).isFalse();
        assertThat(refused.observed()).startsWith("curl -s -m 10 -o /dev/null http://<floating ip>/: exit 7");
        ok("ssh -i k.pem ubuntu@$IP sudo apt-get install -y nginx");
        assertThat(curl.evaluate(probe).passed()).isTrue();
        assertThat(new Reachable(info(), "w", "ssh", "ubuntu", "k.pem", 22).evaluate(probe).passed()).isTrue();
        assertThat(new Reachable(info(), "w", "ssh", "root", "k.pem", 22).evaluate(probe).passed()).isFalse();
        assertThat(box.run("echo $IP").stdout()).startsWith("203.0.113.");
    }

    @Test
    void nova_conf_checks_read_the_file_or_what_the_services_loaded() {
        ok("ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier -2.0");
        NovaConfOption file = new NovaConfOption(info(), "filter_scheduler", "ram_weight_multiplier", Optional.empty(), Optional.of(0.0), Optional.empty(), false);
        NovaConfOption running = new NovaConfOption(info(), "filter_scheduler", "ram_weight_multiplier", Optional.empty(), Optional.of(0.0), Optional.empty(), true);
        assertThat(file.evaluate(probe).passed()).isTrue();
        assertThat(running.evaluate(probe)).isEqualTo(Observation.fail("[filter_scheduler] ram_weight_multiplier = 1.0 (loaded by the running services)"));
        ok("ssh controller systemctl restart nova-scheduler");
        assertThat(running.evaluate(probe).passed()).isTrue();
    }

    @Test
    void keypairs_files_services_and_actions() {
        ok("source nebula-openrc.sh");
        ok("openstack keypair create k > k.pem");
        assertThat(new KeypairOf(info(), "k", "nebula_admin").evaluate(probe).passed()).isTrue();
        assertThat(new KeypairOf(info(), "k", "admin").evaluate(probe).observed()).isEqualTo("keypair k of user admin: absent (exists for nebula_admin)");
        assertThat(new WorkstationFile(info(), "k.pem", Optional.of("600"), Optional.of("PRIVATE KEY")).evaluate(probe).observed())
                .isEqualTo("~/k.pem: mode 644, has \"PRIVATE KEY\"");
        ok("source admin-openrc.sh");
        ok("openstack compute service set --disable compute2 nova-compute");
        assertThat(new ServiceStatus(info(), "compute2", "nova-compute", "enabled").evaluate(probe).observed()).isEqualTo("nova-compute on compute2: disabled");
        ok("openstack server create --flavor m1.tiny --image cirros --network nebula_net a --wait");
        ok("openstack server stop a");
        ok("sleep 5");
        ok("openstack server start a");
        ok("sleep 5");
        Observation acts = new ServerActions(info(), "a", List.of("stop", "start")).evaluate(probe);
        assertThat(acts).isEqualTo(Observation.pass("a actions: create, stop, start"));
        assertThat(new ServerActions(info(), "a", List.of("start", "stop")).evaluate(probe).passed()).isFalse();
    }
}

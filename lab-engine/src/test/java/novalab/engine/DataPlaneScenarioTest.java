package novalab.engine;

import static novalab.engine.Scripts.ok;
import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ssh, curl and ping from the workstation obey floating IPs, server state and security groups, live. */
class DataPlaneScenarioTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");
    private String ip;

    @BeforeEach
    void launch() {
        ok(box, "source nebula-openrc.sh");
        ok(box, "openstack keypair create k > k.pem && chmod 600 k.pem");
        ok(box, "openstack security group create web");
        ok(box, "openstack server create --flavor m1.small --image ubuntu-22.04 --key-name k --security-group web web1 --wait");
        ip = ok(box, "openstack floating ip create public -f value -c floating_ip_address").stdout().trim();
        ok(box, "openstack server add floating ip web1 " + ip);
    }

    @AfterEach
    void close() { box.close(); }

    @Test
    void blocked_ssh_times_out_until_a_rule_opens_port_22_and_then_works_at_once() {
        long before = box.cloud().nowMs();
        ExecResult blocked = box.run("ssh -i k.pem ubuntu@" + ip + " hostname");
        assertThat(blocked.status()).isEqualTo(255);
        assertThat(blocked.stderr()).isEqualTo("ssh: connect to host " + ip + " port 22: Connection timed out\n");
        assertThat(box.cloud().nowMs() - before).isGreaterThanOrEqualTo(120_000);
        ok(box, "openstack security group rule create --protocol tcp --dst-port 22 web");
        assertThat(ok(box, "ssh -i k.pem ubuntu@" + ip + " hostname").stdout()).isEqualTo("web1\n");
    }

    @Test
    void a_wrong_key_or_user_is_refused_like_openssh_does() {
        ok(box, "openstack security group rule create --protocol tcp --dst-port 22 web");
        ok(box, "ssh-keygen -q -t ed25519 -f other -N ''");
        ExecResult wrongKey = box.run("ssh -i other ubuntu@" + ip + " true");
        assertThat(wrongKey.status()).isEqualTo(255);
        assertThat(wrongKey.stderr()).endsWith("ubuntu@" + ip + ": Permission denied (publickey).\n");
        ExecResult root = box.run("ssh -i k.pem root@" + ip + " true");
        assertThat(root.stdout()).isEqualTo("Please login as the user \"ubuntu\" rather than the user \"root\".\n\n");
    }

    @Test
    void inside_the_guest_the_student_sees_its_name_user_os_address_and_injected_key() {
        ok(box, "openstack security group rule create --protocol tcp --dst-port 22 web");
        ok(box, "ssh -i k.pem ubuntu@" + ip);
        assertThat(box.shell().prompt()).isEqualTo("ubuntu@web1:~$ ");
        assertThat(ok(box, "whoami").stdout()).isEqualTo("ubuntu\n");
        assertThat(ok(box, "uname -a").stdout()).startsWith("Linux web1 5.15.0-");
        assertThat(ok(box, "cat /etc/os-release").stdout()).contains("VERSION_ID=\"22.04\"");
        assertThat(ok(box, "ip addr").stdout()).contains("inet 10.10.10.100/24");
        String key = ok(box, "cat ~/.ssh/authorized_keys").stdout();
        ok(box, "exit");
        assertThat(box.shell().prompt()).isEqualTo("student@workstation:~$ ");
        assertThat(key).isEqualTo(ok(box, "openstack keypair show k --public-key").stdout());
    }

    @Test
    void curl_is_refused_until_nginx_runs_and_ping_needs_an_icmp_rule() {
        ok(box, "openstack security group rule create --protocol tcp --dst-port 22 web");
        ok(box, "openstack security group rule create --protocol tcp --dst-port 80 web");
        ExecResult refused = box.run("curl http://" + ip);
        assertThat(refused.status()).isEqualTo(7);
        ok(box, "ssh -i k.pem ubuntu@" + ip + " sudo apt-get install -y nginx");
        assertThat(ok(box, "curl -s http://" + ip).stdout()).contains("<title>Welcome to nginx!</title>");
        assertThat(box.run("ping -c 2 " + ip).status()).isEqualTo(1);
        ok(box, "openstack security group rule create --protocol icmp web");
        assertThat(ok(box, "ping -c 2 " + ip).stdout()).contains("2 packets transmitted, 2 received, 0% packet loss");
    }

    @Test
    void a_stopped_server_no_longer_answers() {
        ok(box, "openstack security group rule create --protocol tcp --dst-port 22 web");
        ok(box, "openstack server stop web1");
        ok(box, "sleep 5");
        assertThat(box.run("ssh -o ConnectTimeout=5 -i k.pem ubuntu@" + ip + " true").stderr())
                .isEqualTo("ssh: connect to host " + ip + " port 22: Connection timed out\n");
    }
}

package novalab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notes' section 5 cookbook, typed as a student types it, end to end through the shell. */
class CookbookScenarioTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @AfterEach
    void close() { box.close(); }

    private ExecResult ok(String line) {
        ExecResult r = box.run(line);
        assertThat(r.status()).as(line + "\n" + r.output()).isZero();
        return r;
    }

    @Test
    void openstack_without_credentials_fails_like_the_real_client() {
        ExecResult r = box.run("openstack server list");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("Missing value auth-url required for auth plugin password\n");
    }

    @Test
    void the_whole_cookbook_launches_a_reachable_web_server() {
        ok("source admin-openrc.sh");
        assertThat(ok("openstack flavor list").stdout()).contains("| 1  | m1.tiny   |   512 |    1 |         0 |     1 | True      |");
        ok("openstack flavor create --ram 256 --disk 1 --vcpus 1 m1.nebula_micro");
        ok("source nebula-openrc.sh");
        ok("openstack keypair create nebula_key > nebula_key.pem");
        assertThat(ok("cat nebula_key.pem").stdout()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        ok("chmod 600 nebula_key.pem");
        ok("openstack security group create web --description 'Nebula web servers'");
        ok("openstack security group rule create --proto tcp --dst-port 22 web");
        ok("openstack security group rule create --protocol tcp --dst-port 80 web");
        ExecResult create = ok("openstack server create --flavor m1.nebula_micro --image cirros --network nebula_net "
                + "--key-name nebula_key --security-group web nebula_web_01 --wait");
        assertThat(create.stdout()).containsPattern("\\| status +\\| ACTIVE +\\|");
        String ip = ok("openstack floating ip create public -f value -c floating_ip_address").stdout().trim();
        assertThat(ip).startsWith("203.0.113.");
        ok("openstack server add floating ip nebula_web_01 " + ip);
        assertThat(ok("openstack server list").stdout()).contains("nebula_net=10.10.10.100, " + ip);
        String console = ok("openstack console log show nebula_web_01").stdout();
        assertThat(console).contains("10.10.10.100").contains("nebula-web-01");
        ExecResult ssh = ok("ssh -i nebula_key.pem cirros@" + ip + " hostname");
        assertThat(ssh.stdout()).isEqualTo("nebula-web-01\n");
    }

    @Test
    void ssh_refuses_a_key_file_that_others_can_read() {
        ok("source nebula-openrc.sh");
        ok("openstack keypair create k > k.pem");
        ok("openstack security group create s");
        ok("openstack security group rule create --protocol tcp --dst-port 22 s");
        ok("openstack server create --flavor m1.tiny --image cirros --network nebula_net --key-name k --security-group s vm --wait");
        String ip = ok("openstack floating ip create public -f value -c floating_ip_address").stdout().trim();
        ok("openstack server add floating ip vm " + ip);
        ExecResult r = box.run("ssh -i k.pem cirros@" + ip + " hostname");
        assertThat(r.status()).isEqualTo(255);
        assertThat(r.stderr()).contains("WARNING: UNPROTECTED PRIVATE KEY FILE!").contains("Permissions 0644 for 'k.pem' are too open.")
                .endsWith("cirros@" + ip + ": Permission denied (publickey).\n");
    }

    @Test
    void a_member_cannot_create_a_flavor() {
        ok("source nebula-openrc.sh");
        ExecResult r = box.run("openstack flavor create --ram 256 --disk 1 --vcpus 1 m1.x");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("ForbiddenException: 403: Client Error for url: http://controller:8774/v2.1/flavors, "
                + "Policy doesn't allow os_compute_api:os-flavor-manage:create to be performed.\n");
    }
}

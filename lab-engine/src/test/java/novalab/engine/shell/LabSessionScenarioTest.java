package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A student's week-9 session typed line by line: credentials, a boot with substitutions, a key, an ssh login. */
class LabSessionScenarioTest {
    private final Terminal t = new Terminal();
    private final FakeNode guest = new FakeNode("nebula-web-01", "ubuntu", "/home/ubuntu");
    private final List<List<String>> openstackCalls = new ArrayList<>();

    @BeforeEach
    void lab() {
        t.file("/home/student/demo-openrc.sh", "# demo project\nexport OS_AUTH_URL=http://controller:5000/v3\nexport OS_PROJECT_NAME=demo\n");
        // a fake openstack client: needs OS_AUTH_URL, answers "network show" with an id, records everything
        t.node.program("openstack", inv -> {
            openstackCalls.add(inv.args());
            if (inv.env("OS_AUTH_URL").isEmpty()) {
                inv.errln("Missing value auth-url required for auth plugin password");
                return 1;
            }
            if (inv.args().size() > 1 && inv.args().get(0).equals("network") && inv.args().get(1).equals("show")) {
                inv.outln("3f1c2a9e-private-net");
                return 0;
            }
            inv.outln("| status | BUILD |");
            return 0;
        });
        t.node.program("ssh", inv -> {
            if (!inv.args().contains("nebula_key.pem")) {
                inv.errln("ubuntu@203.0.113.10: Permission denied (publickey).");
                return 255;
            }
            inv.control().enter(guest, Map.of("HOME", "/home/ubuntu", "USER", "ubuntu"));
            return 0;
        });
    }

    @Test
    void a_student_boots_a_server_and_logs_in() {
        ExecResult noCreds = t.run("openstack server list");
        assertThat(noCreds.stderr()).isEqualTo("Missing value auth-url required for auth plugin password\n");

        t.run("source demo-openrc.sh");
        ExecResult boot = t.run("openstack server create --flavor m1.small --image \"cirros 0.6\" "
                + "--nic net-id=$(openstack network show private -f value -c id) nebula-web-01");

        assertThat(boot.stdout()).isEqualTo("| status | BUILD |\n");
        assertThat(openstackCalls.get(openstackCalls.size() - 1)).containsExactly("server", "create", "--flavor", "m1.small",
                "--image", "cirros 0.6", "--nic", "net-id=3f1c2a9e-private-net", "nebula-web-01");

        t.run("echo '-----BEGIN OPENSSH PRIVATE KEY-----' > nebula_key.pem");
        t.run("chmod 600 nebula_key.pem");
        assertThat(t.out("ls -l nebula_key.pem")).startsWith("-rw------- 1 student student");

        assertThat(t.status("ssh ubuntu@203.0.113.10")).isEqualTo(255);
        t.run("sleep 30");
        t.run("ssh -i nebula_key.pem ubuntu@203.0.113.10");
        assertThat(t.shell.prompt()).isEqualTo("ubuntu@nebula-web-01:~$ ");
        assertThat(t.run("exit").output()).isEqualTo("logout\nConnection to nebula-web-01 closed.\n");

        assertThat(t.clock.nowMs()).isEqualTo(30_000);
        assertThat(t.shell.history()).hasSize(10);
    }
}

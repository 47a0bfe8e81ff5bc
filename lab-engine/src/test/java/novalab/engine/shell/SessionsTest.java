package novalab.engine.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ssh-style nested sessions through ShellControl, the prompt, and one-off remote commands. */
class SessionsTest {
    private final Terminal t = new Terminal();
    private final FakeNode guest = new FakeNode("nebula-web-01", "ubuntu", "/home/ubuntu");
    private final FakeNode controller = new FakeNode("controller", "root", "/root");

    @BeforeEach
    void ssh() {
        // a minimal ssh: "ssh HOST" logs in, "ssh HOST CMD..." runs CMD there
        controller.file("/etc/nova/nova.conf", "[DEFAULT]\nenabled_filters = RamFilter\n", 0640);
        t.node.program("ssh", inv -> {
            FakeNode target = inv.args().get(0).endsWith("controller") ? controller : guest;
            if (inv.args().size() > 1) {
                return inv.control().runOn(target, String.join(" ", inv.args().subList(1, inv.args().size())), inv);
            }
            inv.control().enter(target, Map.of("HOME", target.home(), "USER", target.user()));
            return 0;
        });
    }

    @Test
    void the_prompt_shows_user_host_and_directory() {
        assertThat(t.shell.prompt()).isEqualTo("student@workstation:~$ ");
        t.run("mkdir -p keys; cd keys");
        assertThat(t.shell.prompt()).isEqualTo("student@workstation:~/keys$ ");
        t.run("cd /home");
        assertThat(t.shell.prompt()).isEqualTo("student@workstation:/home$ ");
    }

    @Test
    void ssh_enters_a_session_on_the_guest_until_exit() {
        t.run("ssh ubuntu@203.0.113.10");

        assertThat(t.shell.prompt()).isEqualTo("ubuntu@nebula-web-01:~$ ");
        assertThat(t.shell.currentNode()).isSameAs(guest);
        assertThat(t.out("whoami; hostname; pwd")).isEqualTo("ubuntu\nnebula-web-01\n/home/ubuntu\n");
        assertThat(t.shell.environment()).containsEntry("USER", "ubuntu");

        ExecResult bye = t.run("exit 4");

        assertThat(bye.output()).isEqualTo("logout\nConnection to nebula-web-01 closed.\n");
        assertThat(bye.status()).isEqualTo(4);
        assertThat(t.shell.exited()).isFalse();
        assertThat(t.shell.prompt()).isEqualTo("student@workstation:~$ ");
        assertThat(t.out("echo $?")).isEqualTo("4\n");
    }

    @Test
    void root_gets_a_hash_prompt() {
        t.run("ssh root@controller");

        assertThat(t.shell.prompt()).isEqualTo("root@controller:~# ");
        assertThat(t.out("grep filters /etc/nova/nova.conf")).isEqualTo("enabled_filters = RamFilter\n");
    }

    @Test
    void variables_and_status_belong_to_their_session() {
        t.run("export OS_CLOUD=lab; false");
        t.run("ssh ubuntu@guest");

        assertThat(t.out("echo \"[$OS_CLOUD] $?\"")).isEqualTo("[] 0\n");
        t.run("exit");
        assertThat(t.shell.environment()).containsEntry("OS_CLOUD", "lab");
    }

    @Test
    void history_keeps_lines_typed_in_every_session() {
        t.run("ssh ubuntu@guest");
        t.run("ls");
        t.run("exit");

        assertThat(t.shell.history()).containsExactly("ssh ubuntu@guest", "ls", "exit");
    }

    @Test
    void run_on_executes_one_line_remotely_into_the_callers_streams() {
        ExecResult r = t.run("ssh root@controller 'hostname; cat /nope' | tr a-z A-Z");

        assertThat(r.stdout()).isEqualTo("CONTROLLER\n");
        assertThat(r.stderr()).isEqualTo("cat: /nope: No such file or directory\n");
        assertThat(r.status()).isZero();
        assertThat(t.status("ssh root@controller exit 9")).isEqualTo(9);
        assertThat(t.shell.prompt()).isEqualTo("student@workstation:~$ ");
        assertThat(t.shell.currentNode()).isSameAs(t.node);
    }

    @Test
    void a_remote_command_gets_the_remote_login_environment_not_the_callers() {
        t.run("export OS_CLOUD=lab");

        assertThat(t.out("ssh root@controller 'echo $HOME $USER [$OS_CLOUD]; cd; pwd'")).isEqualTo("/root root []\n/root\n");
    }

    @Test
    void the_shell_control_advances_the_clock() {
        t.shell.sleep(1500);

        assertThat(t.shell.nowMs()).isEqualTo(1500);
        assertThat(t.clock.nowMs()).isEqualTo(1500);
    }
}

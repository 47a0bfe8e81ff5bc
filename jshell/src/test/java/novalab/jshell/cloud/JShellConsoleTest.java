package novalab.jshell.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ./lab jshell} as a student runs it: a real command line, a script on stdin, the console's own output. */
class JShellConsoleTest {
    private static String[] console(String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "novalab.jshell.cloud.JShellConsole"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String[] {new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8), Integer.toString(p.exitValue())};
    }

    @Test
    void aServerBootedFromJavaIsListedByTheOpenstackCliOnTheSameSandboxAndItsRequestsAreInTheHistory() throws Exception {
        String[] r = console("""
                var s = cloud.servers().create("web1", "m1.small", "cirros", "nebula_net");
                cloud.servers().waitFor("web1").status()
                int ram(Flavor f) {
                    return (int) f.ramMb();
                }
                cloud.flavors().stream().mapToInt(f -> ram(f)).max().getAsInt()
                /sh source nebula-openrc.sh; openstack server list -c Name -c Status -f value
                /history
                System.exit(1)
                /exit
                """, "--driver", "fake", "--seed", "9");
        assertThat(r[2]).isEqualTo("0");
        assertThat(r[1]).contains("Nova Lab JShell on a new sandbox of the Nebula Inc. scenario (seed 9)");
        assertThat(r[0]).contains("s ==> Server[id=").contains("name=web1, status=BUILD, taskState=").contains("flavor=m1.small")
                .contains("$1 ==> \"ACTIVE\"").contains("|  created method ram(Flavor)").contains("$2 ==> 16384")
                .contains("web1 ACTIVE")
                .contains("__api POST /identity/v3/auth/tokens").contains("__api POST /compute/v2.1/servers x-auth-token=…")
                .contains("|  Refused: java.lang.System.exit is not available in the playground");
    }

    @Test
    void aBadOptionGetsTheUsageAndStatusTwo() throws Exception {
        String[] r = console("", "--seed", "many");
        assertThat(r[2]).isEqualTo("2");
        assertThat(r[1]).contains("lab jshell: --seed needs a number, not 'many'").contains("usage: ./lab jshell [--seed N] [--driver libvirt|fake]");
    }
}

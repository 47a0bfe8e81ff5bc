package novalab.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.account.UserDao;
import novalab.web.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability through the real door: the web app runs as its own JVM ({@code novalab.web.WebApp --port P --data D
 * --driver fake}, as {@code ./lab serve} starts it), ten students send commands at once, the process is killed
 * with SIGKILL while they do, and after a restart on the same data every acknowledged command is in its
 * student's history and every sandbox, rebuilt by replay, answers a state probe exactly as before the kill.
 */
class SigkillDurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STUDENTS = 10;
    private static final String PASSWORD = "durable password";
    @TempDir Path data;

    /** What a student changes before the probe; afterwards they only read, so the probe's answer must survive. */
    private static List<String> changes(int n) {
        return List.of("source nebula-openrc.sh",
                "echo s" + n + " > mine.txt",
                "openstack keypair create k" + n + " > k" + n + ".pem",
                "openstack server create --flavor m1.tiny --image cirros --network nebula_net --key-name k" + n + " --wait vm" + n,
                "openstack security group create sg" + n,
                "echo more-" + n + " >> mine.txt");
    }

    private static final String PROBE = "openstack server list -f json -c Name -c Status -c Networks; openstack keypair list -f value -c Name; "
            + "openstack security group list -f value -c Name | sort; cat mine.txt; ls";
    private static final List<String> READS = List.of("openstack flavor list -f value -c Name", "cat mine.txt", "openstack server list -f value -c Name");

    @Test
    void a_sigkill_mid_load_loses_no_acknowledged_command_and_every_sandbox_comes_back_the_same() throws Exception {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            for (int s = 0; s < STUDENTS; s++) new UserDao(db).add("s" + s, Role.STUDENT, PASSWORD);
        }
        Path log = data.resolve("server.log");
        int port = freePort();
        Process server = startServer(port, log);
        Map<Integer, List<String>> acked = new ConcurrentHashMap<>(); // "seq:line" answered with 200
        Map<Integer, String> probeBefore = new ConcurrentHashMap<>();
        CountDownLatch probed = new CountDownLatch(STUDENTS);
        AtomicInteger readsAfterProbe = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> students = new ArrayList<>();
        for (int s = 0; s < STUDENTS; s++) {
            int n = s;
            acked.put(n, new CopyOnWriteArrayList<>());
            Thread t = new Thread(() -> {
                try {
                    WebTests.Client c = new WebTests.Client("http://127.0.0.1:" + port);
                    c.signIn("s" + n, PASSWORD);
                    for (String line : changes(n)) {
                        JsonNode r = run(c, line).orElseThrow(() -> new AssertionError("s" + n + ": no answer to " + line));
                        acked.get(n).add(r.get("seq").asInt() + ":" + line);
                    }
                    JsonNode p = run(c, PROBE).orElseThrow();
                    acked.get(n).add(p.get("seq").asInt() + ":" + PROBE);
                    probeBefore.put(n, p.get("output").asText());
                    probed.countDown();
                    for (int i = 0; ; i++) { // until the server dies under us
                        String line = READS.get(i % READS.size());
                        try {
                            var r = run(c, line);
                            if (r.isPresent()) {
                                acked.get(n).add(r.get().get("seq").asInt() + ":" + line);
                                readsAfterProbe.incrementAndGet();
                            }
                        } catch (IOException dead) {
                            return;
                        }
                        Thread.sleep(40);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                    probed.countDown();
                }
            }, "student-" + n);
            students.add(t);
            t.start();
        }
        assertThat(probed.await(180, TimeUnit.SECONDS)).as("every student reached the probe").isTrue();
        assertThat(failures).isEmpty();
        long until = System.currentTimeMillis() + 30_000;
        while (readsAfterProbe.get() < 40 && System.currentTimeMillis() < until) Thread.sleep(20);
        server.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean close of the database
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
        for (Thread t : students) t.join(60_000);
        assertThat(failures).isEmpty();
        int acknowledged = acked.values().stream().mapToInt(List::size).sum();
        System.out.println("acknowledged commands before the kill: " + acknowledged + " (" + readsAfterProbe.get() + " after the probes)");

        // on disk: every acknowledged command, with its number, in its student's history
        try (Database db = Database.open(data.resolve("lab.db"))) {
            for (int s = 0; s < STUDENTS; s++) {
                List<String> stored = db.query("SELECT c.seq || ':' || c.line FROM commands c JOIN users u ON u.id = c.user_id WHERE u.name = ? "
                        + "AND c.epoch = (SELECT MAX(epoch) FROM sandboxes x WHERE x.user_id = u.id) ORDER BY c.seq", rs -> rs.getString(1), "s" + s);
                assertThat(stored).as("history of s" + s).containsAll(acked.get(s));
                assertThat(stored.size()).as("at most the one unanswered command in flight is extra").isLessThanOrEqualTo(acked.get(s).size() + 1);
            }
        }

        // restarted on the same data: each sandbox rebuilt by replay answers the probe as before
        int port2 = freePort();
        Process again = startServer(port2, data.resolve("server2.log"));
        try {
            for (int s = 0; s < STUDENTS; s++) {
                WebTests.Client c = new WebTests.Client("http://127.0.0.1:" + port2);
                c.signIn("s" + s, PASSWORD);
                JsonNode p = run(c, PROBE).orElseThrow();
                assertThat(p.get("output").asText()).as("state of s" + s + " after the restart").isEqualTo(probeBefore.get(s));
                assertThat(p.get("output").asText()).contains("vm" + s, "ACTIVE", "k" + s, "sg" + s, "s" + s + "\nmore-" + s);
            }
        } finally {
            again.destroy();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The answer of a 200, empty when the server said "too many commands" (429); IOException when it is gone. */
    private static java.util.Optional<JsonNode> run(WebTests.Client c, String line) throws IOException, InterruptedException {
        HttpResponse<String> r = c.postJson("/lab/run", "line", line);
        if (r.statusCode() == 429) return java.util.Optional.empty();
        assertThat(r.statusCode()).as(line + ": " + r.body()).isEqualTo(200);
        return java.util.Optional.of(JSON.readTree(r.body()));
    }

    private Process startServer(int port, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "novalab.web.WebApp",
                "--port", String.valueOf(port), "--data", data.toString(), "--driver", "fake")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        WebTests.Client probe = new WebTests.Client("http://127.0.0.1:" + port);
        long until = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < until) {
            if (!p.isAlive()) throw new AssertionError("the web app exited: " + Files.readString(log));
            try {
                if (probe.get("/signin").statusCode() == 200) return p;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the web app did not answer within 90 s: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}

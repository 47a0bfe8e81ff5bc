package novalab.web.api;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import novalab.engine.Sandbox;
import novalab.engine.bench.Cookbook;

/**
 * {@code ./lab bench api}: the section-5 cookbook timed through the real {@code openstack} client over HTTP and
 * through the lab's own shell (the ratio is the price of the real client: a Python start-up and a token per
 * command), then the requests per second the HTTP layer sustains on loopback (bounded in count and time).
 */
public final class ApiBench {
    private static final Path OPENSTACK = Path.of("/usr/bin/openstack");
    private static final long TIME_LIMIT_MS = 30_000L;

    private ApiBench() {}

    /** The cookbook's {@code openstack} commands as the real client runs them; {@code admin} says whose openrc. */
    record OscStep(boolean admin, List<String> args) {}

    static List<OscStep> cookbook(String ipPlaceholder) {
        List<OscStep> s = new ArrayList<>();
        s.add(new OscStep(true, List.of("flavor", "list")));
        s.add(new OscStep(true, List.of("flavor", "create", "--ram", "256", "--disk", "1", "--vcpus", "1", "m1.nebula_micro")));
        s.add(new OscStep(false, List.of("keypair", "create", "nebula_key")));
        s.add(new OscStep(false, List.of("security", "group", "create", "web", "--description", "Nebula web servers")));
        s.add(new OscStep(false, List.of("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "22", "web")));
        s.add(new OscStep(false, List.of("security", "group", "rule", "create", "--protocol", "tcp", "--dst-port", "80", "web")));
        s.add(new OscStep(false, List.of("server", "create", "--flavor", "m1.nebula_micro", "--image", "cirros", "--network", "nebula_net",
                "--key-name", "nebula_key", "--security-group", "web", "nebula_web_01", "--wait")));
        s.add(new OscStep(false, List.of("floating", "ip", "create", "public", "-f", "value", "-c", "floating_ip_address")));
        s.add(new OscStep(false, List.of("server", "add", "floating", "ip", "nebula_web_01", ipPlaceholder)));
        s.add(new OscStep(false, List.of("server", "show", "nebula_web_01", "-c", "status", "-c", "addresses", "-f", "value")));
        s.add(new OscStep(false, List.of("console", "log", "show", "nebula_web_01", "--lines", "5")));
        s.add(new OscStep(false, List.of("server", "stop", "nebula_web_01")));
        s.add(new OscStep(false, List.of("server", "list")));
        s.add(new OscStep(true, List.of("hypervisor", "list", "--long")));
        return s;
    }

    public static void main(String[] args) throws Exception {
        int requests = 2000;
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--requests")) requests = Integer.parseInt(args[i + 1]);
        if (!Files.isExecutable(OPENSTACK)) {
            System.err.println("bench api: /usr/bin/openstack is missing: install the Debian package python3-openstackclient");
            System.exit(1);
        }
        long labMs = labCookbook();
        try (Sandbox box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
            AtomicInteger seen = new AtomicInteger();
            try (OpenStackApiServer server = OpenStackApiServer.create(0, SandboxDirectory.of(Map.of("b", box)),
                    (id, at, call, resp) -> seen.incrementAndGet())) {
                long t0 = System.nanoTime();
                int failed = realCookbook(server.authUrl("b"));
                long realMs = (System.nanoTime() - t0) / 1_000_000;
                int cookbookRequests = seen.get();
                System.out.printf("cookbook through the lab's shell      : %8d ms (%d commands)%n", labMs, Cookbook.history().size());
                System.out.printf("cookbook through the real openstack   : %8d ms (%d commands, %d HTTP requests, %d failed)%n",
                        realMs, cookbook("").size(), cookbookRequests, failed);
                System.out.printf("ratio real client / lab shell          : %8.1fx%n", labMs == 0 ? 0.0 : (double) realMs / labMs);
                throughput(server, requests);
            }
        }
    }

    private static long labCookbook() {
        try (Sandbox warm = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
            Cookbook.history().forEach(s -> warm.run(s.offsetMs(), s.line()));
        }
        try (Sandbox box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
            long t0 = System.nanoTime();
            Cookbook.history().forEach(s -> box.run(s.offsetMs(), s.line()));
            return (System.nanoTime() - t0) / 1_000_000;
        }
    }

    private static int realCookbook(String authUrl) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("bench-osc");
        String ip = "";
        int failed = 0;
        for (OscStep step : cookbook("{IP}")) {
            List<String> cmd = new ArrayList<>();
            cmd.add(OPENSTACK.toString());
            for (String a : step.args()) cmd.add(a.equals("{IP}") ? ip : a);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("OS_") || k.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
            pb.environment().putAll(Map.of("OS_AUTH_URL", authUrl, "OS_USERNAME", step.admin() ? "admin" : "nebula_admin",
                    "OS_PASSWORD", step.admin() ? "Adm1nSecret" : "N3bulaPass", "OS_PROJECT_NAME", step.admin() ? "admin" : "nebula_prod",
                    "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_NAME", "Default", "HOME", dir.toString()));
            Path out = dir.resolve("out");
            pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                failed++;
                continue;
            }
            if (p.exitValue() != 0) failed++;
            if (step.args().get(0).equals("floating")) ip = Files.readString(out).strip();
        }
        return failed;
    }

    private static void throughput(OpenStackApiServer server, int requests) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = server.baseUrl("b");
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(URI.create(base + "/identity/v3/auth/tokens"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"nebula_admin\", "
                                + "\"domain\": {\"name\": \"Default\"}, \"password\": \"N3bulaPass\"}}}, \"scope\": {\"project\": "
                                + "{\"name\": \"nebula_prod\", \"domain\": {\"name\": \"Default\"}}}}}")).build(), HttpResponse.BodyHandlers.ofString());
        String token = auth.headers().firstValue("X-Subject-Token").orElse("");
        for (String path : List.of("/identity/v3", "/compute/v2.1/flavors/detail", "/compute/v2.1/servers/detail", "/network/v2.0/ports")) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("X-Auth-Token", token).build();
            for (int i = 0; i < Math.min(200, requests); i++) http.send(req, HttpResponse.BodyHandlers.ofString());
            long t0 = System.nanoTime();
            int done = 0;
            int bad = 0;
            while (done < requests && (System.nanoTime() - t0) / 1_000_000 < TIME_LIMIT_MS) {
                if (http.send(req, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) bad++;
                done++;
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("GET %-30s: %8.0f requests/s on loopback (%d requests, 1 client%s)%n", path, done / secs, done,
                    bad == 0 ? "" : ", " + bad + " not 200");
        }
    }
}

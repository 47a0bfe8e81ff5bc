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
 * command), then the same for the Rosetta launch workflow through the real {@code aws} client ({@code /usr/bin/aws},
 * awscli 2.9) and the lab's own {@code aws}, then the requests per second the HTTP layer sustains on loopback (bounded
 * in count and time). The real clients' waits are real (OSC's {@code --wait} polls every 5 s, the aws waiter every 15 s).
 */
public final class ApiBench {
    private static final Path OPENSTACK = Path.of("/usr/bin/openstack");
    /** The Debian awscli; never the first {@code aws} on PATH (it may be another CLI). */
    private static final Path AWS = Path.of("/usr/bin/aws");
    private static final String BENCH_KEY = "AKIABENCHSTUDENT0001";
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
        try (Sandbox box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; });
             Sandbox ec2 = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
            AtomicInteger seen = new AtomicInteger();
            AtomicInteger ec2Seen = new AtomicInteger();
            try (OpenStackApiServer server = OpenStackApiServer.create(0, SandboxDirectory.of(Map.of("b", box, "e", ec2)),
                    (id, at, call, resp) -> seen.incrementAndGet(), Ec2Keys.of(Map.of(BENCH_KEY, "e")),
                    (id, at, line) -> ec2Seen.incrementAndGet(), RateLimiter.NONE)) {
                long t0 = System.nanoTime();
                int failed = realCookbook(server.authUrl("b"));
                long realMs = (System.nanoTime() - t0) / 1_000_000;
                int cookbookRequests = seen.get();
                System.out.printf("cookbook through the lab's shell      : %8d ms (%d commands)%n", labMs, Cookbook.history().size());
                System.out.printf("cookbook through the real openstack   : %8d ms (%d commands, %d HTTP requests, %d failed)%n",
                        realMs, cookbook("").size(), cookbookRequests, failed);
                System.out.printf("ratio real client / lab shell          : %8.1fx%n", labMs == 0 ? 0.0 : (double) realMs / labMs);
                if (Files.isExecutable(AWS)) {
                    long awsLabMs = labAwsWorkflow();
                    int[] awsFailed = {0};
                    Path home = awsHome();
                    long t1 = System.nanoTime();
                    awsWorkflow(a -> realAws(home, server.ec2Url(), a, awsFailed));
                    long awsRealMs = (System.nanoTime() - t1) / 1_000_000;
                    System.out.printf("aws workflow through the lab's shell  : %8d ms (%d commands)%n", awsLabMs, awsWorkflow(a -> "").size());
                    System.out.printf("aws workflow through the real aws     : %8d ms (%d commands, %d HTTP requests, %d failed)%n",
                            awsRealMs, awsWorkflow(a -> "").size(), ec2Seen.get(), awsFailed[0]);
                    System.out.printf("ratio real aws / lab shell             : %8.1fx%n", awsLabMs == 0 ? 0.0 : (double) awsRealMs / awsLabMs);
                } else {
                    System.out.println("aws workflow: skipped, /usr/bin/aws is missing (install the Debian package awscli)");
                }
                throughput(server, requests);
            }
        }
    }

    /**
     * The Rosetta launch workflow as {@code aws ec2} argument lists, run one by one through {@code run} (which returns the
     * command's stdout, from which the next steps take the ids they need); returns the commands run.
     */
    static List<List<String>> awsWorkflow(java.util.function.Function<List<String>, String> run) {
        List<List<String>> done = new ArrayList<>();
        java.util.function.Function<List<String>, String> step = a -> {
            done.add(a);
            return run.apply(a).strip();
        };
        step.apply(List.of("ec2", "describe-instance-types", "--instance-types", "t2.micro"));
        String ami = step.apply(List.of("ec2", "describe-images", "--filters", "Name=name,Values=cirros", "--query", "Images[0].ImageId", "--output", "text"));
        String sg = step.apply(List.of("ec2", "create-security-group", "--group-name", "web-sg", "--description", "Web", "--query", "GroupId",
                "--output", "text"));
        step.apply(List.of("ec2", "authorize-security-group-ingress", "--group-id", sg, "--protocol", "tcp", "--port", "22", "--cidr", "0.0.0.0/0"));
        step.apply(List.of("ec2", "authorize-security-group-ingress", "--group-id", sg, "--protocol", "tcp", "--port", "80", "--cidr", "0.0.0.0/0"));
        step.apply(List.of("ec2", "create-key-pair", "--key-name", "lab-key", "--query", "KeyMaterial", "--output", "text"));
        String id = step.apply(List.of("ec2", "run-instances", "--image-id", ami, "--instance-type", "t2.micro", "--key-name", "lab-key",
                "--security-group-ids", sg, "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=vm1}]",
                "--query", "Instances[0].InstanceId", "--output", "text"));
        step.apply(List.of("ec2", "wait", "instance-running", "--instance-ids", id));
        String alloc = step.apply(List.of("ec2", "allocate-address", "--query", "AllocationId", "--output", "text"));
        step.apply(List.of("ec2", "associate-address", "--instance-id", id, "--allocation-id", alloc));
        step.apply(List.of("ec2", "describe-instances", "--instance-ids", id));
        step.apply(List.of("ec2", "get-console-output", "--instance-id", id, "--output", "text"));
        step.apply(List.of("ec2", "stop-instances", "--instance-ids", id));
        step.apply(List.of("ec2", "terminate-instances", "--instance-ids", id));
        return done;
    }

    private static long labAwsWorkflow() {
        for (int round = 0; ; round++) {
            try (Sandbox box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
                long t0 = System.nanoTime();
                awsWorkflow(a -> box.run("aws " + String.join(" ", a.stream().map(ApiBench::quote).toList())).stdout());
                if (round == 1) return (System.nanoTime() - t0) / 1_000_000; // the first round warms the JVM up
            }
        }
    }

    private static String quote(String s) { return "'" + s.replace("'", "'\\''") + "'"; }

    private static Path awsHome() throws IOException {
        Path home = Files.createTempDirectory("bench-aws");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\nregion = RegionOne\noutput = json\n");
        Files.writeString(home.resolve(".aws/credentials"), "[default]\naws_access_key_id = " + BENCH_KEY + "\naws_secret_access_key = unchecked\n");
        return home;
    }

    private static String realAws(Path home, String endpoint, List<String> args, int[] failed) {
        try {
            List<String> cmd = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", endpoint));
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
            pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
            pb.environment().putAll(Map.of("HOME", home.toString(), "AWS_PAGER", "", "AWS_EC2_METADATA_DISABLED", "true"));
            Path out = home.resolve("out");
            pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                failed[0]++;
                return "";
            }
            if (p.exitValue() != 0) failed[0]++;
            return Files.readString(out);
        } catch (IOException e) {
            failed[0]++;
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed[0]++;
            return "";
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
        HttpRequest ec2 = HttpRequest.newBuilder(URI.create(server.ec2Url() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + BENCH_KEY + "/20261125/RegionOne/ec2/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeInstanceTypes&Version=2016-11-15")).build();
        for (int i = 0; i < Math.min(200, requests); i++) http.send(ec2, HttpResponse.BodyHandlers.ofString());
        long t0 = System.nanoTime();
        int done = 0;
        int bad = 0;
        while (done < requests && (System.nanoTime() - t0) / 1_000_000 < TIME_LIMIT_MS) {
            if (http.send(ec2, HttpResponse.BodyHandlers.ofString()).statusCode() != 200) bad++;
            done++;
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("POST %-29s: %8.0f requests/s on loopback (%d requests, 1 client%s)%n", "/ec2 DescribeInstanceTypes", done / secs, done,
                bad == 0 ? "" : ", " + bad + " not 200");
    }
}

package novalab.web.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real python-openstackclient ({@code /usr/bin/openstack}) against a sandbox served by {@link OpenStackApiServer}. */
final class RealClient {
    static final Path OPENSTACK = Path.of("/usr/bin/openstack");

    record Result(int status, String stdout, String stderr) {}

    private final Map<String, String> env;
    private final Path workdir;

    /** A client configured only by a {@code clouds.yaml} in its working directory and {@code OS_CLOUD}. */
    RealClient(String cloudsYaml, String cloud) throws IOException {
        if (!Files.isExecutable(OPENSTACK)) {
            throw new AssertionError("/usr/bin/openstack is missing: install the Debian package python3-openstackclient "
                    + "(apt-get install -y python3-openstackclient) to run the wire-API tests");
        }
        this.workdir = Files.createTempDirectory("osc");
        Files.writeString(workdir.resolve("clouds.yaml"), cloudsYaml);
        this.env = Map.of("OS_CLOUD", cloud, "HOME", workdir.toString());
    }

    RealClient(String authUrl, String user, String password, String project) throws IOException {
        if (!Files.isExecutable(OPENSTACK)) {
            throw new AssertionError("/usr/bin/openstack is missing: install the Debian package python3-openstackclient "
                    + "(apt-get install -y python3-openstackclient) to run the wire-API tests");
        }
        this.workdir = Files.createTempDirectory("osc");
        this.env = Map.of("OS_AUTH_URL", authUrl, "OS_USERNAME", user, "OS_PASSWORD", password, "OS_PROJECT_NAME", project,
                "OS_USER_DOMAIN_NAME", "Default", "OS_PROJECT_DOMAIN_NAME", "Default", "OS_IDENTITY_API_VERSION", "3",
                "OS_REGION_NAME", "RegionOne", "HOME", workdir.toString());
    }

    Path workdir() { return workdir; }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(OPENSTACK.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workdir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("OS_") || k.endsWith("_proxy") || k.endsWith("_PROXY"));
        pb.environment().putAll(env);
        Path out = workdir.resolve("out.txt");
        Path err = workdir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openstack " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}

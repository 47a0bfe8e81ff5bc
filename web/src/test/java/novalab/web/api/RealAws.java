package novalab.web.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real AWS CLI v2 from Debian ({@code /usr/bin/aws}, awscli 2.9.19) against the lab's EC2 endpoint. Always the
 * absolute path: an {@code aws} earlier on PATH may be another CLI (a pyenv shim of v1).
 */
final class RealAws {
    static final Path AWS = Path.of("/usr/bin/aws");

    record Result(int status, String stdout, String stderr) {}

    private final Path home;
    private final String endpoint;
    private final Map<String, String> env;

    /** A client whose {@code ~/.aws} holds exactly {@code config} and {@code credentials}; every call adds {@code --endpoint-url}. */
    RealAws(String endpoint, String config, String credentials) throws IOException {
        if (!Files.isExecutable(AWS)) {
            throw new AssertionError("/usr/bin/aws is missing: install the Debian package awscli (apt-get install -y awscli) to run the EC2 wire tests");
        }
        this.endpoint = endpoint;
        this.home = Files.createTempDirectory("aws");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), config);
        Files.writeString(home.resolve(".aws/credentials"), credentials);
        this.env = Map.of("HOME", home.toString(), "AWS_PAGER", "", "AWS_EC2_METADATA_DISABLED", "true", "COLUMNS", "80");
    }

    /** A client with only an access key (and any secret) in its credentials. */
    static RealAws withKey(String endpoint, String accessKey) throws IOException {
        return new RealAws(endpoint, "[default]\nregion = RegionOne\noutput = json\n",
                "[default]\naws_access_key_id = " + accessKey + "\naws_secret_access_key = not-checked-by-the-lab\n");
    }

    Path home() { return home; }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(AWS.toString());
        cmd.add("--endpoint-url");
        cmd.add(endpoint);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.endsWith("_proxy") || k.endsWith("_PROXY"));
        pb.environment().putAll(env);
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 180 s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}

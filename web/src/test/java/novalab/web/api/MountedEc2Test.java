package novalab.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.db.Database;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EC2 endpoint mounted in the web lab: a student's own {@code aws} client, configured by the downloads, shares the terminal's sandbox and history. */
class MountedEc2Test {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("aws_access_key_id = (AKIA[A-Z2-7]{16})\n");
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse", Role.STUDENT, "bob", "battery staple");
    }

    private static JsonNode run(WebTests.Client client, String line) throws Exception {
        HttpResponse<String> r = client.postJson("/lab/run", "line", line);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String download(WebTests.Client client, String path, String name) throws Exception {
        HttpResponse<String> r = client.get(path);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"" + name + "\"");
        return r.body();
    }

    private static String key(String credentials) {
        Matcher m = KEY.matcher(credentials);
        assertThat(m.find()).as(credentials).isTrue();
        return m.group(1);
    }

    private List<String> stored(String user) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            return db.query("SELECT c.line FROM commands c JOIN users u ON u.id = c.user_id WHERE u.name = ? "
                    + "AND c.epoch = (SELECT MAX(epoch) FROM sandboxes s WHERE s.user_id = u.id) ORDER BY c.seq", rs -> rs.getString(1), user);
        }
    }

    private static RealAws.Result ok(RealAws aws, String... args) throws Exception {
        RealAws.Result r = aws.run(args);
        assertThat(r.status()).as("aws %s\n%s", String.join(" ", args), r.stderr()).isZero();
        return r;
    }

    @Test
    void the_real_aws_client_uses_the_downloaded_profile_and_the_terminal_sees_its_key_pair() throws Exception {
        String[] saved = {"", ""};
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            String endpoint = "http://127.0.0.1:" + app.port() + "/ec2";
            assertThat(client.get("/cloud/credentials").body()).contains("aws --profile nova-lab --endpoint-url " + endpoint + " ec2 describe-instances")
                    .contains("/cloud/credentials/aws-config").contains("/cloud/credentials/aws-credentials");
            String config = download(client, "/cloud/credentials/aws-config", "config");
            String credentials = download(client, "/cloud/credentials/aws-credentials", "credentials");
            assertThat(config).contains("[profile nova-lab]\nregion = RegionOne\n").contains("endpoint_url = " + endpoint + "\n");
            assertThat(download(client, "/cloud/credentials/aws-credentials", "credentials")).as("the key is kept").isEqualTo(credentials);
            saved[0] = key(credentials);
            saved[1] = endpoint;

            RealAws aws = new RealAws(endpoint, config, credentials);
            String types = ok(aws, "--profile", "nova-lab", "ec2", "describe-instance-types", "--query", "InstanceTypes[].InstanceType",
                    "--output", "text").stdout();
            assertThat(types).contains("t2.micro");
            assertThat(ok(aws, "--profile", "nova-lab", "ec2", "create-key-pair", "--key-name", "laptop-key").stdout()).contains("PRIVATE KEY");

            assertThat(run(client, "aws ec2 describe-key-pairs --query 'KeyPairs[].KeyName' --output text").get("output").asText())
                    .isEqualTo("laptop-key\n");
            assertThat(stored("ada")).anyMatch(l -> l.startsWith("__ec2 Action=DescribeInstanceTypes&Version=2016-11-15"))
                    .anyMatch(l -> l.startsWith("__ec2 Action=CreateKeyPair&Version=2016-11-15&KeyName=laptop-key"))
                    .endsWith("aws ec2 describe-key-pairs --query 'KeyPairs[].KeyName' --output text");
            String page = client.get("/lab").body();
            assertThat(page).contains("data-request").contains("⇄ __ec2 Action=CreateKeyPair");
            HttpResponse<String> typed = client.postJson("/lab/run", "line", "__ec2 Action=DescribeInstances");
            assertThat(typed.statusCode()).isEqualTo(400);

            WebTests.Client bob = new WebTests.Client("http://127.0.0.1:" + app.port());
            bob.signIn("bob", "battery staple");
            String bobs = key(download(bob, "/cloud/credentials/aws-credentials", "credentials"));
            assertThat(bobs).isNotEqualTo(saved[0]);
            RealAws bobAws = RealAws.withKey(endpoint, bobs);
            assertThat(ok(bobAws, "ec2", "describe-key-pairs", "--query", "KeyPairs[].KeyName", "--output", "text").stdout()).isBlank();
        });
        WebTests.test(data, (app, client) -> {
            // after a restart the key still picks ada's sandbox, rebuilt by replaying her history (the __ec2 lines included)
            String endpoint = "http://127.0.0.1:" + app.port() + "/ec2";
            RealAws aws = RealAws.withKey(endpoint, saved[0]);
            assertThat(ok(aws, "ec2", "describe-key-pairs", "--query", "KeyPairs[].KeyName", "--output", "text").stdout().strip()).isEqualTo("laptop-key");
        });
    }
}

package novalab.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import novalab.engine.Sandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The EC2 endpoint over HTTP (without a client): EC2's error envelope for unknown keys, actions, paths and methods and for
 * malformed bodies; the rate limit in each service's shape; catalog URLs behind a proxy.
 */
class Ec2ApiErrorsTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String KEY = "AKIATESTKEY000000001";
    static final String SIGNED = "AWS4-HMAC-SHA256 Credential=" + KEY + "/20261125/RegionOne/ec2/aws4_request, SignedHeaders=host, Signature=00";
    static Sandbox box;
    static OpenStackApiServer server;

    @BeforeAll
    static void start() {
        box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; });
        server = OpenStackApiServer.create(0, SandboxDirectory.of(Map.of("s1", box)), RequestRecorder.NONE, Ec2Keys.of(Map.of(KEY, "s1")),
                LineRecorder.NONE, RateLimiter.NONE);
    }

    @AfterAll
    static void stop() {
        server.close();
        box.close();
    }

    static HttpResponse<String> send(String method, String url, String auth, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!auth.isEmpty()) b.header("Authorization", auth);
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_signed_action_answers_in_ec2s_namespace() throws Exception {
        HttpResponse<String> r = send("POST", server.ec2Url() + "/", SIGNED, "Action=DescribeInstanceTypes&Version=2016-11-15&InstanceType.1=t2.micro");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(r.body()).contains("<DescribeInstanceTypesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>")
                .contains("<instanceTypeSet><item><instanceType>t2.micro</instanceType>").contains("<vCpuInfo><defaultVCpus>1</defaultVCpus>");
    }

    @Test
    void unknown_keys_actions_and_ids_get_ec2_error_codes() throws Exception {
        HttpResponse<String> stranger = send("POST", server.ec2Url(), SIGNED.replace(KEY, "AKIASOMEONEELSE00000"), "Action=DescribeInstances&Version=2016-11-15");
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.body()).contains("<Response><Errors><Error><Code>AuthFailure</Code>").contains("<RequestID>");
        assertThat(send("POST", server.ec2Url(), "", "Action=DescribeInstances").body()).contains("<Code>AuthFailure</Code>");
        HttpResponse<String> action = send("POST", server.ec2Url(), SIGNED, "Action=LaunchRocket&Version=2016-11-15");
        assertThat(action.statusCode()).isEqualTo(400);
        assertThat(action.body()).contains("<Code>InvalidAction</Code><Message>The action LaunchRocket is not valid for this web service.</Message>");
        HttpResponse<String> missing = send("POST", server.ec2Url(), SIGNED, "Action=DescribeInstances&InstanceId.1=i-0123456789abcdef0");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("<Code>InvalidInstanceID.NotFound</Code><Message>The instance ID 'i-0123456789abcdef0' does not exist</Message>");
        HttpResponse<String> type = send("POST", server.ec2Url(), SIGNED, "Action=DescribeInstanceTypes&InstanceType.1=x9.huge");
        assertThat(type.body()).contains("<Code>InvalidInstanceType</Code>");
        HttpResponse<String> required = send("POST", server.ec2Url(), SIGNED, "Action=CreateSecurityGroup&GroupName=web");
        assertThat(required.body()).contains("<Code>MissingParameter</Code><Message>The request must contain the parameter GroupDescription</Message>");
        HttpResponse<String> dry = send("POST", server.ec2Url(), SIGNED, "Action=CreateKeyPair&KeyName=k&DryRun=true");
        assertThat(dry.statusCode()).isEqualTo(412);
        assertThat(dry.body()).contains("<Code>DryRunOperation</Code>");
        HttpResponse<String> bad = send("POST", server.ec2Url(), SIGNED, "Action=RunInstances&ImageId=ami-x&MinCount=1&MaxCount=1");
        assertThat(bad.body()).contains("<Code>InvalidAMIID.Malformed</Code>");
    }

    @Test
    void unknown_paths_methods_and_malformed_bodies_answer_in_ec2s_shape() throws Exception {
        HttpResponse<String> path = send("POST", server.ec2Url() + "/nosuch/thing", SIGNED, "Action=DescribeInstances");
        assertThat(path.statusCode()).isEqualTo(404);
        assertThat(path.body()).contains("<Response><Errors><Error><Code>");
        HttpResponse<String> method = send("PUT", server.ec2Url(), SIGNED, "Action=DescribeInstances");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).contains("GET, POST");
        assertThat(method.body()).contains("<Code>UnsupportedHttpVerb</Code>");
        HttpResponse<String> json = send("POST", server.ec2Url(), SIGNED, "{\"Action\": \"DescribeInstances\"}");
        assertThat(json.statusCode()).isEqualTo(400);
        assertThat(json.body()).contains("<Code>");
        HttpResponse<String> binary = send("POST", server.ec2Url(), SIGNED, "Action=Describe Instances\n");
        assertThat(binary.statusCode()).isEqualTo(400);
        assertThat(binary.body()).contains("<Code>InvalidParameterValue</Code>");
        HttpResponse<String> get = send("GET", server.ec2Url() + "?Action=DescribeKeyPairs&Version=2016-11-15", SIGNED, "");
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(get.body()).contains("<keySet");
    }

    @Test
    void a_sandbox_over_its_rate_limit_gets_429_in_the_services_shape() throws Exception {
        try (Sandbox b = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; });
             OpenStackApiServer tight = OpenStackApiServer.create(0, SandboxDirectory.of(Map.of("t", b)), RequestRecorder.NONE,
                     Ec2Keys.of(Map.of(KEY, "t")), LineRecorder.NONE, new RateLimiter(0.001, 2, System::nanoTime))) {
            String compute = tight.baseUrl("t") + "/compute/v2.1/flavors";
            send("GET", compute, "", "");
            send("GET", compute, "", "");
            HttpResponse<String> over = send("GET", compute, "", "");
            assertThat(over.statusCode()).isEqualTo(429);
            assertThat(over.headers().firstValue("Retry-After")).isPresent();
            assertThat(new ObjectMapper().readTree(over.body()).path("overLimit").path("code").asInt()).isEqualTo(429);
            HttpResponse<String> identity = send("GET", tight.baseUrl("t") + "/identity/v3", "", "");
            assertThat(identity.statusCode()).isEqualTo(429);
            assertThat(new ObjectMapper().readTree(identity.body()).path("error").path("code").asInt()).isEqualTo(429);
            HttpResponse<String> ec2 = send("POST", tight.ec2Url(), SIGNED, "Action=DescribeInstances");
            assertThat(ec2.statusCode()).isEqualTo(503);
            assertThat(ec2.body()).contains("<Code>RequestLimitExceeded</Code>");
        }
    }

    @Test
    void catalog_urls_follow_a_proxys_forwarded_scheme_and_host() throws Exception {
        HttpResponse<String> r = send("POST", server.authUrl("s1") + "/auth/tokens", "", """
                {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "nebula_admin",
                 "domain": {"name": "Default"}, "password": "N3bulaPass"}}},
                 "scope": {"project": {"name": "nebula_prod", "domain": {"name": "Default"}}}}}""",
                "Content-Type", "application/json", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "lab.example.org, inner:8080");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"url\":\"https://lab.example.org/sandbox/s1/compute/v2.1\"").doesNotContain("127.0.0.1");
    }
}

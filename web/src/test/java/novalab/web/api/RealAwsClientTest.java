package novalab.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import novalab.engine.wire.HistoryLines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real AWS CLI v2 from Debian ({@code /usr/bin/aws} 2.9.19) runs the Rosetta launch workflow against a sandbox's
 * EC2 endpoint on loopback; what it prints equals what the lab's own {@code aws} prints for the same state, and the
 * recorded {@code __ec2} lines rebuild the same sandbox.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealAwsClientTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String KEY = "AKIALABSTUDENT000001";
    static Sandbox box;
    static OpenStackApiServer server;
    static RealAws aws;
    record Line(long at, String line) {}
    static final List<Line> recorded = new ArrayList<>();
    static String group = "";
    static String instance = "";
    static String address = "";

    @BeforeAll
    static void start() throws Exception {
        box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; });
        server = OpenStackApiServer.create(0, SandboxDirectory.of(Map.of("s1", box)), RequestRecorder.NONE, Ec2Keys.of(Map.of(KEY, "s1")),
                (id, at, line) -> recorded.add(new Line(at, line)), RateLimiter.NONE);
        aws = RealAws.withKey(server.ec2Url(), KEY);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (box != null) box.close();
    }

    private static RealAws.Result ok(String... args) throws Exception {
        RealAws.Result r = aws.run(args);
        assertThat(r.status()).as("aws %s\nstdout: %s\nstderr: %s", String.join(" ", args), r.stdout(), r.stderr()).isZero();
        return r;
    }

    /** Runs a line in the lab's own shell on the same sandbox, and keeps it in the history as the web lab would. */
    private static String lab(String line) {
        synchronized (box) {
            recorded.add(new Line(box.cloud().nowMs(), line));
        }
        ExecResult r = box.run(line);
        assertThat(r.status()).as("lab: %s\n%s", line, r.output()).isZero();
        return r.stdout();
    }

    private static JsonNode json(String s) throws Exception { return JSON.readTree(s); }

    @Test
    @Order(1)
    void describeInstanceTypesPrintsWhatTheLabsAwsPrints() throws Exception {
        String real = ok("ec2", "describe-instance-types", "--instance-types", "t2.micro").stdout();
        assertThat(json(real).path("InstanceTypes").get(0).path("InstanceType").asText()).isEqualTo("t2.micro");
        assertThat(real).isEqualTo(lab("aws ec2 describe-instance-types --instance-types t2.micro"));
        String table = ok("ec2", "describe-instance-types", "--query", "InstanceTypes[].[InstanceType,VCpuInfo.DefaultVCpus,MemoryInfo.SizeInMiB]",
                "--output", "text").stdout();
        assertThat(table).isEqualTo(lab("aws ec2 describe-instance-types --query 'InstanceTypes[].[InstanceType,VCpuInfo.DefaultVCpus,MemoryInfo.SizeInMiB]' --output text"));
    }

    @Test
    @Order(2)
    void describeImagesFindsCirrosByName() throws Exception {
        String ami = ok("ec2", "describe-images", "--filters", "Name=name,Values=cirros", "--query", "Images[0].ImageId", "--output", "text").stdout().strip();
        assertThat(ami).matches("ami-[0-9a-f]{17}");
        assertThat(ok("ec2", "describe-images").stdout()).isEqualTo(lab("aws ec2 describe-images"));
    }

    @Test
    @Order(3)
    void aSecurityGroupWithSshAndHttpIsCreated() throws Exception {
        group = ok("ec2", "create-security-group", "--group-name", "web-aws-sg", "--description", "Web: 22/80 & más",
                "--query", "GroupId", "--output", "text").stdout().strip();
        assertThat(group).matches("sg-[0-9a-f]{17}");
        JsonNode rule = json(ok("ec2", "authorize-security-group-ingress", "--group-id", group, "--protocol", "tcp", "--port", "22",
                "--cidr", "0.0.0.0/0").stdout());
        assertThat(rule.path("Return").asBoolean()).isTrue();
        assertThat(rule.path("SecurityGroupRules").get(0).path("FromPort").asInt()).isEqualTo(22);
        ok("ec2", "authorize-security-group-ingress", "--group-id", group, "--ip-permissions",
                "IpProtocol=tcp,FromPort=80,ToPort=80,IpRanges=[{CidrIp=0.0.0.0/0,Description=web}]");
        String real = ok("ec2", "describe-security-groups", "--group-ids", group).stdout();
        assertThat(json(real).path("SecurityGroups").get(0).path("Description").asText()).isEqualTo("Web: 22/80 & más");
        assertThat(real).isEqualTo(lab("aws ec2 describe-security-groups --group-ids " + group));
        assertThat(lab("source nebula-openrc.sh; openstack security group rule list web-aws-sg -f value -c 'Port Range'")).contains("22:22", "80:80");
    }

    @Test
    @Order(4)
    void createKeyPairHandsOutThePrivateKey() throws Exception {
        String pem = ok("ec2", "create-key-pair", "--key-name", "aws-key", "--query", "KeyMaterial", "--output", "text").stdout();
        assertThat(pem).startsWith("-----BEGIN").contains("PRIVATE KEY-----");
        assertThat(ok("ec2", "describe-key-pairs").stdout()).isEqualTo(lab("aws ec2 describe-key-pairs"));
    }

    @Test
    @Order(5)
    void runInstancesLaunchesAndTheWaiterSeesItRunning() throws Exception {
        String ami = ok("ec2", "describe-images", "--filters", "Name=name,Values=cirros", "--query", "Images[0].ImageId", "--output", "text").stdout().strip();
        JsonNode res = json(ok("ec2", "run-instances", "--image-id", ami, "--instance-type", "t2.micro", "--key-name", "aws-key",
                "--security-group-ids", group, "--tag-specifications", "ResourceType=instance,Tags=[{Key=Name,Value=web-aws}]").stdout());
        JsonNode inst = res.path("Instances").get(0);
        instance = inst.path("InstanceId").asText();
        assertThat(instance).matches("i-[0-9a-f]{17}");
        assertThat(res.path("ReservationId").asText()).startsWith("r-");
        assertThat(inst.path("State").path("Name").asText()).isEqualTo("pending");
        assertThat(inst.path("Tags").toString()).contains("web-aws");
        ok("ec2", "wait", "instance-running", "--instance-ids", instance);
        assertThat(ok("ec2", "describe-instances", "--instance-ids", instance, "--query", "Reservations[0].Instances[0].State.Name",
                "--output", "text").stdout().strip()).isEqualTo("running");
        assertThat(lab("source nebula-openrc.sh; openstack server show web-aws -f value -c status").strip()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(6)
    void anElasticIpIsAllocatedAndAssociated() throws Exception {
        JsonNode alloc = json(ok("ec2", "allocate-address").stdout());
        address = alloc.path("PublicIp").asText();
        assertThat(alloc.path("AllocationId").asText()).startsWith("eipalloc-");
        assertThat(json(ok("ec2", "associate-address", "--instance-id", instance, "--allocation-id", alloc.path("AllocationId").asText()).stdout())
                .path("AssociationId").asText()).startsWith("eipassoc-");
        String real = ok("ec2", "describe-instances", "--instance-ids", instance).stdout();
        assertThat(json(real).path("Reservations").get(0).path("Instances").get(0).path("PublicIpAddress").asText()).isEqualTo(address);
        assertThat(real).isEqualTo(lab("aws ec2 describe-instances --instance-ids " + instance));
        String text = "Reservations[].Instances[].[Tags[0].Value,State.Name,PublicIpAddress]";
        assertThat(ok("ec2", "describe-instances", "--query", text, "--output", "text").stdout())
                .isEqualTo(lab("aws ec2 describe-instances --query '" + text + "' --output text")).contains("web-aws\trunning\t" + address);
        assertThat(ok("ec2", "describe-instances", "--output", "table").stdout()).isEqualTo(lab("aws ec2 describe-instances --output table"));
    }

    @Test
    @Order(7)
    void getConsoleOutputShowsTheGuestConsole() throws Exception {
        String real = ok("ec2", "get-console-output", "--instance-id", instance, "--query", "Output", "--output", "text").stdout();
        assertThat(real).isNotBlank().isEqualTo(lab("aws ec2 get-console-output --instance-id " + instance + " --query Output --output text"));
    }

    @Test
    @Order(8)
    void stopStartAndTerminateMoveTheInstanceThroughItsStates() throws Exception {
        assertThat(json(ok("ec2", "stop-instances", "--instance-ids", instance).stdout()).path("StoppingInstances").get(0)
                .path("PreviousState").path("Name").asText()).isEqualTo("running");
        ok("ec2", "wait", "instance-stopped", "--instance-ids", instance);
        assertThat(json(ok("ec2", "start-instances", "--instance-ids", instance).stdout()).path("StartingInstances").get(0)
                .path("PreviousState").path("Name").asText()).isEqualTo("stopped");
        ok("ec2", "wait", "instance-running", "--instance-ids", instance);
        JsonNode term = json(ok("ec2", "terminate-instances", "--instance-ids", instance).stdout()).path("TerminatingInstances").get(0);
        assertThat(term.path("CurrentState").path("Name").asText()).isIn("shutting-down", "terminated");
        ok("ec2", "wait", "instance-terminated", "--instance-ids", instance);
        assertThat(ok("ec2", "describe-instances", "--instance-ids", instance).stdout())
                .isEqualTo(lab("aws ec2 describe-instances --instance-ids " + instance)).contains("\"terminated\"");
    }

    @Test
    @Order(9)
    void mistakesGetEc2sErrorsAndExitStatus254() throws Exception {
        RealAws.Result missing = aws.run("ec2", "describe-instances", "--instance-ids", "i-0123456789abcdef0");
        assertThat(missing.status()).isEqualTo(254);
        assertThat(missing.stderr()).contains("An error occurred (InvalidInstanceID.NotFound) when calling the DescribeInstances operation: "
                + "The instance ID 'i-0123456789abcdef0' does not exist");
        RealAws.Result type = aws.run("ec2", "run-instances", "--image-id", "ami-0123456789abcdef0", "--instance-type", "t2.micro");
        assertThat(type.status()).isEqualTo(254);
        assertThat(type.stderr()).contains("(InvalidAMIID.NotFound) when calling the RunInstances operation");
        RealAws.Result dup = aws.run("ec2", "create-key-pair", "--key-name", "aws-key");
        assertThat(dup.stderr()).contains("(InvalidKeyPair.Duplicate)");
        RealAws stranger = RealAws.withKey(server.ec2Url(), "AKIANOBODY0000000000");
        RealAws.Result auth = stranger.run("ec2", "describe-instances");
        assertThat(auth.status()).isEqualTo(254);
        assertThat(auth.stderr()).contains("An error occurred (AuthFailure) when calling the DescribeInstances operation");
    }

    @Test
    @Order(10)
    void theRecordedRequestsReplayIntoTheSameCloud() throws Exception {
        assertThat(recorded).filteredOn(l -> l.line().startsWith("__ec2 Action=RunInstances&") && l.line().contains("KeyName=aws-key")).hasSize(1);
        List<Line> history = List.copyOf(recorded);
        try (Sandbox again = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
            // the history interleaves the real client's requests with the lab's own commands, in the order the engine saw them
            for (Line l : history) HistoryLines.replay(again, l.at(), l.line());
            again.cloud().advanceTo(Math.max(again.cloud().nowMs(), box.cloud().nowMs()));
            box.cloud().advanceTo(again.cloud().nowMs());
            for (String cmd : List.of("aws ec2 describe-security-groups", "aws ec2 describe-key-pairs", "aws ec2 describe-instances",
                    "openstack floating ip list -f json")) {
                assertThat(again.run(cmd).stdout()).as(cmd).isEqualTo(box.run(cmd).stdout());
            }
        }
    }
}

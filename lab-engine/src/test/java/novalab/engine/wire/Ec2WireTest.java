package novalab.engine.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.engine.Sandbox;
import org.junit.jupiter.api.Test;

/** The EC2 Query dispatcher: botocore's flattened parameters in, EC2's XML out, and recorded calls that replay byte for byte. */
class Ec2WireTest {
    private static Sandbox sandbox() { return Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; }); }

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
        assertThat(m.find()).as(element + " in " + xml).isTrue();
        return m.group(1);
    }

    @Test
    void the_launch_workflow_in_query_parameters_builds_what_the_cli_would() {
        List<String> lines = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try (Sandbox box = sandbox()) {
            java.util.function.Function<String, ApiResponse> call = form -> {
                Ec2Call c = new Ec2Call("Action=" + form + "&Version=2016-11-15");
                lines.add(c.historyLine());
                ApiResponse r = Ec2Wire.handle(box, "http://x", c);
                bodies.add(r.status() + " " + r.body());
                return r;
            };
            String sg = first(call.apply("CreateSecurityGroup&GroupName=web&GroupDescription=Web+servers%3A+22%2F80").body(), "groupId");
            ApiResponse rule = call.apply("AuthorizeSecurityGroupIngress&GroupId=" + sg + "&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.FromPort=22"
                    + "&IpPermissions.1.ToPort=22&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0%2F0&IpPermissions.2.IpProtocol=tcp"
                    + "&IpPermissions.2.FromPort=80&IpPermissions.2.ToPort=80&IpPermissions.2.IpRanges.1.CidrIp=0.0.0.0%2F0");
            assertThat(rule.status()).as(rule.body()).isEqualTo(200);
            assertThat(rule.body()).contains("<return>true</return>").contains("<securityGroupRuleSet><item>");
            assertThat(call.apply("CreateKeyPair&KeyName=k").body()).contains("<keyMaterial>-----BEGIN");
            String ami = first(call.apply("DescribeImages&Filter.1.Name=name&Filter.1.Value.1=cirros").body(), "imageId");
            ApiResponse run = call.apply("RunInstances&ImageId=" + ami + "&InstanceType=t2.micro&KeyName=k&SecurityGroupId.1=" + sg
                    + "&MinCount=1&MaxCount=1&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name"
                    + "&TagSpecification.1.Tag.1.Value=web1");
            assertThat(run.status()).as(run.body()).isEqualTo(200);
            assertThat(run.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<RunInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">")
                    .contains("<instanceState><code>0</code><name>pending</name></instanceState>")
                    .contains("<tagSet><item><key>Name</key><value>web1</value></item></tagSet>");
            String id = first(run.body(), "instanceId");
            long before = box.cloud().nowMs();
            ApiResponse poll = call.apply("DescribeInstances&InstanceId.1=" + id);
            assertThat(poll.body()).contains("<reservationSet><item>").contains("<reservationId>r-");
            assertThat(box.cloud().nowMs()).as("a poll of a pending instance lets the waiter's 15 s pass").isEqualTo(before + 15_000);
            for (int i = 0; i < 8 && !call.apply("DescribeInstances&InstanceId.1=" + id).body().contains("<name>running</name>"); i++) { }
            assertThat(call.apply("DescribeInstances&Filter.1.Name=tag%3AName&Filter.1.Value.1=web1").body()).contains("<name>running</name>")
                    .contains("<groupSet><item><groupName>web</groupName>");
            assertThat(call.apply("GetConsoleOutput&InstanceId=" + id).body()).containsPattern("<output>[A-Za-z0-9+/=]+</output>");
            assertThat(box.run("aws ec2 describe-instances --query 'Reservations[].Instances[].Tags[0].Value' --output text").stdout())
                    .as("the lab's own aws sees the same instance").isEqualTo("web1\n");
        }
        try (Sandbox again = sandbox()) {
            for (int i = 0; i < lines.size(); i++) {
                Ec2Call c = Ec2Call.fromHistoryLine(lines.get(i)).orElseThrow();
                ApiResponse r = Ec2Wire.handle(again, "http://x", c);
                assertThat(r.status() + " " + r.body()).as(lines.get(i)).isEqualTo(bodies.get(i));
            }
        }
    }

    @Test
    void history_lines_of_both_protocols_replay_through_one_entry_point() {
        try (Sandbox box = sandbox()) {
            assertThat(HistoryLines.isRequest("__ec2 Action=DescribeKeyPairs")).isTrue();
            assertThat(HistoryLines.isRequest("__api GET /identity/v3")).isTrue();
            assertThat(HistoryLines.isRequest("aws ec2 describe-key-pairs")).isFalse();
            assertThat(HistoryLines.replay(box, 1000, "__ec2 Action=CreateKeyPair&Version=2016-11-15&KeyName=k").status()).isZero();
            assertThat(box.cloud().nowMs()).isEqualTo(1000);
            assertThat(HistoryLines.replay(box, 2000, "__ec2 Action=CreateKeyPair&KeyName=k").status()).as("a duplicate is EC2's 400").isEqualTo(400);
            assertThat(HistoryLines.replay(box, 3000, "__api GET /identity/v3").status()).isZero();
            assertThat(HistoryLines.replay(box, 4000, "aws ec2 describe-key-pairs --query 'KeyPairs[].KeyName' --output text").stdout()).isEqualTo("k\n");
        }
    }
}

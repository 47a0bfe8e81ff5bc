package novalab.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import novalab.engine.Sandbox;
import novalab.engine.cli.aws.Ec2Service;
import novalab.engine.wire.ApiResponse;
import novalab.engine.wire.Ec2Call;
import novalab.engine.wire.Ec2Wire;
import novalab.engine.wire.HistoryLines;
import org.junit.jupiter.api.Test;

/** Thousands of seeded random EC2 actions built from the API's own words: every answer is a 200 or an EC2 error envelope, never a 5xx. */
class Ec2FuzzTest {
    static final List<String> PARAMS = List.of("InstanceId.1", "InstanceId.2", "InstanceType", "InstanceType.1", "ImageId", "ImageId.1",
            "KeyName", "KeyName.1", "GroupName", "GroupName.1", "GroupId", "GroupId.1", "GroupDescription", "MinCount", "MaxCount",
            "SecurityGroupId.1", "SecurityGroup.1", "SubnetId", "UserData", "DryRun", "Force", "AllocationId", "PublicIp", "Domain",
            "Filter.1.Name", "Filter.1.Value.1", "Filter.2.Value.1", "Filter.1.Value", "TagSpecification.1.ResourceType",
            "TagSpecification.1.Tag.1.Key", "TagSpecification.1.Tag.1.Value", "TagSpecification.1.Tag", "IpPermissions.1.IpProtocol",
            "IpPermissions.1.FromPort", "IpPermissions.1.ToPort", "IpPermissions.1.IpRanges.1.CidrIp", "IpPermissions.1.Groups.1.GroupId",
            "IpPermissions.1", "Placement.AvailabilityZone", "Placement", "KeyType", "KeyFormat", "Owner.1", "MaxResults", "NextToken",
            "BlockDeviceMapping.1.Ebs.VolumeSize", "", ".", "..1", "Filter..Name", "Filter.99999999999.Name");
    static final List<String> VALUES = List.of("", "i-0123456789abcdef0", "i-x", "t2.micro", "m1.tiny", "nosuch", "ami-0123456789abcdef0",
            "web", "sg-0123456789abcdef0", "true", "false", "0", "1", "-1", "2", "99999999999", "tcp", "udp", "icmp", "-1", "all",
            "0.0.0.0/0", "300.1.1.1/99", "instance", "name", "instance-state-name", "running", "*", "az1", "rsa", "ed25519", "pem",
            "self", "vpc", "%", "%zz", "a=b&c", "\u00e9", "!!!", "Zm9v", "not base64");

    private static String enc(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    @Test
    void random_actions_never_get_a_five_hundred_and_always_answer_in_xml() {
        List<String> actions = new java.util.ArrayList<>(Ec2Service.actions());
        actions.addAll(List.of("", "DescribeAddresses", "CreateVpc", "describeinstances", "%00"));
        try (Sandbox box = Sandbox.create(c -> { c.driver = "fake"; c.seed = 9; })) {
            Random rnd = new Random(7);
            for (int i = 0; i < 6000; i++) {
                StringBuilder form = new StringBuilder();
                String action = actions.get(rnd.nextInt(actions.size()));
                if (rnd.nextInt(20) > 0) form.append("Action=").append(enc(action)).append("&Version=2016-11-15");
                int n = rnd.nextInt(7);
                for (int k = 0; k < n; k++) {
                    form.append('&').append(enc(PARAMS.get(rnd.nextInt(PARAMS.size())))).append('=');
                    String v = VALUES.get(rnd.nextInt(VALUES.size()));
                    form.append(rnd.nextInt(8) == 0 ? v : enc(v));
                }
                Ec2Call call = new Ec2Call(form.toString());
                ApiResponse r = Ec2Wire.handle(box, "http://x", call);
                assertThat(r.status()).as("%s -> %s", call.historyLine(), r.body()).isBetween(200, 499);
                assertThat(r.body()).as(call.historyLine()).startsWith("<?xml");
                if (r.status() >= 400) assertThat(r.body()).contains("<Response><Errors><Error><Code>");
                // the history line replays without failing
                assertThat(HistoryLines.isRequest(call.historyLine())).isTrue();
            }
        }
    }
}

package novalab.engine.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The notes' Rosetta launch workflow typed with {@code aws ec2}, through the student's shell, on the same engine as openstack. */
class AwsCliTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @AfterEach
    void close() { box.close(); }

    private ExecResult ok(String line) {
        ExecResult r = box.run(line);
        assertThat(r.status()).as(line + "\n" + r.output()).isZero();
        return r;
    }

    private String out(String line) { return ok(line).stdout().trim(); }

    @Test
    void the_rosetta_launch_workflow_gives_a_server_openstack_sees_and_ssh_reaches() {
        String types = out("aws ec2 describe-instance-types --instance-types t2.micro t3.micro "
                + "--query 'sort_by(InstanceTypes,&InstanceType)[].[InstanceType,VCpuInfo.DefaultVCpus,MemoryInfo.SizeInMiB]' --output text");
        assertThat(types).isEqualTo("t2.micro\t1\t1024\nt3.micro\t2\t1024");
        String sg = out("aws ec2 create-security-group --group-name web-sg --description 'Web servers' --query GroupId --output text");
        assertThat(sg).matches("sg-[0-9a-f]{17}");
        ExecResult auth = ok("aws ec2 authorize-security-group-ingress --group-id " + sg + " --protocol tcp --port 22 --cidr 0.0.0.0/0");
        assertThat(auth.stdout()).contains("\"Return\": true,").contains("\"FromPort\": 22,").contains("\"CidrIpv4\": \"0.0.0.0/0\"");
        ok("aws ec2 create-key-pair --key-name lab-key --query KeyMaterial --output text > key.pem");
        ok("chmod 400 key.pem");
        assertThat(out("head -1 key.pem")).isEqualTo("-----BEGIN RSA PRIVATE KEY-----");
        String ami = out("aws ec2 describe-images --filters Name=name,Values=cirros --query 'Images[0].ImageId' --output text");
        assertThat(ami).matches("ami-[0-9a-f]{17}");
        String run = ok("aws ec2 run-instances --image-id " + ami + " --instance-type t2.micro --key-name lab-key --security-group-ids " + sg
                + " --count 1 --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=web1}]'").stdout();
        assertThat(run).startsWith("{\n    \"Groups\": [],\n    \"Instances\": [\n        {\n            \"AmiLaunchIndex\": 0,")
                .contains("\"Code\": 0,\n                \"Name\": \"pending\"").contains("\"ReservationId\": \"r-");
        String id = out("aws ec2 describe-instances --filters Name=tag:Name,Values=web1 --query 'Reservations[0].Instances[0].InstanceId' --output text");
        assertThat(id).matches("i-[0-9a-f]{17}");
        ok("aws ec2 wait instance-running --instance-ids " + id);
        assertThat(out("aws ec2 describe-instances --instance-ids " + id + " --query 'Reservations[].Instances[].State.Name' --output text"))
                .isEqualTo("running");
        String alloc = out("aws ec2 allocate-address --query AllocationId --output text");
        assertThat(alloc).matches("eipalloc-[0-9a-f]{17}");
        assertThat(out("aws ec2 associate-address --instance-id " + id + " --allocation-id " + alloc)).contains("\"AssociationId\": \"eipassoc-");
        String ip = out("aws ec2 describe-instances --instance-ids " + id + " --query 'Reservations[0].Instances[0].PublicIpAddress' --output text");
        assertThat(ip).startsWith("203.0.113.");
        assertThat(out("ssh -i key.pem cirros@" + ip + " hostname")).isEqualTo("web1");
        ok("source nebula-openrc.sh");
        assertThat(out("openstack server list -f value -c Name -c Status -c Flavor")).isEqualTo("web1 ACTIVE t2.micro");
        assertThat(out("openstack security group rule list web-sg -f value -c 'Port Range' -c 'IP Range'")).contains("0.0.0.0/0 22:22");
        assertThat(out("aws ec2 get-console-output --instance-id " + id + " --query Output --output text")).contains("web1");
    }
}

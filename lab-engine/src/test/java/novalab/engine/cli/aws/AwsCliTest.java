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

    private String launch(String name) {
        String ami = out("aws ec2 describe-images --filters Name=name,Values=cirros --query 'Images[0].ImageId' --output text");
        String id = out("aws ec2 run-instances --image-id " + ami + " --instance-type t2.micro --tag-specifications "
                + "'ResourceType=instance,Tags=[{Key=Name,Value=" + name + "}]' --query 'Instances[0].InstanceId' --output text");
        ok("aws ec2 wait instance-running --instance-ids " + id);
        return id;
    }

    @Test
    void without_credentials_the_cli_stops_before_calling_with_253() {
        ok("rm .aws/credentials");
        ExecResult r = box.run("aws ec2 describe-instances");
        assertThat(r.status()).isEqualTo(253);
        assertThat(r.stdout()).isEmpty();
        assertThat(r.stderr()).isEqualTo("\nUnable to locate credentials. You can configure credentials by running \"aws configure\".\n");
        ExecResult env = box.run("AWS_ACCESS_KEY_ID=AKIA5NEBULAPROD7EC2X AWS_SECRET_ACCESS_KEY=$(awk '/secret/ {print $3}' c 2>/dev/null) aws ec2 describe-key-pairs");
        assertThat(env.status()).isEqualTo(253);
    }

    @Test
    void credentials_from_the_environment_work_and_a_wrong_secret_is_an_auth_failure() {
        ok("rm .aws/credentials");
        assertThat(out("AWS_ACCESS_KEY_ID=AKIA5NEBULAPROD7EC2X AWS_SECRET_ACCESS_KEY=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 "
                + "aws ec2 describe-key-pairs")).isEqualTo("{\n    \"KeyPairs\": []\n}");
        ExecResult r = box.run("AWS_ACCESS_KEY_ID=AKIA5NEBULAPROD7EC2X AWS_SECRET_ACCESS_KEY=wrong aws ec2 describe-key-pairs");
        assertThat(r.status()).isEqualTo(254);
        assertThat(r.stderr()).isEqualTo("\nAn error occurred (AuthFailure) when calling the DescribeKeyPairs operation: "
                + "AWS was not able to validate the provided access credentials\n");
    }

    @Test
    void without_a_region_the_cli_says_so_with_253() {
        ok("rm .aws/config");
        ExecResult r = box.run("aws ec2 describe-instances");
        assertThat(r.status()).isEqualTo(253);
        assertThat(r.stderr()).isEqualTo("\nYou must specify a region. You can also configure your region by running \"aws configure\".\n");
        assertThat(box.run("AWS_DEFAULT_REGION=RegionOne aws ec2 describe-instances").status()).isZero();
    }

    @Test
    void a_missing_required_parameter_is_argparse_usage_with_252() {
        ExecResult r = box.run("aws ec2 create-security-group --group-name web-sg");
        assertThat(r.status()).isEqualTo(252);
        assertThat(r.stderr()).isEqualTo("usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
                + "To see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n\n"
                + "aws: error: the following arguments are required: --description\n");
        assertThat(box.run("aws ec2 describe-instances --bogus").stderr()).endsWith("\nUnknown options: --bogus\n");
        assertThat(box.run("aws ec2 authorize-security-group-ingress --group-name default --protocol tcp --port 22-x --cidr 0.0.0.0/0").stderr())
                .isEqualTo("\nport parameter should be of the form <from[-to]> (e.g. 22 or 22-25)\n");
        ExecResult typo = box.run("aws ec2 describe-instance");
        assertThat(typo.status()).isEqualTo(252);
        assertThat(typo.stderr()).endsWith("Invalid choice: 'describe-instance', maybe you meant:\n\n  * describe-instance-types\n  * describe-instances\n");
    }

    @Test
    void unknown_and_malformed_instance_ids_are_ec2_errors_with_254() {
        ExecResult nf = box.run("aws ec2 describe-instances --instance-ids i-0123456789abcdef0");
        assertThat(nf.status()).isEqualTo(254);
        assertThat(nf.stdout()).isEmpty();
        assertThat(nf.stderr()).isEqualTo("\nAn error occurred (InvalidInstanceID.NotFound) when calling the DescribeInstances operation: "
                + "The instance ID 'i-0123456789abcdef0' does not exist\n");
        ExecResult bad = box.run("aws ec2 stop-instances --instance-ids i-123");
        assertThat(bad.status()).isEqualTo(254);
        assertThat(bad.stderr()).isEqualTo("\nAn error occurred (InvalidInstanceID.Malformed) when calling the StopInstances operation: "
                + "Invalid id: \"i-123\"\n");
        assertThat(box.run("aws ec2 run-instances --image-id ami-12345678").stderr())
                .isEqualTo("\nAn error occurred (InvalidAMIID.NotFound) when calling the RunInstances operation: "
                        + "The image id '[ami-12345678]' does not exist\n");
    }

    @Test
    void query_results_print_in_each_output_format() {
        String q = " --instance-types t2.micro t2.nano --query 'sort_by(InstanceTypes,&InstanceType)[].[InstanceType,VCpuInfo.DefaultVCpus,MemoryInfo.SizeInMiB]'";
        assertThat(out("aws ec2 describe-instance-types" + q + " --output table")).isEqualTo(String.join("\n",
                "---------------------------",
                "|  DescribeInstanceTypes  |",
                "+-----------+----+--------+",
                "|  t2.micro |  1 |  1024  |",
                "|  t2.nano  |  1 |  512   |",
                "+-----------+----+--------+"));
        assertThat(out("aws ec2 describe-instance-types" + q + " --output text")).isEqualTo("t2.micro\t1\t1024\nt2.nano\t1\t512");
        assertThat(out("aws ec2 describe-instance-types" + q)).isEqualTo("[\n    [\n        \"t2.micro\",\n        1,\n        1024\n    ],\n"
                + "    [\n        \"t2.nano\",\n        1,\n        512\n    ]\n]");
        assertThat(out("aws ec2 describe-instance-types --instance-types t2.micro --query 'InstanceTypes[0].InstanceType'")).isEqualTo("\"t2.micro\"");
        assertThat(out("aws ec2 describe-instance-types --instance-types t2.micro --query 'InstanceTypes[0].Nothing'")).isEqualTo("null");
        String id = launch("web1");
        assertThat(out("aws ec2 describe-instances --query 'Reservations[].Instances[].{ID:InstanceId,State:State.Name,Type:InstanceType}' --output table"))
                .isEqualTo(String.join("\n",
                        "------------------------------------------------",
                        "|               DescribeInstances              |",
                        "+----------------------+----------+------------+",
                        "|          ID          |  State   |   Type     |",
                        "+----------------------+----------+------------+",
                        "|  " + id + " |  running |  t2.micro  |",
                        "+----------------------+----------+------------+"));
        String text = out("aws ec2 describe-instances --output text");
        assertThat(text).startsWith("RESERVATIONS\t").contains("\nSTATE\t16\trunning\n").contains("\nTAGS\tName\tweb1");
        ExecResult badQuery = box.run("aws ec2 describe-instances --query 'Reservations['");
        assertThat(badQuery.status()).isEqualTo(252);
        assertThat(badQuery.stderr()).startsWith("\nBad value for --query Reservations[: ");
        ExecResult badOutput = box.run("aws ec2 describe-instances --output xml");
        assertThat(badOutput.status()).isEqualTo(252);
        assertThat(badOutput.stderr()).contains("aws: error: argument --output: Invalid choice, valid choices are:");
    }

    @Test
    void stop_start_and_terminate_walk_the_ec2_states_on_the_nova_server() {
        String id = launch("web1");
        assertThat(out("aws ec2 stop-instances --instance-ids " + id + " --query 'StoppingInstances[0].[PreviousState.Name,CurrentState.Name]' --output text"))
                .isEqualTo("running\tstopping");
        ok("aws ec2 wait instance-stopped --instance-ids " + id);
        ok("source nebula-openrc.sh");
        assertThat(out("openstack server show web1 -f value -c status")).isEqualTo("SHUTOFF");
        assertThat(out("aws ec2 start-instances --instance-ids " + id + " --query 'StartingInstances[0].[PreviousState.Code,CurrentState.Code]' --output text"))
                .isEqualTo("80\t0");
        ok("aws ec2 wait instance-running --instance-ids " + id);
        assertThat(out("aws ec2 terminate-instances --instance-ids " + id + " --query 'TerminatingInstances[0].CurrentState.Name' --output text"))
                .isEqualTo("shutting-down");
        ok("aws ec2 wait instance-terminated --instance-ids " + id);
        assertThat(out("aws ec2 describe-instances --instance-ids " + id + " --query 'Reservations[0].Instances[0].State' --output text"))
                .isEqualTo("48\tterminated");
        assertThat(out("openstack server list -f value")).isEmpty();
        ExecResult start = box.run("aws ec2 start-instances --instance-ids " + id);
        assertThat(start.status()).isEqualTo(254);
        assertThat(start.stderr()).contains("(IncorrectInstanceState)").contains("is not in a state from which it can be started.");
    }

    @Test
    void without_an_ingress_rule_the_data_plane_refuses_ssh() {
        String sg = out("aws ec2 create-security-group --group-name closed --description 'No ingress' --query GroupId --output text");
        ok("aws ec2 create-key-pair --key-name k --query KeyMaterial --output text > k.pem && chmod 400 k.pem");
        String ami = out("aws ec2 describe-images --filters Name=name,Values=cirros --query 'Images[0].ImageId' --output text");
        String id = out("aws ec2 run-instances --image-id " + ami + " --instance-type t2.micro --key-name k --security-group-ids " + sg
                + " --query 'Instances[0].InstanceId' --output text");
        ok("aws ec2 wait instance-running --instance-ids " + id);
        String alloc = out("aws ec2 allocate-address --query AllocationId --output text");
        ok("aws ec2 associate-address --instance-id " + id + " --allocation-id " + alloc);
        String ip = out("aws ec2 describe-instances --instance-ids " + id + " --query 'Reservations[0].Instances[0].PublicIpAddress' --output text");
        assertThat(box.run("ssh -i k.pem cirros@" + ip + " hostname").status()).isEqualTo(255);
        ok("aws ec2 authorize-security-group-ingress --group-name closed --ip-permissions "
                + "'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0,Description=\"SSH\"}]'");
        assertThat(out("ssh -i k.pem cirros@" + ip + " hostname")).isEqualTo("ec2-instance");
        ExecResult dup = box.run("aws ec2 authorize-security-group-ingress --group-id " + sg + " --protocol tcp --port 22 --cidr 0.0.0.0/0");
        assertThat(dup.status()).isEqualTo(254);
        assertThat(dup.stderr()).isEqualTo("\nAn error occurred (InvalidPermission.Duplicate) when calling the AuthorizeSecurityGroupIngress operation: "
                + "the specified rule \"peer: 0.0.0.0/0, TCP, from port: 22, to port: 22, ALLOW\" already exists\n");
    }

    @Test
    void help_shows_the_operation_synopsis_with_required_options_unbracketed() {
        String help = out("aws ec2 create-security-group help");
        assertThat(help).startsWith("CREATE-SECURITY-GROUP()\n\nNAME\n       create-security-group -\n\nSYNOPSIS\n")
                .contains("\n          --group-name <value>\n").contains("\n          --description <value>\n")
                .contains("[--vpc-id <value>]").contains("[--dry-run | --no-dry-run]");
        assertThat(out("aws ec2 help")).contains("o run-instances");
    }

    @Test
    void a_launch_the_scheduler_cannot_place_ends_terminated_and_the_waiter_fails_with_255() {
        String ami = out("aws ec2 describe-images --filters Name=name,Values=cirros --query 'Images[0].ImageId' --output text");
        ok("source admin-openrc.sh");
        for (String host : new String[] {"compute1", "compute2", "compute3", "compute4"}) ok("openstack compute service set --disable " + host + " nova-compute");
        String id = out("aws ec2 run-instances --image-id " + ami + " --instance-type t2.micro --query 'Instances[0].InstanceId' --output text");
        ExecResult w = box.run("aws ec2 wait instance-running --instance-ids " + id);
        assertThat(w.status()).isEqualTo(255);
        assertThat(w.stderr()).isEqualTo("\nWaiter InstanceRunning failed: Waiter encountered a terminal failure state: For expression "
                + "\"Reservations[].Instances[].State.Name\" we matched expected path: \"terminated\" at least once\n");
        assertThat(out("aws ec2 describe-instances --instance-ids " + id + " --query 'Reservations[0].Instances[0].StateReason.Message' --output text"))
                .startsWith("Server.InternalError: ").contains("No valid host was found");
    }

    @Test
    void cleanup_operations_print_nothing_and_refuse_what_is_still_in_use() {
        String sg = out("aws ec2 create-security-group --group-name tmp --description t --query GroupId --output text");
        ok("aws ec2 create-key-pair --key-name tmp > /dev/null");
        String alloc = out("aws ec2 allocate-address --query AllocationId --output text");
        assertThat(ok("aws ec2 delete-security-group --group-id " + sg).stdout()).isEmpty();
        assertThat(ok("aws ec2 delete-key-pair --key-name tmp").stdout()).isEmpty();
        assertThat(ok("aws ec2 release-address --allocation-id " + alloc).stdout()).isEmpty();
        assertThat(out("aws ec2 describe-key-pairs --query 'length(KeyPairs)'")).isEqualTo("0");
        assertThat(box.run("aws ec2 delete-security-group --group-id " + sg).stderr()).contains("(InvalidGroup.NotFound)");
        ExecResult def = box.run("aws ec2 delete-security-group --group-name default");
        assertThat(def.status()).isEqualTo(254);
        assertThat(def.stderr()).contains("(CannotDelete)").contains("name: \"default\" cannot be deleted by a user");
        String id = launch("web1");
        assertThat(ok("aws ec2 reboot-instances --instance-ids " + id).stdout()).isEmpty();
    }
}

package novalab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import novalab.engine.shell.ExecResult;

/**
 * Thousands of generated and mutated command lines into a real sandbox (all CLIs installed): none
 * crashes it or prints a Java stack trace, and every failure is a tool-style message with a non-zero status.
 */
class SandboxFuzzTest {
    private static final Sandbox BOX = Sandbox.create(c -> c.driver = "fake");

    static {
        BOX.run("source admin-openrc.sh");
        BOX.run("openstack server create --flavor m1.tiny --image cirros --network nebula_net fuzz-vm --wait");
        BOX.run("openstack security group create fuzz-sg");
        BOX.run("openstack keypair create fuzz > fuzz.pem; chmod 600 fuzz.pem");
        BOX.run("openstack security group rule create --protocol tcp --dst-port 22 fuzz-sg");
        BOX.run("openstack server create --flavor m1.tiny --image cirros --network nebula_net --key-name fuzz --security-group fuzz-sg fuzz-guest --wait");
        BOX.run("export FIP=$(openstack floating ip create public -f value -c floating_ip_address)");
        BOX.run("openstack server add floating ip fuzz-guest $FIP");
    }

    @AfterContainer
    static void close() { BOX.close(); }

    private static final List<String> COMMANDS = List.of(
            "openstack server create", "openstack server list", "openstack server show", "openstack server delete",
            "openstack server stop", "openstack server start", "openstack server reboot", "openstack server shelve",
            "openstack server unshelve", "openstack flavor create", "openstack flavor list", "openstack flavor show",
            "openstack flavor delete", "openstack keypair create", "openstack keypair show", "openstack security group create",
            "openstack security group rule create", "openstack security group rule list", "openstack floating ip create",
            "openstack server add floating ip", "openstack console log show", "openstack hypervisor show",
            "openstack compute service set", "openstack", "openstack hypervisor list", "ssh", "curl", "ping", "ssh-keygen",
            "ssh controller crudini --set /etc/nova/nova.conf", "ssh controller systemctl", "ssh compute1 virsh",
            "ssh controller nova-manage cell_v2", "chmod", "cat", "grep", "ls -l", "ssh -i fuzz.pem cirros@$FIP",
            "ssh -i fuzz.pem cirros@$FIP sudo", "exit", "uname", "ip", "sudo apt-get install", "systemctl", "ssh controller",
            "ssh compute3", "virsh dumpxml", "openstack server event list", "openstack flavor set", "openstack image show",
                        "openstack aggregate create", "openstack aggregate add host", "openstack aggregate remove host", "openstack aggregate set",
            "openstack aggregate unset", "openstack aggregate delete", "openstack aggregate show", "openstack aggregate list",
            "openstack server migrate", "openstack server migrate confirm", "openstack server resize confirm",
            "openstack server migrate revert", "openstack server resize revert", "openstack server migration list", "openstack server event show",
            "openstack availability zone list", "openstack compute service list", "ssh compute1 free", "ssh compute2 nproc",
            "ssh compute1 iptables", "ssh compute1 iptables -S", "ssh compute1 ovs-ofctl", "ssh compute1 ovs-ofctl dump-flows",
            "ssh compute1 virsh dominfo", "ssh controller tail /var/log/nova/nova-api.log",
            "az login", "az group create -n fz -l eastus", "az vm create -g fz -n fzvm --image Ubuntu2204 --generate-ssh-keys",
            "az vm create", "az vm show -d -g fz -n fzvm", "az vm list -d -o table", "az vm open-port -g fz -n fzvm --port",
            "az network nsg create -g fz -n", "az network nsg rule create -g fz --nsg-name fzvmNSG -n r --priority",
            "az vm stop -g fz -n fzvm", "az vm deallocate -g fz -n fzvm", "az vm start -g fz -n fzvm", "az vm list-sizes -l",
            "az vm image list", "az vm list-ip-addresses", "az vm boot-diagnostics get-boot-log -g fz -n fzvm", "az --query",
            "az vm delete -g fz -n fzvm --yes", "az group delete -n fz --yes", "az sshkey create -g fz -n", "az",
            "aws", "aws ec2", "aws ec2 describe-instance-types --instance-types", "aws ec2 describe-instance-types --filters Name=",
            "aws ec2 describe-images --filters", "aws ec2 create-security-group --group-name", "aws ec2 describe-security-groups",
            "aws ec2 authorize-security-group-ingress --group-name fuzz-sg --protocol", "aws ec2 authorize-security-group-ingress --ip-permissions",
            "aws ec2 create-key-pair --key-name", "aws ec2 describe-key-pairs", "aws ec2 run-instances --image-id",
            "aws ec2 run-instances --tag-specifications", "aws ec2 describe-instances --query", "aws ec2 describe-instances --output table --query",
            "aws ec2 describe-instances --output text --filters", "aws ec2 allocate-address", "aws ec2 associate-address --instance-id",
            "aws ec2 get-console-output --instance-id", "aws ec2 stop-instances --instance-ids", "aws ec2 start-instances --instance-ids",
            "aws ec2 terminate-instances --instance-ids", "aws ec2 wait instance-running --instance-ids", "aws --output yaml ec2 describe-instances --query",
            "aws ec2 delete-security-group --group-name", "aws ec2 delete-key-pair --key-name", "aws ec2 release-address --allocation-id",
            "aws ec2 reboot-instances --instance-ids", "aws ec2 run-instances help");

    private static final List<String> WORDS = List.of(
            "--flavor", "--image", "--network", "--wait", "--key-name", "--security-group", "-f", "json", "value", "yaml",
            "csv", "-c", "ID", "Name", "--ram", "--disk", "--vcpus", "-1", "0", "99999999999999999999", "m1.tiny", "cirros",
            "nebula_net", "fuzz-vm", "fuzz-sg", "nosuch", "--protocol", "tcp", "icmp", "--dst-port", "22:21", "80", "--hard",
            "--all-projects", "--long", "compute1", "nova-compute", "--disable", "--enable", "restart", "status", "nova-scheduler",
            "filter_scheduler", "ram_weight_multiplier", "abc", "list", "--all", "dumpxml", "instance-00000001", "203.0.113.10",
            "-i", "k.pem", "az1-hosts", "agg9", "br-int", "table=82", "-m", "-h", "--ignore=2", "-t", "nat", "--zone", "--host", "compute2", "2.56", "--os-compute-api-version", "cirros@203.0.113.11", "-o", "table", "tsv", "--query", "[].name", "-g", "-n", "--yes",
            "http://203.0.113.11", "-c", "3", "\"", "'", "$(", ")", "|", ";", "&&", "||",
            ">", "<", "$X", "${", "}", "\\", "é", "☃", "--", "-", "=", "--id=", "--property", "a=b", "*", "?", "[", "\t");

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> cmd = Arbitraries.of(COMMANDS);
        Arbitrary<List<String>> words = Arbitraries.of(WORDS).list().ofMaxSize(8);
        Arbitrary<String> generated = Combinators.combine(cmd, words).as((c, w) -> c + " " + String.join(" ", w));
        Arbitrary<String> junk = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60);
        Arbitrary<String> mutated = Combinators.combine(generated, Arbitraries.integers().between(0, 60), junk)
                .as((g, at, j) -> g.substring(0, Math.min(at, g.length())) + j);
        return Arbitraries.oneOf(generated, generated, mutated, junk);
    }

    @Property(tries = 3000)
    void no_command_line_crashes_the_sandbox_or_leaks_java(@ForAll("lines") String line) {
        ExecResult r = BOX.run(line);
        assertThat(r.output()).as(line).doesNotContain("at novalab.").doesNotContain("java.").doesNotContain("internal error")
                .doesNotContain("NullPointer").doesNotContain("IllegalState").doesNotContain("IllegalArgument")
                .doesNotContain("IndexOutOfBounds").doesNotContain("NumberFormat").doesNotContain("NoSuchElement");
        boolean plainOpenstack = line.startsWith("openstack ") && !line.matches(".*[|;&<>$`\\\\].*");
        if (plainOpenstack && r.status() != 0) {
            assertThat(r.stderr()).as(line).isNotEmpty();
        }
        assertThat(BOX.run("true").status()).isZero();
    }
}

package novalab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tab completion of the cloud CLIs in the student's terminal: command words, options and names in the cloud. */
class CloudCompletionTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @AfterEach
    void close() { box.close(); }

    private ExecResult ok(String line) {
        ExecResult r = box.run(line);
        assertThat(r.status()).as(line + "\n" + r.output()).isZero();
        return r;
    }

    private List<String> tab(String line) { return box.shell().complete(line); }

    private void launchWeb() {
        ok("source nebula-openrc.sh");
        ok("openstack keypair create nebula_key > nebula_key.pem");
        ok("openstack security group create web");
        ok("openstack server create --flavor m1.tiny --image cirros --network nebula_net --key-name nebula_key "
                + "--security-group web nebula_web_01 --wait");
    }

    @Test
    void openstack_completes_object_and_action_words_from_its_command_table() {
        assertThat(tab("openstack ser")).containsExactly("server");
        assertThat(tab("openstack server ")).contains("add", "create", "delete", "list", "show", "start", "stop", "reboot")
                .doesNotContain("server", "floating");
        assertThat(tab("openstack server add ")).containsExactly("floating");
        assertThat(tab("openstack security ")).containsExactly("group");
        assertThat(tab("openstack security group ")).contains("create", "delete", "list", "rule", "show");
        assertThat(tab("openstack security group rule c")).containsExactly("create");
        assertThat(tab("openstack floating ")).containsExactly("ip");
        assertThat(tab("openstack compute service ")).containsExactly("list", "set");
        assertThat(tab("openstack help flav")).containsExactly("flavor");
        assertThat(tab("openstack --os-cloud x ser")).containsExactly("server");
    }

    @Test
    void openstack_completes_option_names_and_choices_from_the_commands_parser() {
        assertThat(tab("openstack server create --fl")).containsExactly("--flavor");
        assertThat(tab("openstack server create --key")).containsExactly("--key-name");
        assertThat(tab("openstack server list -f ")).contains("csv", "json", "table", "value", "yaml");
        assertThat(tab("openstack --ver")).containsExactly("--verbose", "--version");
    }

    @Test
    void without_credentials_openstack_offers_no_names_and_prints_nothing() {
        ExecResult before = box.run("echo ready");

        assertThat(tab("openstack server show ")).containsExactly("admin-openrc.sh", "nebula-openrc.sh"); // file names, as bash falls back
        assertThat(tab("openstack server create --flavor m1")).isEmpty();
        assertThat(before.stderr()).isEmpty();
    }

    @Test
    void openstack_completes_the_names_the_students_project_can_see() {
        launchWeb();
        ok("openstack floating ip create public");

        assertThat(tab("openstack server show neb")).containsExactly("nebula_web_01");
        assertThat(tab("openstack server delete nebula_web_01 ")).containsExactly("nebula_web_01");
        assertThat(tab("openstack server stop ")).containsExactly("nebula_web_01");
        assertThat(tab("openstack console log show n")).containsExactly("nebula_web_01");
        assertThat(tab("openstack server create --flavor m1.t")).containsExactly("m1.tiny");
        assertThat(tab("openstack server create --flavor=m1.t")).containsExactly("m1.tiny");
        assertThat(tab("openstack flavor show m1.s")).containsExactly("m1.small");
        assertThat(tab("openstack server create --image cir")).containsExactly("cirros");
        assertThat(tab("openstack server create --network ")).contains("nebula_net", "public");
        assertThat(tab("openstack server create --nic net-id=neb")).containsExactly("nebula_net");
        assertThat(tab("openstack server create --nic ")).containsExactly("auto", "net-id=", "none", "port-id=");
        assertThat(tab("openstack server create --key-name ")).containsExactly("nebula_key");
        assertThat(tab("openstack keypair delete ")).containsExactly("nebula_key");
        assertThat(tab("openstack server create --security-group w")).containsExactly("web");
        assertThat(tab("openstack security group show w")).containsExactly("web");
        assertThat(tab("openstack security group rule create --protocol tcp w")).containsExactly("web");
        String ip = ok("openstack floating ip list -f value -c 'Floating IP Address'").stdout().trim();
        assertThat(tab("openstack server add floating ip ")).containsExactly("nebula_web_01");
        assertThat(tab("openstack server add floating ip nebula_web_01 203.")).containsExactly(ip);
        assertThat(tab("echo $(openstack server show neb")).containsExactly("nebula_web_01");
        assertThat(tab("openstack server list | grep neb")).containsExactly("nebula-openrc.sh", "nebula_key.pem");

        ok("openstack server delete nebula_web_01 --wait");
        assertThat(tab("openstack server show neb")).doesNotContain("nebula_web_01");
    }

    @Test
    void names_of_other_projects_and_admin_only_lists_stay_hidden() {
        launchWeb();
        ok("source admin-openrc.sh");
        assertThat(tab("openstack hypervisor show ")).contains("compute1", "compute2", "compute3", "compute4");
        assertThat(tab("openstack server create --host comp")).contains("compute1", "compute4");
        assertThat(tab("openstack compute service set comp")).containsExactly("compute1", "compute2", "compute3", "compute4");
        assertThat(tab("openstack compute service set compute1 nova-c")).containsExactly("nova-compute", "nova-conductor");
        assertThat(tab("openstack server create --availability-zone az")).containsExactly("az1", "az2");
        assertThat(tab("openstack server show neb")).doesNotContain("nebula_web_01");

        ok("source nebula-openrc.sh");
        assertThat(tab("openstack hypervisor show comp")).isEmpty();
    }

    @Test
    void aws_completes_ec2_operations_options_and_the_projects_instance_ids_and_key_names() {
        assertThat(tab("aws e")).containsExactly("ec2");
        assertThat(tab("aws ec2 describe-in")).containsExactly("describe-instance-types", "describe-instances");
        assertThat(tab("aws ec2 run-")).containsExactly("run-instances");
        assertThat(tab("aws ec2 wait instance-r")).containsExactly("instance-running");
        assertThat(tab("aws ec2 run-instances --key")).containsExactly("--key-name");
        assertThat(tab("aws ec2 describe-instances --output t")).containsExactly("table", "text");
        launchWeb();
        String id = ok("aws ec2 describe-instances --query 'Reservations[0].Instances[0].InstanceId' --output text").stdout().trim();
        String sg = ok("aws ec2 describe-security-groups --group-names web --query 'SecurityGroups[0].GroupId' --output text").stdout().trim();

        assertThat(tab("aws ec2 describe-instances --instance-ids ")).containsExactly(id);
        assertThat(tab("aws ec2 stop-instances --instance-ids " + id + " i-")).containsExactly(id);
        assertThat(tab("aws ec2 run-instances --key-name neb")).containsExactly("nebula_key");
        assertThat(tab("aws ec2 describe-security-groups --group-names w")).containsExactly("web");
        assertThat(tab("aws ec2 run-instances --security-group-ids " + sg.substring(0, 4))).contains(sg);
    }

    @Test
    void az_completes_vm_commands_vm_names_and_resource_groups_once_logged_in() {
        assertThat(tab("az v")).containsExactly("vm");
        assertThat(tab("az vm s")).containsExactly("show", "start", "stop");
        assertThat(tab("az vm show --na")).containsExactly("--name");
        assertThat(tab("az vm show -o ")).contains("json", "table", "tsv");
        launchWeb();
        assertThat(tab("az vm show --name neb")).doesNotContain("nebula_web_01");

        ok("az login -o none");
        ok("az group create -n rosetta -l eastus -o none");
        assertThat(tab("az vm show --name neb")).containsExactly("nebula_web_01");
        assertThat(tab("az vm show -g rosetta --name neb")).doesNotContain("nebula_web_01");
        assertThat(tab("az vm list --resource-group ")).containsExactly("nebula_prod", "rosetta");
    }

    @Test
    void ssh_completes_the_labs_host_names_and_virsh_the_domains_on_its_node() {
        assertThat(tab("ssh comp")).containsExactly("compute1", "compute2", "compute3", "compute4");
        assertThat(tab("ssh root@con")).containsExactly("root@controller");
        assertThat(tab("ssh -i nebula")).containsExactly("nebula-openrc.sh");
        launchWeb();
        ok("source admin-openrc.sh");
        String host = ok("openstack server show nebula_web_01 -f value -c OS-EXT-SRV-ATTR:host").stdout().trim();
        String domain = ok("openstack server show nebula_web_01 -f value -c OS-EXT-SRV-ATTR:instance_name").stdout().trim();
        ok("ssh " + host);

        assertThat(tab("virsh dom")).containsExactly("dominfo", "domstate");
        assertThat(tab("virsh dominfo ")).containsExactly(domain);
        assertThat(tab("virsh list --a")).containsExactly("--all");
    }

    @Test
    void completing_changes_nothing_in_the_cloud_the_history_or_the_clock() {
        List<String> script = List.of("openstack keypair create nebula_key > nebula_key.pem",
                "openstack security group create web", "openstack security group rule create --protocol tcp --dst-port 22 web",
                "openstack server create --flavor m1.tiny --image cirros --network nebula_net --key-name nebula_key "
                        + "--security-group web nebula_web_01 --wait",
                "openstack floating ip create public", "aws ec2 describe-instances --instance-ids i-0 --output text",
                "az login -o none", "az vm show --name nebula_web_01 -g nebula_prod -o tsv", "openstack security group list",
                "openstack server list --long", "openstack token issue -f value -c id", "ssh compute1 virsh list --all");
        try (Sandbox twin = Sandbox.create(c -> c.driver = "fake")) {
            for (Sandbox b : List.of(box, twin)) b.run("source nebula-openrc.sh");
            for (String line : script) {
                List<String> history = box.shell().history();
                long now = box.cloud().clock().nowMs();
                String apiLog = box.cloud().log("controller", "nova-api").text();
                for (int end = 0; end <= line.length(); end++) tab(line.substring(0, end)); // Tab at every point of the line
                assertThat(box.shell().history()).isEqualTo(history);
                assertThat(box.cloud().clock().nowMs()).isEqualTo(now);
                assertThat(box.cloud().log("controller", "nova-api").text()).isEqualTo(apiLog);

                assertThat(box.run(line).output()).as(line).isEqualTo(twin.run(line).output());
            }
            assertThat(box.cloud().log("controller", "nova-api").text()).isEqualTo(twin.cloud().log("controller", "nova-api").text());
            assertThat(box.cloud().keystone().tokens("transient-x")).isEmpty();
        }
    }
}

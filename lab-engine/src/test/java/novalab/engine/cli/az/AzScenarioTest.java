package novalab.engine.cli.az;

import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Rosetta launch workflow in az, through the student's door: same Nova, same data plane, Azure's words and rules. */
class AzScenarioTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @AfterEach
    void close() { box.close(); }

    private ExecResult ok(String line) {
        ExecResult r = box.run(line);
        assertThat(r.status()).as(line + "\n" + r.output()).isZero();
        return r;
    }

    private String launch() {
        ok("az login");
        ok("az group create -n lab-rg -l eastus");
        ok("az vm create -g lab-rg -n vm1 --image Ubuntu2204 --size Standard_B1s --admin-username azureuser --generate-ssh-keys");
        return ok("az vm show -d -g lab-rg -n vm1 --query publicIps -o tsv").stdout().trim();
    }

    @Test
    void an_az_vm_is_a_nova_server_reachable_over_ssh_as_azureuser_with_the_generated_key() {
        ok("az login");
        ok("az group create -n lab-rg -l eastus");
        assertThat(ok("az vm list-sizes -l eastus -o table").stdout()).contains("Standard_B1s").startsWith("MaxDataDiskCount");
        assertThat(ok("az network nsg create -g lab-rg -n web-nsg").stdout()).contains("\"DenyAllInBound\"").contains("\"NewNSG\": {");
        ok("az network nsg rule create -g lab-rg --nsg-name web-nsg -n allow-ssh --priority 1000 --destination-port-ranges 22 --protocol Tcp");
        ExecResult created = ok("az vm create -g lab-rg -n vm1 --image Ubuntu2204 --size Standard_B1s --nsg web-nsg"
                + " --admin-username azureuser --generate-ssh-keys");
        assertThat(created.stdout()).contains("\"powerState\": \"VM running\"")
                .contains("/resourceGroups/lab-rg/providers/Microsoft.Compute/virtualMachines/vm1");
        assertThat(created.stderr()).contains("WARNING: SSH key files '/home/student/.ssh/id_rsa'");
        ok("az vm open-port -g lab-rg -n vm1 --port 80");
        String ip = ok("az vm show -d -g lab-rg -n vm1 --query publicIps -o tsv").stdout().trim();
        assertThat(ip).startsWith("203.0.113.");
        assertThat(ok("ssh azureuser@" + ip + " hostname").stdout()).isEqualTo("vm1\n");
        ok("source nebula-openrc.sh");
        assertThat(ok("openstack server list -f value -c Name -c Status").stdout()).contains("vm1 ACTIVE");
        assertThat(ok("az vm list -d -o table").stdout()).startsWith("Name    ResourceGroup    PowerState    PublicIps     Fqdns    Location    Zones")
                .contains("VM running").contains(ip);
    }

    @Test
    void a_deny_rule_at_a_higher_priority_blocks_ssh_while_neutron_instances_are_unaffected() {
        String ip = launch();
        ok("source nebula-openrc.sh");
        ok("openstack keypair create k > k.pem && chmod 600 k.pem");
        ok("openstack security group create web");
        ok("openstack security group rule create --protocol tcp --dst-port 22 web");
        ok("openstack server create --flavor m1.small --image ubuntu-22.04 --key-name k --security-group web os1 --wait");
        String osIp = ok("openstack floating ip create public -f value -c floating_ip_address").stdout().trim();
        ok("openstack server add floating ip os1 " + osIp);
        ok("ssh azureuser@" + ip + " true");
        ok("az network nsg rule create -g lab-rg --nsg-name vm1NSG -n deny-ssh --priority 100 --access Deny --destination-port-ranges 22");
        ExecResult blocked = box.run("ssh -o ConnectTimeout=5 azureuser@" + ip + " true");
        assertThat(blocked.status()).isEqualTo(255);
        assertThat(blocked.stderr()).isEqualTo("ssh: connect to host " + ip + " port 22: Connection timed out\n");
        assertThat(ok("ssh -i k.pem ubuntu@" + osIp + " hostname").stdout()).isEqualTo("os1\n");
    }

    @Test
    void deallocate_frees_the_host_and_start_places_it_again() {
        launch();
        ok("source admin-openrc.sh");
        String host = ok("openstack server show vm1 -f value -c OS-EXT-SRV-ATTR:host").stdout().trim();
        String before = ok("openstack hypervisor show " + host + " -f value -c memory_mb_used").stdout().trim();
        ok("az vm deallocate -g lab-rg -n vm1");
        String after = ok("openstack hypervisor show " + host + " -f value -c memory_mb_used").stdout().trim();
        assertThat(Integer.parseInt(after)).isLessThan(Integer.parseInt(before));
        assertThat(ok("az vm show -d -g lab-rg -n vm1 --query powerState -o tsv").stdout()).isEqualTo("VM deallocated\n");
        ExecResult stop = box.run("az vm stop -g lab-rg -n vm1");
        assertThat(stop.status()).isEqualTo(1);
        assertThat(stop.stderr()).contains("ERROR: (OperationNotAllowed) Operation 'powerOff' is not allowed on VM 'vm1' since the VM is deallocated");
        ok("az vm start -g lab-rg -n vm1");
        assertThat(ok("az vm show -d -g lab-rg -n vm1 --query powerState -o tsv").stdout()).isEqualTo("VM running\n");
        ok("az vm stop -g lab-rg -n vm1");
        assertThat(ok("az vm list -d --query [0].powerState -o tsv").stdout()).isEqualTo("VM stopped\n");
        assertThat(ok("openstack server show vm1 -f value -c status").stdout()).isEqualTo("SHUTOFF\n");
    }

    @Test
    void errors_print_azure_text_and_exit_codes() {
        ExecResult notLoggedIn = box.run("az group create -n lab-rg -l eastus");
        assertThat(notLoggedIn.status()).isEqualTo(1);
        assertThat(notLoggedIn.stderr()).isEqualTo("ERROR: Please run 'az login' to setup account.\n");
        ok("az login");
        ok("az group create -n lab-rg -l eastus");
        ok("az network nsg create -g lab-rg -n web-nsg");
        ExecResult noPriority = box.run("az network nsg rule create -g lab-rg --nsg-name web-nsg -n r1 --destination-port-ranges 22");
        assertThat(noPriority.status()).isEqualTo(2);
        assertThat(noPriority.stderr()).startsWith("ERROR: the following arguments are required: --priority\n");
        ExecResult unknown = box.run("az vm show -g lab-rg -n nosuch");
        assertThat(unknown.status()).isEqualTo(3);
        assertThat(unknown.stderr()).startsWith("ERROR: (ResourceNotFound) The Resource 'Microsoft.Compute/virtualMachines/nosuch' under "
                + "resource group 'lab-rg' was not found.");
        ok("az network nsg rule create -g lab-rg --nsg-name web-nsg -n a --priority 300 --destination-port-ranges 22");
        ExecResult conflict = box.run("az network nsg rule create -g lab-rg --nsg-name web-nsg -n b --priority 300");
        assertThat(conflict.status()).isEqualTo(1);
        assertThat(conflict.stderr()).startsWith("ERROR: (SecurityRuleConflict) Security rule b conflicts with rule a.");
    }

    @Test
    void delete_and_group_delete_remove_the_nova_server() {
        launch();
        ok("az vm delete -g lab-rg -n vm1 --yes");
        ok("source nebula-openrc.sh");
        assertThat(ok("openstack server list -f value -c Name").stdout()).doesNotContain("vm1");
        assertThat(box.run("az vm show -g lab-rg -n vm1").status()).isEqualTo(3);
        ExecResult noTty = box.run("az group delete -n lab-rg");
        assertThat(noTty.stderr()).isEqualTo("ERROR: Unable to prompt for confirmation as no tty available. Use --yes.\n");
        assertThat(ok("echo n | az group delete -n lab-rg").stdout()).isEqualTo("Are you sure you want to perform this operation? (y/n): n\n");
        ok("az group show -n lab-rg");
        ok("az group delete -n lab-rg --yes");
        assertThat(box.run("az group show -n lab-rg").status()).isEqualTo(3);
    }

    @Test
    void outputs_follow_knack_json_sorted_with_nulls_table_and_tsv_and_query_is_jmespath() {
        ok("az login");
        String json = ok("az group create -n lab-rg -l eastus").stdout();
        assertThat(json).startsWith("{\n  \"id\": \"/subscriptions/").contains("\n  \"managedBy\": null,\n")
                .contains("\"properties\": {\n    \"provisioningState\": \"Succeeded\"\n  },").endsWith("}\n");
        // tabulate "simple": headers padded by two, columns joined by two spaces, ManagedBy (null) and id/type dropped
        assertThat(ok("az group list -o table").stdout()).isEqualTo("Location    Name\n----------  ------\neastus      lab-rg\n");
        assertThat(ok("az vm list-sizes -l eastus --query \"[?name=='Standard_B1s'].memoryInMb\" -o tsv").stdout()).isEqualTo("1024\n");
        ExecResult badQuery = box.run("az group list --query '[?'");
        assertThat(badQuery.status()).isEqualTo(2);
        assertThat(badQuery.stderr()).startsWith("ERROR: argument --query: invalid jmespath_type value: '[?'\n");
        assertThat(ok("az group list -o none").stdout()).isEmpty();
        assertThat(ok("az group show -n LAB-RG --query name -o yaml").stdout()).isEqualTo("lab-rg\n...\n");
    }

    @Test
    void the_image_list_needs_no_login_and_maps_ubuntu2204_onto_the_glance_image() {
        ExecResult images = ok("az vm image list -o table");
        assertThat(images.stderr()).isEqualTo("WARNING: You are viewing an offline list of images, use --all to retrieve an up-to-date list\n");
        assertThat(images.stdout()).startsWith("Architecture    Offer  ").containsPattern(
                "Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest +Ubuntu2204 +latest");
        launch();
        ok("source nebula-openrc.sh");
        assertThat(ok("openstack server show vm1 -f value -c image").stdout()).startsWith("ubuntu-22.04 (");
        assertThat(ok("openstack server show vm1 -f value -c flavor").stdout()).startsWith("m1.small");
    }

    @Test
    void opening_two_ports_at_the_default_priority_conflicts_as_in_azure() {
        launch();
        ok("az vm open-port -g lab-rg -n vm1 --port 80");
        ExecResult second = box.run("az vm open-port -g lab-rg -n vm1 --port 443");
        assertThat(second.status()).isEqualTo(1);
        assertThat(second.stderr()).startsWith("ERROR: (SecurityRuleConflict) Security rule open-port-443 conflicts with rule open-port-80. "
                + "Rules cannot have the same Priority and Direction. To learn more, see aka.ms/nsgrules.\n");
        ok("az vm open-port -g lab-rg -n vm1 --port 443 --priority 910");
    }

    @Test
    void inside_an_az_vm_the_admin_user_is_who_logs_in_and_the_boot_log_is_the_console() {
        String ip = launch();
        assertThat(ok("ssh azureuser@" + ip + " whoami").stdout()).isEqualTo("azureuser\n");
        assertThat(box.run("ssh ubuntu@" + ip + " true").stderr()).endsWith("ubuntu@" + ip + ": Permission denied (publickey).\n");
        ExecResult off = box.run("az vm boot-diagnostics get-boot-log -g lab-rg -n vm1");
        assertThat(off.stderr()).isEqualTo("ERROR: Please enable boot diagnostics.\n");
        ok("az vm boot-diagnostics enable -g lab-rg -n vm1");
        assertThat(ok("az vm boot-diagnostics get-boot-log -g lab-rg -n vm1").stdout()).isNotEmpty();
    }

    @Test
    void an_sshkey_resource_or_a_key_file_can_be_the_vm_key() {
        ok("az login");
        ok("az group create -n lab-rg -l westeurope");
        ExecResult key = ok("az sshkey create -g lab-rg -n lab-key");
        assertThat(key.stderr()).startsWith("WARNING: No public key is provided. A key pair is being generated for you.\n"
                + "WARNING: Private key is saved to \"/home/student/.ssh/");
        assertThat(key.stdout()).contains("generated-by-azure\"").contains("/resourceGroups/LAB-RG/providers/Microsoft.Compute/sshPublicKeys/lab-key");
        ok("az vm create -g lab-rg -n vm1 --image Ubuntu2204 --size Standard_B1ls --admin-username azureuser --ssh-key-name lab-key");
        String priv = ok("ls ~/.ssh | grep -v pub").stdout().trim();
        String ip = ok("az vm list-ip-addresses -g lab-rg -n vm1 --query [0].virtualMachine.network.publicIpAddresses[0].ipAddress -o tsv")
                .stdout().trim();
        assertThat(ok("ssh -i ~/.ssh/" + priv + " azureuser@" + ip + " hostname").stdout()).isEqualTo("vm1\n");
        ok("ssh-keygen -q -t ed25519 -f mykey -N ''");
        ok("az vm create -g lab-rg -n vm2 --image Ubuntu2204 --ssh-key-values mykey.pub --public-ip-address '' --nsg ''");
        assertThat(ok("az vm show -d -g lab-rg -n vm2 --query \"[publicIps, osProfile.adminUsername]\" -o tsv").stdout()).isEqualTo("\nstudent\n");
    }
}

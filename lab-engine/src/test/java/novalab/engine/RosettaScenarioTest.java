package novalab.engine;

import static novalab.engine.Scripts.ok;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notes' section 6 Rosetta stone, literally: one sandbox, the launch workflow in all three
 * dialects, and every server visible from the other two under that dialect's names.
 */
class RosettaScenarioTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @AfterEach
    void close() { box.close(); }

    private String out(String line) { return ok(box, line).stdout().trim(); }

    @Test
    void servers_launched_in_three_dialects_are_one_cloud() {
        // OpenStack
        ok(box, "source nebula-openrc.sh");
        ok(box, "openstack security group create web-sg");
        ok(box, "openstack security group rule create --protocol tcp --dst-port 22 web-sg");
        ok(box, "openstack keypair create os-key > os.pem && chmod 600 os.pem");
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net --key-name os-key --security-group web-sg os-vm --wait");
        // AWS
        String ami = out("aws ec2 describe-images --filters Name=name,Values=cirros --query 'Images[0].ImageId' --output text");
        String sg = out("aws ec2 create-security-group --group-name aws-sg --description 'AWS web' --query GroupId --output text");
        ok(box, "aws ec2 authorize-security-group-ingress --group-id " + sg + " --protocol tcp --port 22 --cidr 0.0.0.0/0");
        ok(box, "aws ec2 create-key-pair --key-name aws-key --query KeyMaterial --output text > aws.pem && chmod 400 aws.pem");
        String id = out("aws ec2 run-instances --image-id " + ami + " --instance-type t2.micro --key-name aws-key --security-group-ids "
                + sg + " --tag-specifications 'ResourceType=instance,Tags=[{Key=Name,Value=aws-vm}]' --query 'Instances[0].InstanceId' --output text");
        ok(box, "aws ec2 wait instance-running --instance-ids " + id);
        // Azure
        ok(box, "az login -o none");
        ok(box, "az group create -n rosetta -l eastus -o none");
        ok(box, "az network nsg create -g rosetta -n web-nsg -o none");
        ok(box, "az vm create -g rosetta -n az-vm --image Ubuntu2204 --size Standard_B1s --admin-username azureuser --generate-ssh-keys -o none");

        assertThat(out("openstack server list -f value -c Name -c Status")).isEqualTo("az-vm ACTIVE\naws-vm ACTIVE\nos-vm ACTIVE");
        assertThat(out("aws ec2 describe-instances --query 'Reservations[].Instances[].[Tags[?Key==`Name`].Value|[0],State.Name]' --output text"))
                .contains("os-vm\trunning").contains("aws-vm\trunning").contains("az-vm\trunning");
        String azList = out("az vm list --query '[].id' -o tsv");
        assertThat(azList).contains("/resourceGroups/rosetta/providers/Microsoft.Compute/virtualMachines/az-vm")
                .contains("/resourceGroups/nebula_prod/providers/Microsoft.Compute/virtualMachines/aws-vm")
                .contains("/resourceGroups/nebula_prod/providers/Microsoft.Compute/virtualMachines/os-vm");
        assertThat(out("openstack security group list -f value -c Name")).contains("web-sg").contains("aws-sg");
        assertThat(out("aws ec2 describe-security-groups --query 'SecurityGroups[].GroupName' --output text")).contains("web-sg").contains("aws-sg");
        assertThat(out("aws ec2 describe-key-pairs --query 'KeyPairs[].KeyName' --output text")).contains("os-key").contains("aws-key");
        assertThat(out("openstack keypair list -f value -c Name")).contains("aws-key").contains("os-key");
    }
}

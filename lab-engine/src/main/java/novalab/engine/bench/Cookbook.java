package novalab.engine.bench;

import java.util.List;

/** The notes' section 5 cookbook (and a glance through the aws and az dialects) as a timed history (offsets in ms), used by the benchmark and the parity tests. */
public final class Cookbook {
    private Cookbook() {}

    /** One command of a history. */
    public record Step(long offsetMs, String line) {}

    public static List<Step> history() {
        String[] lines = {
            "source admin-openrc.sh",
            "openstack flavor list",
            "openstack flavor create --ram 256 --disk 1 --vcpus 1 m1.nebula_micro",
            "source nebula-openrc.sh",
            "openstack keypair create nebula_key > nebula_key.pem",
            "chmod 600 nebula_key.pem",
            "openstack security group create web --description 'Nebula web servers'",
            "openstack security group rule create --protocol tcp --dst-port 22 web",
            "openstack security group rule create --protocol tcp --dst-port 80 web",
            "openstack server create --flavor m1.nebula_micro --image cirros --network nebula_net --key-name nebula_key --security-group web nebula_web_01 --wait",
            "IP=$(openstack floating ip create public -f value -c floating_ip_address)",
            "openstack server add floating ip nebula_web_01 $IP",
            "openstack server show nebula_web_01 -c status -c addresses -f value",
            "openstack console log show nebula_web_01 --lines 5",
            "ssh -i nebula_key.pem cirros@$IP hostname",
            "openstack server stop nebula_web_01",
            "sleep 5",
            "openstack server list",
            "openstack hypervisor list --long",
            "aws ec2 describe-instances --query 'Reservations[].Instances[].[InstanceId,State.Name]' --output text",
            "aws ec2 describe-instance-types --instance-types t2.micro --output table",
            "az login -o none",
            "az vm list -d -o table",
        };
        java.util.ArrayList<Step> out = new java.util.ArrayList<>();
        for (int i = 0; i < lines.length; i++) out.add(new Step(i * 1000L, lines[i]));
        return List.copyOf(out);
    }
}

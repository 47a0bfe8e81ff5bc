package novalab.engine.cli;

import novalab.engine.Cloud;
import novalab.engine.cli.net.Curl;
import novalab.engine.cli.net.Ping;
import novalab.engine.cli.net.Ssh;
import novalab.engine.cli.openstack.OpenStackCli;
import novalab.engine.cli.ops.Crudini;
import novalab.engine.cli.ops.Firewall;
import novalab.engine.cli.ops.HostTools;
import novalab.engine.cli.ops.NovaManage;
import novalab.engine.cli.ops.Systemctl;
import novalab.engine.cli.ops.Virsh;
import novalab.engine.crypto.SshKeygen;
import novalab.engine.nodes.SimNode;

/** Installs each machine's programs: the student's tools on the workstation, the operator's on the nodes. */
public final class Programs {
    private Programs() {}

    public static void install(Cloud cloud) {
        OpenStackCli openstack = new OpenStackCli(cloud);
        Ssh ssh = new Ssh(cloud);
        SimNode ws = cloud.workstation();
        ws.install("openstack", openstack).install("ssh", ssh).install("curl", new Curl(cloud)).install("ping", new Ping(cloud))
                .install("ssh-keygen", new SshKeygen());
        ws.install("az", new novalab.engine.cli.az.AzCli(cloud));
        ws.install("aws", new novalab.engine.cli.aws.AwsCli(cloud));
        SimNode ctl = cloud.controller();
        ctl.install("openstack", openstack).install("crudini", new Crudini()).install("systemctl", new Systemctl(cloud, ctl))
                .install("nova-manage", new NovaManage(cloud)).install("ssh", ssh);
        cloud.computeNodes().forEach((host, node) -> node.install("virsh", new Virsh(cloud.drivers().get(host)))
                .install("systemctl", new Systemctl(cloud, node)).install("crudini", new Crudini()).install("ssh", ssh)
                .install("free", new HostTools.Free(cloud.drivers().get(host))).install("nproc", new HostTools.Nproc(cloud.drivers().get(host))));
        cloud.computeNodes().values().forEach(node -> Firewall.install(cloud, node));
    }
}

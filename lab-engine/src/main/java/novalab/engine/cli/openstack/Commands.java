package novalab.engine.cli.openstack;

import java.util.List;

/** The explicit table of {@code openstack} commands this lab implements (OSC's entry points, by hand). */
final class Commands {
    private Commands() {}

    /** One instance of each command, shared by every sandbox: commands hold no state but their parser. */
    private static final List<OscCommand> ALL = List.of(
                new FlavorCommands.FlavorList(), new FlavorCommands.FlavorShow(), new FlavorCommands.FlavorCreate(),
                new FlavorCommands.FlavorDelete(), new FlavorCommands.FlavorSet(), new FlavorCommands.FlavorUnset(),
                new KeypairCommands.KeypairCreate(), new KeypairCommands.KeypairList(), new KeypairCommands.KeypairShow(),
                new KeypairCommands.KeypairDelete(),
                new SecurityGroupCommands.SecurityGroupCreate(), new SecurityGroupCommands.SecurityGroupShow(),
                new SecurityGroupCommands.SecurityGroupList(), new SecurityGroupCommands.SecurityGroupDelete(),
                new SecurityGroupCommands.RuleCreate(), new SecurityGroupCommands.RuleList(), new SecurityGroupCommands.RuleShow(),
                new SecurityGroupCommands.RuleDelete(),
                new ServerCommands.ServerCreateCmd(), new ServerCommands.ServerList(), new ServerCommands.ServerShow(),
                new ServerCommands.ServerDelete(), new ServerCommands.ServerStart(), new ServerCommands.ServerStop(),
                new ServerCommands.ServerReboot(), new ServerCommands.ServerShelve(), new ServerCommands.ServerUnshelve(),
                new ServerCommands.ServerAddFloatingIp(), new ServerCommands.ServerRemoveFloatingIp(),
                new ServerCommands.ServerEventList(), new ServerCommands.ConsoleLogShow(),
                new NetworkCommands.FloatingIpCreate(), new NetworkCommands.FloatingIpList(), new NetworkCommands.FloatingIpShow(),
                new NetworkCommands.FloatingIpDelete(), new NetworkCommands.FloatingIpSet(), new NetworkCommands.FloatingIpUnset(),
                new NetworkCommands.NetworkList(), new NetworkCommands.NetworkShow(), new NetworkCommands.SubnetList(),
                new NetworkCommands.PortList(), new NetworkCommands.RouterList(),
                new AdminCommands.ImageList(), new AdminCommands.ImageShow(), new AdminCommands.HypervisorList(),
                new AdminCommands.HypervisorShow(), new AdminCommands.ComputeServiceList(), new AdminCommands.ComputeServiceSet(),
                new AdminCommands.AvailabilityZoneList(), new AdminCommands.AggregateList(), new AdminCommands.AggregateShow(),
                new AdminCommands.QuotaShow(), new AdminCommands.LimitsShow(), new AdminCommands.TokenIssue(),
                new AdminCommands.ProjectList(), new AdminCommands.UserList(),
                new OperatorCommands.AggregateCreate(), new OperatorCommands.AggregateAddHost(), new OperatorCommands.AggregateRemoveHost(),
                new OperatorCommands.AggregateSet(), new OperatorCommands.AggregateUnset(), new OperatorCommands.AggregateDelete(),
                new OperatorCommands.ServerMigrate(), new OperatorCommands.ServerMigrateConfirm(), new OperatorCommands.ServerResizeConfirm(),
                new OperatorCommands.ServerMigrateRevert(), new OperatorCommands.ServerResizeRevert(),
                new OperatorCommands.ServerMigrationList(), new OperatorCommands.ServerEventShow());

    static List<OscCommand> all() {
        return ALL;
    }
}

package novalab.engine.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import novalab.engine.common.Ids;
import novalab.engine.common.SimClock;
import novalab.engine.identity.RequestContext;
import novalab.engine.network.Model.Network;
import novalab.engine.network.Model.Port;
import novalab.engine.network.Model.SecurityGroup;
import org.junit.jupiter.api.Test;

/** Security groups are stateful allow-lists with implicit deny, applied to ports at once. */
class NeutronTest {
    private final Neutron neutron = new Neutron(new SimClock(0), new Ids(1));
    private final RequestContext ctx = new RequestContext("u", "user", "p", "proj", List.of("member"), "t");
    private final Network net = neutron.addNetwork("net", "p", false, false, 1450);

    {
        neutron.addSubnet("sub", net.id(), "p", "10.0.0.0/24", "10.0.0.1", "10.0.0.10", "10.0.0.20", List.of(), true);
    }

    private Neutron.RuleRequest tcp(String group, int port, String cidr) {
        return new Neutron.RuleRequest(group, "ingress", "IPv4", Optional.of("tcp"), OptionalInt.of(port), OptionalInt.of(port),
                Optional.of(cidr), Optional.empty(), "");
    }

    @Test
    void a_new_group_lets_nothing_in_until_a_rule_allows_it() {
        SecurityGroup web = neutron.createSecurityGroup(ctx, "web", "");
        Port port = neutron.createPort("p", net.id(), "vm", "compute:nova", List.of(web.id()), "compute1");
        assertThat(neutron.ingressAllowed(port.id(), "198.51.100.23", "tcp", 22)).isFalse();
        neutron.createRule(ctx, tcp("web", 22, "0.0.0.0/0"));
        assertThat(neutron.ingressAllowed(port.id(), "198.51.100.23", "tcp", 22)).isTrue();
        assertThat(neutron.ingressAllowed(port.id(), "198.51.100.23", "tcp", 80)).isFalse();
        assertThat(neutron.ingressAllowed(port.id(), "198.51.100.23", "icmp", 0)).isFalse();
    }

    @Test
    void a_remote_cidr_limits_who_may_connect() {
        SecurityGroup web = neutron.createSecurityGroup(ctx, "web", "");
        Port port = neutron.createPort("p", net.id(), "vm", "compute:nova", List.of(web.id()), "compute1");
        neutron.createRule(ctx, tcp("web", 22, "192.0.2.0/24"));
        assertThat(neutron.ingressAllowed(port.id(), "198.51.100.23", "tcp", 22)).isFalse();
        assertThat(neutron.ingressAllowed(port.id(), "192.0.2.7", "tcp", 22)).isTrue();
    }

    @Test
    void the_default_group_admits_only_its_own_members() {
        SecurityGroup dflt = neutron.defaultGroup("p");
        Port a = neutron.createPort("p", net.id(), "a", "compute:nova", List.of(dflt.id()), "compute1");
        Port b = neutron.createPort("p", net.id(), "b", "compute:nova", List.of(dflt.id()), "compute1");
        assertThat(neutron.ingressAllowed(a.id(), b.firstIp(), "tcp", 22)).isTrue();
        assertThat(neutron.ingressAllowed(a.id(), "198.51.100.23", "tcp", 22)).isFalse();
    }

    @Test
    void a_duplicate_rule_is_neutrons_409_and_a_reversed_range_its_400() {
        neutron.createSecurityGroup(ctx, "web", "");
        var first = neutron.createRule(ctx, tcp("web", 22, "0.0.0.0/0"));
        assertThatThrownBy(() -> neutron.createRule(ctx, tcp("web", 22, "0.0.0.0/0")))
                .hasMessage("Security group rule already exists. Rule id is " + first.id() + ".");
        assertThatThrownBy(() -> neutron.createRule(ctx, new Neutron.RuleRequest("web", "ingress", "IPv4", Optional.of("tcp"),
                OptionalInt.of(90), OptionalInt.of(80), Optional.empty(), Optional.empty(), "")))
                .hasMessage("For TCP/UDP protocols, port_range_min must be <= port_range_max");
    }

    @Test
    void ports_take_the_next_free_address_of_the_pool() {
        Port a = neutron.createPort("p", net.id(), "a", "compute:nova", List.of(), "h");
        Port b = neutron.createPort("p", net.id(), "b", "compute:nova", List.of(), "h");
        assertThat(a.firstIp()).isEqualTo("10.0.0.10");
        assertThat(b.firstIp()).isEqualTo("10.0.0.11");
        assertThat(a.macAddress()).startsWith("fa:16:3e:");
    }
}

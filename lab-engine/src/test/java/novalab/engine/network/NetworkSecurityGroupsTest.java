package novalab.engine.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import novalab.engine.common.Ids;
import novalab.engine.common.SimClock;
import novalab.engine.network.Model.Network;
import novalab.engine.network.Model.Port;
import novalab.engine.network.NetworkSecurityGroups.SecurityRule;
import org.junit.jupiter.api.Test;

/** An NSG on a server's NIC decides its ingress alone: lowest priority number first, first match wins, Deny is a verdict. */
class NetworkSecurityGroupsTest {
    private static final String INTERNET = "198.51.100.23";
    private final Neutron neutron = new Neutron(new SimClock(0), new Ids(1));
    private final Network net = neutron.addNetwork("net", "p", false, false, 1450);

    {
        neutron.addSubnet("sub", net.id(), "p", "10.0.0.0/24", "10.0.0.1", "10.0.0.10", "10.0.0.20", List.of(), true);
    }

    // the port's Neutron group (default) allows nothing from the internet, so any "allowed" below comes from the NSG
    private final Port port = neutron.createPort("p", net.id(), "server-1", "compute:nova", List.of(neutron.defaultGroup("p").id()), "compute1");
    private final NetworkSecurityGroups nsgs = neutron.nsgs();

    private static SecurityRule tcp(String name, int priority, String access, String ports) {
        return new SecurityRule(name, priority, "Inbound", access, "Tcp", List.of("*"), List.of("*"), List.of("*"), List.of(ports), "");
    }

    @Test
    void without_an_nsg_the_neutron_groups_decide() {
        assertThat(nsgs.ingressDecision(port, "10.0.0.0/24", INTERNET, "tcp", 22)).isEmpty();
        assertThat(neutron.ingressAllowed(port.id(), INTERNET, "tcp", 22)).isFalse();
    }

    @Test
    void a_new_nsg_denies_internet_traffic_but_allows_the_vnet_by_its_default_rules() {
        nsgs.create("g1", "web-nsg");
        nsgs.attach("server-1", "g1");
        assertThat(neutron.ingressAllowed(port.id(), INTERNET, "tcp", 22)).isFalse();
        assertThat(neutron.ingressAllowed(port.id(), "10.0.0.15", "tcp", 22)).isTrue();
        assertThat(neutron.ingressAllowed(port.id(), NetworkSecurityGroups.AZURE_LOAD_BALANCER_IP, "tcp", 80)).isTrue();
    }

    @Test
    void the_lowest_priority_number_that_matches_decides() {
        nsgs.create("g1", "web-nsg");
        nsgs.attach("server-1", "g1");
        nsgs.putRule("g1", tcp("allow-ssh", 1000, "Allow", "22"));
        assertThat(neutron.ingressAllowed(port.id(), INTERNET, "tcp", 22)).isTrue();
        assertThat(neutron.ingressAllowed(port.id(), INTERNET, "tcp", 80)).isFalse();
        nsgs.putRule("g1", tcp("deny-ssh", 100, "Deny", "20-25"));
        assertThat(neutron.ingressAllowed(port.id(), INTERNET, "tcp", 22)).isFalse();
        nsgs.putRule("g1", tcp("deny-ssh", 2000, "Deny", "20-25"));
        assertThat(neutron.ingressAllowed(port.id(), INTERNET, "tcp", 22)).isTrue();
    }

    @Test
    void source_tags_and_cidrs_and_protocols_narrow_a_rule() {
        nsgs.create("g1", "web-nsg");
        nsgs.attach("server-1", "g1");
        nsgs.putRule("g1", new SecurityRule("office", 200, "Inbound", "Allow", "Tcp", List.of("198.51.100.0/24"), List.of("*"),
                List.of("*"), List.of("*"), ""));
        assertThat(neutron.ingressAllowed(port.id(), INTERNET, "tcp", 8080)).isTrue();
        assertThat(neutron.ingressAllowed(port.id(), "192.0.2.7", "tcp", 8080)).isFalse();
        assertThat(neutron.ingressAllowed(port.id(), INTERNET, "icmp", 0)).isFalse();
        nsgs.putRule("g1", new SecurityRule("ping", 300, "Inbound", "Allow", "Icmp", List.of("Internet"), List.of("*"),
                List.of("*"), List.of("*"), ""));
        assertThat(neutron.ingressAllowed(port.id(), INTERNET, "icmp", 0)).isTrue();
    }

    @Test
    void same_priority_and_direction_is_a_conflict_but_replacing_a_rule_by_name_is_not() {
        nsgs.create("g1", "web-nsg");
        nsgs.putRule("g1", tcp("open-port-80", 900, "Allow", "80"));
        assertThat(nsgs.conflicting("g1", "open-port-443", 900, "Inbound")).map(SecurityRule::name).isEqualTo(Optional.of("open-port-80"));
        assertThat(nsgs.conflicting("g1", "open-port-80", 900, "Inbound")).isEmpty();
        assertThat(nsgs.conflicting("g1", "out", 900, "Outbound")).isEmpty();
    }
}

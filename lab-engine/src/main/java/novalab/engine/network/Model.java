package novalab.engine.network;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Neutron's resources as immutable records; {@link Neutron} owns them and replaces them on update. */
public final class Model {
    private Model() {}

    public record Network(String id, String name, String projectId, boolean shared, boolean external, int mtu,
                          List<String> subnetIds, String createdAt, String updatedAt, int revision) {
        public Network { subnetIds = List.copyOf(subnetIds); }
    }

    public record Subnet(String id, String name, String networkId, String projectId, String cidr, String gatewayIp,
                         String poolStart, String poolEnd, List<String> dnsNameservers, boolean enableDhcp,
                         String createdAt) {
        public Subnet { dnsNameservers = List.copyOf(dnsNameservers); }
    }

    public record Router(String id, String name, String projectId, Optional<String> externalNetworkId,
                         List<String> subnetIds, String externalIp) {
        public Router { subnetIds = List.copyOf(subnetIds); }
    }

    public record FixedIp(String subnetId, String ipAddress) {}

    public record Port(String id, String name, String networkId, String projectId, String macAddress,
                       List<FixedIp> fixedIps, String deviceId, String deviceOwner, String status,
                       List<String> securityGroupIds, String bindingHostId, String createdAt, String updatedAt,
                       int revision) {
        public Port {
            fixedIps = List.copyOf(fixedIps);
            securityGroupIds = List.copyOf(securityGroupIds);
        }

        public String firstIp() { return fixedIps.isEmpty() ? "" : fixedIps.get(0).ipAddress(); }
    }

    public record SecurityGroup(String id, String name, String description, String projectId, boolean stateful,
                                String createdAt, String updatedAt, int revision) {}

    /**
     * A rule: {@code protocol} empty means any; port range empty means all ports (for icmp they are
     * type/code); {@code remoteIpPrefix} and {@code remoteGroupId} are exclusive, both empty means any.
     */
    public record SecurityGroupRule(String id, String securityGroupId, String direction, String ethertype,
                                    Optional<String> protocol, OptionalInt portRangeMin, OptionalInt portRangeMax,
                                    Optional<String> remoteIpPrefix, Optional<String> remoteGroupId,
                                    String description, String projectId, String createdAt) {}

    public record FloatingIp(String id, String address, String floatingNetworkId, Optional<String> portId,
                             Optional<String> fixedIpAddress, Optional<String> routerId, String status,
                             String projectId, String description, String createdAt, String updatedAt, int revision) {}
}

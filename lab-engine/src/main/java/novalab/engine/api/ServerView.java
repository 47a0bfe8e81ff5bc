package novalab.engine.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /servers/{id}} at microversion 2.1, as values: what every dialect prints a server from.
 * Admin-only fields ({@code OS-EXT-SRV-ATTR:*}) are empty for other callers.
 *
 * @param addresses network name → addresses, each with its type (fixed/floating) and MAC
 */
public record ServerView(String id, String name, String status, String tenantId, String userId, String hostId,
                         String imageId, String imageName, String flavorId, String flavorName, String created,
                         String updated, Map<String, List<Address>> addresses, String keyName,
                         String availabilityZone, Optional<String> host, Optional<String> hypervisorHostname,
                         Optional<String> instanceName, String vmState, Optional<String> taskState, int powerState,
                         String powerStateName, Optional<String> launchedAt, Optional<String> terminatedAt,
                         List<String> securityGroups, boolean hasPorts, Optional<Integer> progress,
                         Optional<FaultView> fault, Map<String, String> metadata, boolean locked, String cell,
                         boolean adminView) {
    public ServerView {
        addresses = novalab.engine.common.Ordered.map(addresses);
        securityGroups = List.copyOf(securityGroups);
        metadata = novalab.engine.common.Ordered.map(metadata);
    }

    /** One address: {@code addr}, {@code OS-EXT-IPS:type}, {@code OS-EXT-IPS-MAC:mac_addr}. */
    public record Address(String addr, String type, String mac) {}

    /** The {@code fault} object: code, created, message. */
    public record FaultView(int code, String created, String message) {}
}

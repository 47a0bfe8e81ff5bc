package novalab.engine.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code POST /servers} (microversion 2.1): flavor and image by id, networks by id,
 * security groups by name or id, optional key, AZ ({@code az}, {@code az:host}), counts.
 */
public record ServerCreate(String name, String flavorRef, String imageRef, Optional<String> keyName,
                           List<String> securityGroups, List<String> networkIds, Optional<String> availabilityZone,
                           int minCount, int maxCount, Map<String, String> metadata, Optional<String> adminPass) {
    /** The networks value that asks for a server without a NIC. */
    public static final String NO_NETWORK = "none";

    public ServerCreate {
        securityGroups = List.copyOf(securityGroups);
        networkIds = List.copyOf(networkIds);
        metadata = novalab.engine.common.Ordered.map(metadata);
    }
}

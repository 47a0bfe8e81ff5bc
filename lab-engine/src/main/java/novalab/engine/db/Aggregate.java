package novalab.engine.db;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A host aggregate; its {@code availability_zone} metadata makes it an availability zone. */
public record Aggregate(int id, String uuid, String name, List<String> hosts, Map<String, String> metadata,
                        String createdAt) {
    public Aggregate {
        hosts = List.copyOf(hosts);
        metadata = novalab.engine.common.Ordered.map(metadata);
    }

    public Optional<String> availabilityZone() { return Optional.ofNullable(metadata.get("availability_zone")); }
}

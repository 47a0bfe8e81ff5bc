package novalab.engine.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import novalab.engine.compute.Flavor;
import novalab.engine.compute.Instance;

/**
 * Simulates Nova's API database ({@code nova_api}): flavors, key pairs, aggregates, the cell and host
 * mappings, build requests and instance mappings. Written by nova-api and the (super)conductor.
 */
public final class ApiDatabase {
    public final Map<String, Flavor> flavors = new LinkedHashMap<>();
    public final Map<String, Set<String>> flavorProjects = new LinkedHashMap<>();
    public final List<KeyPair> keyPairs = new ArrayList<>();
    public final Map<Integer, Aggregate> aggregates = new LinkedHashMap<>();
    /** Instances accepted by nova-api but not yet scheduled to a cell. */
    public final Map<String, Instance> buildRequests = new LinkedHashMap<>();
    /** instance uuid → cell name (empty until scheduled). */
    public final Map<String, Optional<String>> instanceMappings = new LinkedHashMap<>();
    /** compute host → cell name; filled by {@code nova-manage cell_v2 discover_hosts}. */
    public final Map<String, String> hostMappings = new LinkedHashMap<>();
    /** cell name → cell uuid. */
    public final Map<String, String> cellMappings = new LinkedHashMap<>();
    /** instance uuid → what it was built from (Nova's request_specs), for unshelve and reschedules. */
    public final Map<String, novalab.engine.compute.BuildRequestSpec> requestSpecs = new LinkedHashMap<>();
    private int nextKeyPairId = 1;

    public int nextKeyPairId() { return nextKeyPairId++; }

    public Optional<KeyPair> keyPair(String userId, String name) {
        return keyPairs.stream().filter(k -> k.userId().equals(userId) && k.name().equals(name)).findFirst();
    }

    /** The availability zones {@code host} belongs to (through aggregates). */
    public Set<String> zonesOf(String host) {
        Set<String> out = new LinkedHashSet<>();
        for (Aggregate a : aggregates.values()) {
            if (a.hosts().contains(host)) a.availabilityZone().ifPresent(out::add);
        }
        return out;
    }

    /** Every metadata key of the aggregates holding {@code host}, with the values they give. */
    public Map<String, Set<String>> aggregateMetadataOf(String host) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Aggregate a : aggregates.values()) {
            if (!a.hosts().contains(host)) continue;
            a.metadata().forEach((k, v) -> out.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        }
        return out;
    }
}

package novalab.engine.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.compute.Instance;

/** All of Nova's databases of one deployment: the API database and the cells (cell0 first). */
public final class NovaDb {
    public static final String CELL0_UUID = "00000000-0000-0000-0000-000000000000";

    public final ApiDatabase api = new ApiDatabase();
    public final Map<String, CellDatabase> cells = new LinkedHashMap<>();
    private int nextServiceId = 1;
    private int nextComputeNodeId = 1;

    public CellDatabase addCell(String name, String uuid) {
        CellDatabase c = new CellDatabase(name, uuid);
        cells.put(name, c);
        api.cellMappings.put(name, uuid);
        return c;
    }

    public int nextServiceId() { return nextServiceId++; }

    public int nextComputeNodeId() { return nextComputeNodeId++; }

    /** An instance wherever it is: still a build request, or in its mapped cell. */
    public Optional<Instance> instance(String uuid) {
        Instance br = api.buildRequests.get(uuid);
        if (br != null) return Optional.of(br);
        Optional<String> cell = api.instanceMappings.getOrDefault(uuid, Optional.empty());
        return cell.map(c -> cells.get(c).instances.get(uuid));
    }

    /** Every instance in creation order, build requests included, deleted ones excluded. */
    public List<Instance> instances() {
        List<Instance> out = new ArrayList<>();
        for (String uuid : api.instanceMappings.keySet()) {
            instance(uuid).filter(i -> !i.deleted()).ifPresent(out::add);
        }
        return out;
    }

    public List<Service> services() {
        List<Service> out = new ArrayList<>();
        cells.values().forEach(c -> out.addAll(c.services.values()));
        out.sort(java.util.Comparator.comparingInt(s -> s.id));
        return out;
    }

    public Optional<Service> service(String binary, String host) {
        return services().stream().filter(s -> s.binary.equals(binary) && s.host.equals(host)).findFirst();
    }

    public List<ComputeNodeRecord> computeNodes() {
        List<ComputeNodeRecord> out = new ArrayList<>();
        cells.values().forEach(c -> out.addAll(c.computeNodes.values()));
        out.sort(java.util.Comparator.comparingInt(ComputeNodeRecord::id));
        return out;
    }

    public Optional<ComputeNodeRecord> computeNode(String host) {
        return computeNodes().stream().filter(n -> n.host().equals(host)).findFirst();
    }

    public Optional<CellDatabase> cellOfHost(String host) {
        return Optional.ofNullable(api.hostMappings.get(host)).map(cells::get);
    }
}

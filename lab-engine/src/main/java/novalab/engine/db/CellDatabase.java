package novalab.engine.db;

import java.util.LinkedHashMap;
import java.util.Map;
import novalab.engine.compute.Instance;

/**
 * Simulates one cell's database ({@code nova_cell0}, {@code nova}...): instances, services and
 * compute nodes. cell0 has instances only: the ones that were never scheduled.
 */
public final class CellDatabase {
    public final String name;
    public final String uuid;
    public final Map<String, Instance> instances = new LinkedHashMap<>();
    public final Map<String, Service> services = new LinkedHashMap<>();
    public final Map<String, ComputeNodeRecord> computeNodes = new LinkedHashMap<>();
    private int nextInstanceId = 1;

    public CellDatabase(String name, String uuid) {
        this.name = name;
        this.uuid = uuid;
    }

    public int nextInstanceId() { return nextInstanceId++; }
}

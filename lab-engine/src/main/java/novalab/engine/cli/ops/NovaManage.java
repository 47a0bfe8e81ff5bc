package novalab.engine.cli.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import novalab.engine.Cloud;
import novalab.engine.cli.Listing;
import novalab.engine.db.CellDatabase;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;

/** {@code nova-manage cell_v2 list_cells | list_hosts | discover_hosts} on the controller. */
public final class NovaManage implements Program {
    private final Cloud cloud;

    public NovaManage(Cloud cloud) {
        this.cloud = cloud;
    }

    /** A compute node's uuid (the lab's records have none; derived from the host name, stable per host). */
    static String nodeUuid(String host) {
        java.util.UUID h = java.util.UUID.nameUUIDFromBytes(("compute_node " + host).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new java.util.UUID((h.getMostSignificantBits() & ~0xF000L) | 0x4000L, h.getLeastSignificantBits()).toString();
    }

    @Override
    public int run(Invocation inv) {
        List<String> a = inv.args();
        if (a.size() < 2 || !a.get(0).equals("cell_v2")) {
            inv.errln("usage: nova-manage [-h] [--config-dir DIR] [--config-file PATH] [--debug] [--log-config-append PATH]");
            inv.errln("                   [--log-date-format DATE_FORMAT] [--log-dir LOG_DIR] [--log-file PATH] [--nodebug]");
            inv.errln("                   [--nouse-journal] [--nouse-json] [--nouse-syslog] [--nowatch-log-file]");
            inv.errln("                   [--post-mortem] [--syslog-log-facility SYSLOG_LOG_FACILITY] [--use-journal]");
            inv.errln("                   [--use-json] [--use-syslog] [--version] [--watch-log-file]");
            inv.errln("                   {version,bash-completion,db,api_db,cell_v2,placement,libvirt,volume_attachment,image_property,limits} ...");
            inv.errln("nova-manage: error: " + (a.isEmpty() ? "the following arguments are required: category" : "argument category: invalid choice: '" + a.get(0) + "'"));
            return 2;
        }
        Map<String, CellDatabase> cells = cloud.db().cells;
        switch (a.get(1)) {
            case "list_cells" -> {
                List<List<Object>> rows = new ArrayList<>();
                for (CellDatabase c : cells.values()) {
                    boolean zero = c.name.equals("cell0");
                    rows.add(List.of(c.name, c.uuid, zero ? "none:/" : "rabbit://openstack:****@controller:5672/" + (c.name.equals("cell1") ? "" : c.name),
                            "mysql+pymysql://nova:****@controller/" + (zero ? "nova_cell0" : c.name.equals("cell1") ? "nova" : "nova_" + c.name), "False"));
                }
                inv.out(Tables.centered(new Listing(List.of("Name", "UUID", "Transport URL", "Database Connection", "Disabled"), rows)));
                return 0;
            }
            case "list_hosts" -> {
                List<List<Object>> rows = new ArrayList<>();
                int at = a.indexOf("--cell_uuid");
                String only = at >= 0 && at + 1 < a.size() ? a.get(at + 1) : a.stream().filter(x -> x.startsWith("--cell_uuid="))
                        .map(x -> x.substring(12)).findFirst().orElse("");
                if (!only.isEmpty() && cells.values().stream().noneMatch(c -> c.uuid.equals(only))) {
                    inv.outln("Cell with uuid " + only + " was not found.");
                    return 1;
                }
                cloud.db().api.hostMappings.forEach((host, cell) -> {
                    if (only.isEmpty() || cells.get(cell).uuid.equals(only)) rows.add(List.of(cell, cells.get(cell).uuid, host));
                });
                inv.out(Tables.centered(new Listing(List.of("Cell Name", "Cell UUID", "Hostname"), rows)));
                return 0;
            }
            case "discover_hosts" -> {
                boolean verbose = a.contains("--verbose") || a.contains("-v");
                if (verbose) {
                    inv.outln("Found " + cells.size() + " cell mappings.");
                    inv.outln("Skipping cell0 since it does not contain hosts.");
                }
                for (CellDatabase c : cells.values()) {
                    if (c.name.equals("cell0")) continue;
                    if (verbose) inv.outln("Getting computes from cell '" + c.name + "': " + c.uuid);
                    int unmapped = 0;
                    for (String host : c.computeNodes.keySet()) {
                        if (!cloud.db().api.hostMappings.containsKey(host)) {
                            cloud.db().api.hostMappings.put(host, c.name);
                            unmapped++;
                            if (verbose) inv.outln("Checking host mapping for compute host '" + host + "': " + nodeUuid(host));
                            if (verbose) inv.outln("Creating host mapping for compute host '" + host + "': " + nodeUuid(host));
                        }
                    }
                    if (verbose) inv.outln("Found " + unmapped + " unmapped computes in cell: " + c.uuid);
                }
                return 0;
            }
            default -> {
                inv.errln("nova-manage cell_v2: error: argument action: invalid choice: '" + a.get(1)
                        + "' (choose from 'create_cell', 'delete_cell', 'delete_host', 'discover_hosts', 'list_cells', 'list_hosts', 'map_cell0', 'map_cell_and_hosts', 'map_instances', 'simple_cell_setup', 'update_cell', 'verify_instance')");
                return 2;
            }
        }
    }
}

package novalab.exercises.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.engine.Cloud;
import novalab.engine.api.ServerStatus;
import novalab.engine.compute.Instance;
import novalab.engine.identity.RequestContext;
import novalab.engine.network.Model.FloatingIp;
import novalab.engine.network.Model.Port;
import novalab.engine.shell.ExecResult;
import novalab.engine.shell.Shell;
import novalab.engine.shell.ShellClock;

/**
 * Read-only views of a cloud for checks: servers by name with their API status, networks and floating
 * IPs, projects and users by name. Reads the stores directly (no token is issued, no id is drawn), so
 * evaluating a check leaves the sandbox exactly as it was.
 */
public final class Probe {
    private final Cloud cloud;

    public Probe(Cloud cloud) { this.cloud = cloud; }

    public Cloud cloud() { return cloud; }

    /** An admin view for Neutron's list calls, scoped to the admin project (whose default group exists). */
    RequestContext admin() {
        String admin = projectId("admin").orElse("");
        return new RequestContext("", "grader", admin, "admin", List.of("admin"), "");
    }

    public Optional<String> projectId(String name) {
        return cloud.keystone().projectByName(name, "default").map(p -> p.id());
    }

    public Optional<String> projectName(String id) { return cloud.keystone().project(id).map(p -> p.name()); }

    /** Live servers with this display name, oldest first. */
    public List<Instance> servers(String name) {
        return cloud.db().instances().stream().filter(i -> i.displayName.equals(name)).toList();
    }

    public static String status(Instance i) { return ServerStatus.of(i.vmState(), i.taskState(), i.deleted()); }

    public List<Port> ports(Instance i) { return cloud.neutron().portsOfDevice(i.uuid); }

    public List<String> networks(Instance i) {
        List<String> out = new ArrayList<>();
        for (Port p : ports(i)) cloud.neutron().network(p.networkId()).ifPresent(n -> out.add(n.name()));
        return out;
    }

    public List<String> floatingIps(Instance i) {
        List<String> out = new ArrayList<>();
        List<String> portIds = ports(i).stream().map(Port::id).toList();
        for (FloatingIp f : cloud.neutron().floatingIps(admin())) {
            if (f.portId().isPresent() && portIds.contains(f.portId().get())) out.add(f.address());
        }
        return out;
    }

    public String imageName(Instance i) { return cloud.glance().get(i.imageRef).map(x -> x.name()).orElse(i.imageRef); }

    /** Runs a line in a fresh workstation shell (the student's own shell and its session are left alone). */
    public ExecResult runOnWorkstation(String line) { return workstationShell(cloud).execute(line); }

    /** A new login shell on the workstation, with the environment a sandbox's terminal starts with. */
    public static Shell workstationShell(Cloud cloud) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", cloud.workstation().home());
        env.put("USER", cloud.workstation().user());
        env.put("LOGNAME", cloud.workstation().user());
        env.put("SHELL", "/bin/bash");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        return new Shell(cloud.workstation(), env, new ShellClock() {
            @Override public long nowMs() { return cloud.nowMs(); }
            @Override public void advanceBy(long ms) { cloud.advanceBy(ms); }
            @Override public java.time.Instant now() { return cloud.clock().instant(); }
        });
    }

    /** "a, b" or "-" for none. */
    static String list(List<String> xs) { return xs.isEmpty() ? "-" : String.join(",", xs); }
}

package novalab.engine.nodes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import novalab.engine.shell.Node;
import novalab.engine.shell.Program;
import novalab.engine.shell.VirtualFs;

/** A simulated machine: hostname, login user, files, installed programs and systemd units. */
public class SimNode implements Node {
    private final String hostname;
    private final String user;
    private final String home;
    private final String ip;
    private final VirtualFs fs = new VirtualFs();
    private final Map<String, Program> programs = new LinkedHashMap<>();
    private final Map<String, ServiceUnit> units = new LinkedHashMap<>();

    public SimNode(String hostname, String user, String home, String ip) {
        this.hostname = hostname;
        this.user = user;
        this.home = home;
        this.ip = ip;
        fs.mkdirs(home);
    }

    @Override public String hostname() { return hostname; }
    @Override public String user() { return user; }
    @Override public String home() { return home; }
    @Override public VirtualFs fs() { return fs; }
    @Override public Optional<Program> program(String name) { return Optional.ofNullable(programs.get(name)); }
    @Override public Set<String> programNames() { return new TreeSet<>(programs.keySet()); }

    public String ip() { return ip; }

    public SimNode install(String name, Program p) {
        programs.put(name, p);
        return this;
    }

    public SimNode unit(ServiceUnit u) {
        units.put(u.name(), u);
        return this;
    }

    /** A unit by name, with or without the {@code .service} suffix. */
    public Optional<ServiceUnit> unit(String name) {
        String n = name.endsWith(".service") ? name.substring(0, name.length() - 8) : name;
        return Optional.ofNullable(units.get(n));
    }

    public Map<String, ServiceUnit> units() { return novalab.engine.common.Ordered.map(units); }
}

package novalab.engine.shell;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** One shell process on one machine: its variables (some exported), functions, working directory and {@code $?}. */
final class Session {
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    final Node node;
    private final LinkedHashMap<String, String> vars;
    private final LinkedHashSet<String> exported;
    final Map<String, Cmd> functions;
    /** Aliases, with Ubuntu's defaults from ~/.bashrc. */
    final Map<String, String> aliases;
    String cwd;
    int status;
    /** Entered by ssh: {@code exit} prints "logout" and "Connection to HOST closed." */
    boolean remote;

    /** A login on {@code node}: {@code env} is exported, HOME/USER/SHELL/PATH/PWD are filled in when missing. */
    Session(Node node, Map<String, String> env) {
        this.node = node;
        this.vars = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey() != null && e.getValue() != null) vars.put(e.getKey(), e.getValue());
        }
        this.exported = new LinkedHashSet<>(vars.keySet());
        this.functions = new HashMap<>();
        this.aliases = new LinkedHashMap<>(Map.of("ll", "ls -alF", "la", "ls -A", "l", "ls -CF"));
        this.cwd = VirtualFs.resolve("/", "/", node.home());
        setDefault("HOME", node.home());
        setDefault("USER", node.user());
        setDefault("SHELL", "/bin/bash");
        setDefault("PATH", DEFAULT_PATH);
        set("PWD", cwd);
        exported.add("PWD");
    }

    private Session(Session other) {
        this.node = other.node;
        this.vars = new LinkedHashMap<>(other.vars);
        this.exported = new LinkedHashSet<>(other.exported);
        this.functions = new HashMap<>(other.functions);
        this.aliases = new LinkedHashMap<>(other.aliases);
        this.cwd = other.cwd;
        this.status = other.status;
    }

    private void setDefault(String name, String value) {
        if (!vars.containsKey(name)) {
            vars.put(name, value);
            exported.add(name);
        }
    }

    /** A subshell: same machine, copied state, changes do not flow back. */
    Session copy() { return new Session(this); }

    /** The variable's value, or null when unset (internal use only). */
    String get(String name) { return vars.get(name); }

    boolean isSet(String name) { return vars.containsKey(name); }

    void set(String name, String value) { vars.put(name, value); }

    void unset(String name) {
        vars.remove(name);
        exported.remove(name);
    }

    void export(String name) { exported.add(name); }

    void unexport(String name) { exported.remove(name); }

    boolean isExported(String name) { return exported.contains(name); }

    /** Names marked for export, set or not, in order. */
    Set<String> exportedNames() { return Collections.unmodifiableSet(exported); }

    Set<String> names() { return Collections.unmodifiableSet(vars.keySet()); }

    /** Exported variables that have a value, in the order they were first set. */
    Map<String, String> exportedEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : vars.entrySet()) {
            if (exported.contains(e.getKey())) env.put(e.getKey(), e.getValue());
        }
        return env;
    }

    /** HOME as the shell sees it (for ~ and plain {@code cd}). */
    String home() {
        String h = vars.get("HOME");
        return h == null || h.isEmpty() ? node.home() : h;
    }

    String user() { return node.user(); }

    /** An absolute path for {@code path} as typed. */
    String path(String path) { return VirtualFs.resolve(cwd, home(), path); }
}

package novalab.engine.shell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A hand-written test machine: a file system and a few fake programs. */
final class FakeNode implements Node {
    private final String hostname;
    private final String user;
    private final String home;
    private final VirtualFs fs = new VirtualFs();
    private final Map<String, Program> programs = new LinkedHashMap<>();

    FakeNode(String hostname, String user, String home) {
        this.hostname = hostname;
        this.user = user;
        this.home = home;
        fs.mkdirs(home);
    }

    /** The student's workstation: greet echoes its arguments, fail exits 3, thrower throws, env-dump prints OS_ vars. */
    static FakeNode workstation() {
        FakeNode n = new FakeNode("workstation", "student", "/home/student");
        n.program("greet", inv -> {
            inv.outln("hello " + String.join(" ", inv.args()));
            return 0;
        });
        n.program("fail", inv -> {
            inv.errln("fail: something went wrong");
            return 3;
        });
        n.program("thrower", inv -> {
            throw new IllegalStateException("boom");
        });
        n.program("mixed", inv -> {
            inv.outln("out 1");
            inv.errln("err 1");
            inv.outln("out 2");
            return 0;
        });
        n.program("stdin-upper", inv -> {
            inv.out(inv.stdin().toUpperCase());
            return 0;
        });
        n.program("showenv", inv -> {
            for (String a : inv.args()) inv.outln(a + "=" + inv.env(a));
            return 0;
        });
        n.program("pwd-of", inv -> {
            inv.outln(inv.cwd());
            return 0;
        });
        return n;
    }

    FakeNode program(String name, Program p) {
        programs.put(name, p);
        return this;
    }

    FakeNode file(String path, String content, int mode) {
        fs.write(path, content, mode, user);
        return this;
    }

    @Override
    public String hostname() { return hostname; }

    @Override
    public String user() { return user; }

    @Override
    public String home() { return home; }

    @Override
    public VirtualFs fs() { return fs; }

    @Override
    public Optional<Program> program(String name) { return Optional.ofNullable(programs.get(name)); }

    @Override
    public Set<String> programNames() { return new TreeSet<>(programs.keySet()); }
}

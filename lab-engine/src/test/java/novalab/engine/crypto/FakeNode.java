package novalab.engine.crypto;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import novalab.engine.shell.Node;
import novalab.engine.shell.Program;
import novalab.engine.shell.VirtualFs;

/** A workstation with a file system and nothing but ssh-keygen installed. */
final class FakeNode implements Node {
    private final String hostname;
    private final String user;
    private final VirtualFs fs = new VirtualFs();

    FakeNode(String hostname, String user) {
        this.hostname = hostname;
        this.user = user;
        fs.mkdirs(home());
    }

    @Override public String hostname() { return hostname; }

    @Override public String user() { return user; }

    @Override public String home() { return "/home/" + user; }

    @Override public VirtualFs fs() { return fs; }

    @Override public Optional<Program> program(String name) {
        return Optional.ofNullable(Map.<String, Program>of("ssh-keygen", new SshKeygen()).get(name));
    }

    @Override public Set<String> programNames() { return Set.of("ssh-keygen"); }
}

package novalab.engine.nodes;

import java.util.Set;
import java.util.TreeSet;

/**
 * The inside of one server, as a student reaches it by ssh: its own files (created at first login from
 * the image's profile), login user, and the TCP ports its services listen on (22 always; 80 once a
 * web server is installed and started). It lives as long as the instance does.
 */
public final class GuestNode extends SimNode {
    private final String instanceUuid;
    private final Set<Integer> listening = new TreeSet<>(Set.of(22));

    public GuestNode(String instanceUuid, String hostname, String user, String ip) {
        super(hostname, user, user.equals("root") ? "/root" : "/home/" + user, ip);
        this.instanceUuid = instanceUuid;
    }

    public String instanceUuid() { return instanceUuid; }

    public boolean listens(int port) { return listening.contains(port); }

    public void listen(int port) { listening.add(port); }

    public void close(int port) { if (port != 22) listening.remove(port); }
}

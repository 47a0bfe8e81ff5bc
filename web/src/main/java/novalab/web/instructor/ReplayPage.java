package novalab.web.instructor;

import java.util.List;
import novalab.web.Chrome;
import novalab.web.lab.Command;

/**
 * A student's history at one step: the command (step 0 is the exercise's starting state), what it printed, and the
 * cloud after it; plus every command of the history to jump to.
 */
public record ReplayPage(Chrome chrome, long userId, String student, String exercise, String title, int epoch, int step, int total,
                         String line, String output, int status, List<Server> servers, List<Host> hosts, List<Command> commands,
                         String grade) {
    /** A server as {@code openstack server list --long} would show it. */
    public record Server(String name, String status, String host, String flavor) {}

    /** A compute host's usage as the resource tracker reports it. */
    public record Host(String host, int ramUsedMb, int ramMb, int vcpusUsed, int vcpus, int servers) {}

    public boolean graded() { return !grade.isEmpty(); }

    public boolean hasPrev() { return step > 0; }

    public boolean hasNext() { return step < total; }

    public String base() { return "/instructor/students/" + userId + "/exercises/" + exercise; }
}

package novalab.web.instructor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import novalab.grader.CommandHistory;
import novalab.web.lab.Command;

/**
 * A student's gradable history for one exercise: the commands of the current (newest) epoch of their sandbox
 * for that exercise, in order. {@link #bytes()} is the JSON Lines form {@code ./lab grade} reads, and its SHA-256
 * is the history's identity in a grade.
 */
public record StudentHistory(long userId, String student, String exercise, int epoch, List<Command> commands) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public StudentHistory {
        commands = List.copyOf(commands);
    }

    /** {@code {"t": offset_ms, "cmd": line}} per line. */
    public byte[] bytes() {
        StringBuilder sb = new StringBuilder();
        for (Command c : commands) {
            ObjectNode n = JSON.createObjectNode();
            n.put("t", c.offsetMs());
            n.put("cmd", c.line());
            sb.append(n).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    public String sha256() {
        return CommandHistory.sha256(bytes());
    }
}

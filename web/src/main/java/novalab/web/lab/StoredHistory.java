package novalab.web.lab;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One student's stored history of one sandbox's current generation ({@code epoch} 0: never used), oldest first.
 *
 * @param lab {@link LabSessions#SCENARIO} or an exercise id
 */
public record StoredHistory(long userId, String lab, int epoch, List<Command> commands) {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final java.util.function.Function<String, String> JSON_STRING = x -> {
        try {
            return JSON.writeValueAsString(x);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    };

    public StoredHistory {
        commands = List.copyOf(commands);
    }

    /**
     * The history as the grader reads it: JSON Lines of {@code {"t": offset_ms, "cmd": line}} (empty when there are no
     * commands), the same bytes a batch grade of this student is given.
     */
    public byte[] jsonLines() {
        StringBuilder b = new StringBuilder();
        for (Command c : commands) {
            b.append("{\"t\":").append(c.offsetMs()).append(",\"cmd\":").append(JSON_STRING.apply(c.line())).append("}\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}

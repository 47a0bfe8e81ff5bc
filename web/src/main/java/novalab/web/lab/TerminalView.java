package novalab.web.lab;

import java.util.List;

/**
 * What a page needs to draw a student's terminal: the prompt, the status line and the stored history of this sandbox.
 *
 * @param sandbox the lab key the terminal drives: {@link LabSessions#SCENARIO} or an exercise id
 */
public record TerminalView(String prompt, String simTime, int generation, List<Command> history, String csrf, String sandbox) {
    /** The free terminal's view. */
    public TerminalView(String prompt, String simTime, int generation, List<Command> history, String csrf) {
        this(prompt, simTime, generation, history, csrf, LabSessions.SCENARIO);
    }

    /** The lines alone, oldest first, for ↑/↓. */
    public List<String> lines() {
        return history.stream().map(Command::line).toList();
    }
}

package novalab.web.lab;

import java.util.List;
import novalab.engine.wire.HistoryLines;

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

    /**
     * The lines alone, oldest first, for ↑/↓: the typed commands only. Requests the student's own {@code openstack} or
     * {@code aws} client made ({@code __api …}, {@code __ec2 …}) stay in the history but cannot be typed, so they are not recalled.
     */
    public List<String> lines() {
        return history.stream().map(Command::line).filter(l -> !HistoryLines.isRequest(l)).toList();
    }

    /** Whether a history entry is a request from the student's own client rather than a typed command. */
    public static boolean request(Command c) {
        return HistoryLines.isRequest(c.line());
    }
}

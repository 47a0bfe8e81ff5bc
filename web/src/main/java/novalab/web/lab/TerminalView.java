package novalab.web.lab;

import java.util.List;

/** What a page needs to draw a student's terminal: the prompt, the status line and the stored history of this sandbox. */
public record TerminalView(String prompt, String simTime, int generation, List<Command> history, String csrf) {
    /** The lines alone, oldest first, for ↑/↓. */
    public List<String> lines() {
        return history.stream().map(Command::line).toList();
    }
}

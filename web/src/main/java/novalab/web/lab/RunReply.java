package novalab.web.lab;

import java.util.List;

/**
 * What the terminal's script gets back for a line: the output as the tools print it (ANSI escapes removed;
 * the page inserts it as text), the exit status, the next prompt and the status line. {@code incomplete}
 * means the line needs more (an open quote, a trailing pipe) and nothing was stored or run.
 */
public record RunReply(int seq, String output, int status, String prompt, String simTime, boolean incomplete, List<String> candidates) {}

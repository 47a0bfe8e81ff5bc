package novalab.engine.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The student's terminal: a small bash. Each {@link #execute} runs one typed line (or a multi-line buffer
 * that {@link #isComplete} accepted) in the current session; {@code ssh} opens nested sessions through
 * {@link #enter}. Errors are printed in bash's voice; nothing thrown inside ever reaches the caller.
 */
public final class Shell implements ShellControl {
    private final ShellClock clock;
    private final Deque<Session> sessions = new ArrayDeque<>();
    private final List<String> history = new ArrayList<>();
    private final Interpreter interpreter = new Interpreter(this);
    private boolean exited;
    private long random = 0x5DEECE66DL;

    /**
     * @param start the machine the terminal opens on (the workstation)
     * @param env   initial exported variables (HOME, USER, PATH, ...)
     * @param clock the cloud's simulated time
     */
    public Shell(Node start, Map<String, String> env, ShellClock clock) {
        this.clock = clock;
        sessions.push(new Session(start, env));
    }

    /** Runs one input line (which may hold {@code ;}, {@code &&}, {@code ||}, pipes, loops, several lines). */
    public ExecResult execute(String line) {
        String text = line == null ? "" : line.replace("\r\n", "\n");
        if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
        Session session = sessions.peek();
        if (text.isBlank()) return new ExecResult("", "", "", session.status);
        history.add(text);
        Terminal term = new Terminal();
        int status = 0;
        interpreter.budget.reset();
        Frame frame = new Frame(session, Input.terminal(), term.stdout, term.stderr, List.of());
        try {
            status = interpreter.runScript(text, frame, "");
        } catch (ControlFlow.Exit e) {
            status = e.status;
            leave(session, e.status, term);
        } catch (ControlFlow.Return e) {
            term.stderr.write("bash: return: can only `return' from a function or sourced script\n");
            status = session.status = 1;
        } catch (ControlFlow.Loop e) {
            status = session.status = 0;
        } catch (ControlFlow.Interrupt e) {
            interpreter.budget.reset();
            term.stderr.write("^C\n");
            status = session.status = 130;
        } catch (ControlFlow.Failure e) {
            term.stderr.write(e.text + "\n");
            status = session.status = e.status;
        } catch (RuntimeException | StackOverflowError e) {
            interpreter.budget.reset();
            term.stderr.write("bash: internal error\n");
            status = session.status = 1;
        }
        return term.result(status);
    }

    private void leave(Session session, int status, Terminal term) {
        if (session == sessions.peekLast()) {
            exited = true;
            term.stdout.write("exit\n");
        } else if (sessions.remove(session)) {
            term.stdout.write(session.remote ? "logout\nConnection to " + session.node.hostname() + " closed.\n" : "exit\n");
            sessions.peek().status = status;
        }
    }

    /** False while the buffer needs more lines: an open quote, a trailing {@code \}, {@code |} or {@code &&}, an unfinished for/if/while. */
    public boolean isComplete(String buffer) {
        if (buffer == null) return true;
        try {
            Parser p = new Parser(buffer.replace("\r\n", "\n"), true);
            while (p.next().isPresent()) {
                // parse everything
            }
            return true;
        } catch (Parser.Incomplete e) {
            return false;
        } catch (Parser.SyntaxError | StackOverflowError e) {
            return true;
        }
    }

    /** {@code student@workstation:~$ }; {@code #} for root. */
    public String prompt() {
        Session s = sessions.peek();
        String home = s.home();
        String dir = s.cwd;
        if (dir.equals(home)) dir = "~";
        else if (!home.equals("/") && dir.startsWith(home + "/")) dir = "~" + dir.substring(home.length());
        String user = s.user();
        return user + "@" + s.node.hostname() + ":" + dir + (user.equals("root") ? "# " : "$ ");
    }

    /** True after {@code exit} in the top-level session. */
    public boolean exited() { return exited; }

    /** Every non-blank line typed, in order, including those typed inside ssh sessions. */
    public List<String> history() { return Collections.unmodifiableList(new ArrayList<>(history)); }

    /**
     * Tab completion: candidates for the last word of {@code partialLine}, sorted. Each candidate replaces
     * that whole word: command names in command position, else what the program offers (a program that is
     * also a {@link Completer}: subcommands, options, names in the cloud), else paths (directories end in
     * {@code /}), or {@code $NAME} variables. Reads only: no history, no clock, no change to the cloud.
     */
    public List<String> complete(String partialLine) {
        return Completion.candidates(partialLine == null ? "" : partialLine, sessions.peek());
    }

    public Node currentNode() { return sessions.peek().node; }

    /** Exported variables of the current session. */
    public Map<String, String> environment() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(sessions.peek().exportedEnv()));
    }

    // ---- ShellControl ---------------------------------------------------------------------------------

    @Override
    public void sleep(long ms) {
        if (ms > 0) clock.advanceBy(ms);
    }

    @Override
    public long nowMs() { return clock.nowMs(); }

    @Override
    public void enter(Node node, Map<String, String> env) {
        Session s = new Session(node, env);
        s.remote = true;
        sessions.push(s);
    }

    /** Runs {@code commandLine} in a fresh login environment on {@code node} (like ssh: nothing of the caller's environment leaks over). */
    @Override
    public int runOn(Node node, String commandLine, Invocation inv) {
        Session s = new Session(node, Map.of());
        Frame f = new Frame(s, new Input(inv.stdin()), inv::out, inv::err, List.of());
        boolean outermost = interpreter.depth() == 0;
        if (outermost) interpreter.budget.reset();
        if (!interpreter.push()) {
            inv.errln("bash: maximum nesting level exceeded");
            return 1;
        }
        try {
            return interpreter.runScript(commandLine, f, "");
        } catch (ControlFlow.Exit e) {
            return e.status;
        } catch (ControlFlow.Return | ControlFlow.Loop e) {
            return s.status;
        } catch (ControlFlow.Interrupt e) {
            if (!outermost) throw e;
            interpreter.budget.reset();
            inv.errln("^C");
            return 130;
        } finally {
            interpreter.pop();
        }
    }

    // ---- for the interpreter --------------------------------------------------------------------------

    ShellClock clock() { return clock; }

    /** {@code bash} typed at the prompt: a nested shell on the same machine, left with {@code exit}. */
    void enterSubshell(Session parent, Map<String, String> env) {
        Session s = new Session(parent.node, env);
        s.cwd = parent.cwd;
        s.set("PWD", parent.cwd);
        sessions.push(s);
    }

    List<String> historyView() { return history; }

    /** Deterministic $RANDOM (0..32767), a fixed-seed linear congruential sequence. */
    int nextRandom() {
        random = (random * 0x5DEECE66DL + 0xBL) & ((1L << 48) - 1);
        return (int) (random >>> 33) & 0x7FFF;
    }

    /** The terminal's two streams and their interleaving. */
    private final class Terminal {
        private final StringBuilder out = new StringBuilder();
        private final StringBuilder err = new StringBuilder();
        private final StringBuilder all = new StringBuilder();
        final Sink stdout = new TerminalSink(out);
        final Sink stderr = new TerminalSink(err);

        ExecResult result(int status) {
            return new ExecResult(out.toString(), err.toString(), all.toString(), status);
        }

        private final class TerminalSink implements Sink {
            private final StringBuilder own;

            TerminalSink(StringBuilder own) {
                this.own = own;
            }

            public void write(String s) {
                interpreter.budget.wrote(s.length());
                own.append(s);
                all.append(s);
            }

            public boolean terminal() { return true; }
        }
    }
}

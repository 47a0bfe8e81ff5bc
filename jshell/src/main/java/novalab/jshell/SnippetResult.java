package novalab.jshell;

import java.util.List;
import java.util.Optional;

/**
 * What one evaluation (one or more snippets typed at once) gave, as JShell would show it.
 *
 * @param outcome  the worst thing that happened
 * @param entries  one per snippet that was evaluated, in order
 * @param notice   a sentence for the student when the pool stepped in (stopped, restarted, refused, busy), else empty
 */
public record SnippetResult(Outcome outcome, List<Entry> entries, String notice) {
    public SnippetResult {
        entries = List.copyOf(entries);
    }

    public enum Outcome {
        /** every snippet compiled and ran */
        OK,
        /** a snippet did not compile or threw: shown like JShell shows it; the session goes on */
        ERROR,
        /** the bytecode guard refused a snippet (forbidden API); the session goes on */
        REFUSED,
        /** a limit stopped the snippet (time, CPU, memory, output, a crash); the session was restarted */
        STOPPED,
        /** nothing ran: the student already has a snippet running, or no JVM became free in time */
        BUSY
    }

    /** The kinds of snippet, as JShell names them. */
    public enum Kind { IMPORT, CLASS, METHOD, VARIABLE, EXPRESSION, STATEMENT, ERRONEOUS }

    /**
     * One snippet.
     *
     * @param source    its source text
     * @param kind      what it declared or did
     * @param value     an expression's or variable's value as JShell prints it ({@code "3"}, {@code "\"hi\""}), if any
     * @param exception {@code java.lang.ArithmeticException: / by zero} when it threw, if it did
     * @param output    what it printed on System.out/err while running
     * @param display   the lines JShell shows for it ({@code $1 ==> 3}, {@code |  created method f()}, {@code |  Error: ...})
     */
    public record Entry(String source, Kind kind, Optional<String> value, Optional<String> exception, String output, String display) {}

    static SnippetResult notice(Outcome outcome, String message) {
        return new SnippetResult(outcome, List.of(), message);
    }

    /** Everything as a JShell console shows it: each snippet's output, then its display lines, then the notice. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            b.append(e.output());
            if (!e.output().isEmpty() && !e.output().endsWith("\n")) b.append('\n');
            if (!e.display().isEmpty()) b.append(e.display()).append('\n');
        }
        if (!notice.isEmpty()) b.append("|  ").append(notice).append('\n');
        return b.toString();
    }

    /** The value of the last entry that has one (handy for graders: {@code eval(owner, "check(new MyFilter())")}). */
    public Optional<String> lastValue() {
        for (int i = entries.size() - 1; i >= 0; i--) if (entries.get(i).value().isPresent()) return entries.get(i).value();
        return Optional.empty();
    }
}

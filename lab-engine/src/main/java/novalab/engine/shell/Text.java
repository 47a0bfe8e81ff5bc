package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Line handling shared by the text filters. */
final class Text {
    private Text() { }

    /** The lines of a text; a final newline does not start another (empty) line. */
    static List<String> lines(String s) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = s.length();
        while (start < n) {
            int nl = s.indexOf('\n', start);
            if (nl < 0) {
                out.add(s.substring(start));
                break;
            }
            out.add(s.substring(start, nl));
            start = nl + 1;
        }
        return out;
    }

    /** One input of a filter: its name as typed ("-" or "(standard input)" for stdin) and text. */
    record Source(String name, String text) {}

    /**
     * The inputs of a filter: each operand read as a file, or standard input when there are none. Failed
     * reads are reported (by {@code FileCommands.read}) and left out; {@code failed[0]} is then set.
     */
    static List<Source> inputs(Call c, List<String> operands, java.util.function.BiFunction<String, String, String> msg, boolean[] failed) {
        List<Source> out = new ArrayList<>();
        if (operands.isEmpty()) {
            out.add(new Source("-", c.in().readAll()));
            return out;
        }
        for (String op : operands) {
            Optional<String> t = FileCommands.read(c, op, msg);
            if (t.isPresent()) out.add(new Source(op, t.get()));
            else failed[0] = true;
        }
        return out;
    }

    static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l).append('\n');
        return sb.toString();
    }

    /** Parses a count like "5", "+5" or "-5"; empty when it is not a number. */
    static Optional<Long> count(String s) {
        try {
            return Optional.of(Long.parseLong(s.startsWith("+") ? s.substring(1) : s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

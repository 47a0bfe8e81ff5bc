package novalab.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The outcome of {@link ArgParser#parse}: either the parsed values, or an exit as argparse would make it — status 2
 * with usage and error on stderr, or status 0 with the {@code -h} text on stdout.
 *
 * <pre>{@code
 * ParseResult r = parser.parse(inv.args());
 * if (r.exited()) { inv.out(r.out()); inv.err(r.err()); return r.status(); }
 * }</pre>
 */
public final class ParseResult {
    private final boolean exited;
    private final int status;
    private final String out;
    private final String err;
    private final Map<Arg, Object> values;
    private final Map<String, Arg> names;
    private final Optional<FormatOptions> formatOptions;

    private ParseResult(boolean exited, int status, String out, String err, Map<Arg, Object> values,
                        Map<String, Arg> names, Optional<FormatOptions> formatOptions) {
        this.exited = exited;
        this.status = status;
        this.out = out;
        this.err = err;
        this.values = values;
        this.names = names;
        this.formatOptions = formatOptions;
    }

    static ParseResult exit(int status, String out, String err) {
        return new ParseResult(true, status, out, err, Map.of(), Map.of(), Optional.empty());
    }

    static ParseResult parsed(Map<Arg, Object> values, Map<String, Arg> names, Optional<FormatOptions> options) {
        return new ParseResult(false, 0, "", "", new LinkedHashMap<>(values), novalab.engine.common.Ordered.map(names), options);
    }

    /** True when the command must stop here and return {@link #status()} (a usage error or {@code -h}). */
    public boolean exited() { return exited; }

    /** The exit status: 2 for a usage error, 0 for help or a successful parse. */
    public int status() { return status; }

    /** What to print on stdout (the help text), else empty. */
    public String out() { return out; }

    /** What to print on stderr: the usage line(s) and {@code <prog>: error: <message>}, else empty. */
    public String err() { return err; }

    /** The value of a given option or positional; throws when it was not given (use {@link #opt} for options). */
    public String get(String name) {
        return opt(name).orElseThrow(() -> new NoSuchElementException(name + " was not given"));
    }

    /** The value of an option or single positional, if given on the command line. */
    public Optional<String> opt(String name) {
        Object v = values.get(arg(name));
        if (v == null || v == Cell.NONE) return Optional.empty();
        if (v instanceof List<?> l) return l.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(l.get(l.size() - 1)));
        return Optional.of(String.valueOf(v));
    }

    /** An int option's value, if given. */
    public Optional<Long> longOpt(String name) {
        Object v = values.get(arg(name));
        return v instanceof Long l ? Optional.of(l) : Optional.empty();
    }

    /** An int option's value (clamped to the int range), or {@code fallback} when not given. */
    public int intValue(String name, int fallback) {
        return longOpt(name).map(l -> (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l))).orElse(fallback);
    }

    /** An int option's value; throws when it was not given. */
    public int intValue(String name) {
        if (longOpt(name).isEmpty()) throw new NoSuchElementException(name + " was not given");
        return intValue(name, 0);
    }

    /** Whether a flag was given. */
    public boolean flag(String name) {
        return values.containsKey(arg(name));
    }

    /** Whether an option or positional was given at all. */
    public boolean given(String name) {
        Object v = values.get(arg(name));
        return v != null && v != Cell.NONE;
    }

    /** The values of an append option or a {@code +}/{@code *} positional, in order; empty when not given. */
    public List<String> list(String name) {
        Object v = values.get(arg(name));
        if (v == null || v == Cell.NONE) return List.of();
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(String.valueOf(v));
    }

    /** Every positional value, in command-line order. */
    public List<String> positionals() {
        List<String> out = new ArrayList<>();
        values.forEach((a, v) -> {
            if (a.isOption() || v == Cell.NONE) return;
            if (v instanceof List<?> l) l.forEach(x -> out.add(String.valueOf(x)));
            else out.add(String.valueOf(v));
        });
        return out;
    }

    /** cliff's output options from the same parse; the defaults when the parser has none. */
    public FormatOptions formatOptions() {
        return formatOptions.orElse(FormatOptions.defaults());
    }

    private Arg arg(String name) {
        if (exited) throw new IllegalStateException("the parse exited with status " + status);
        Arg a = names.get(name);
        if (a == null) throw new IllegalArgumentException("no argument " + name);
        return a;
    }
}

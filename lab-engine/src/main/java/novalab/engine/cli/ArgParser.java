package novalab.engine.cli;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates Python 3.11's {@code argparse.ArgumentParser} as cliff builds it for an OSC command, so usage errors,
 * abbreviations and {@code -h} read exactly like python-openstackclient 6.0.
 *
 * <pre>{@code
 * ArgParser p = ArgParser.of("openstack flavor create", "Create new flavor")
 *         .withShowFormatOptions()
 *         .option("--id", "<id>", "Unique flavor ID")
 *         .intOption("--ram", "<size-mb>", "Memory size in MB (default 256M)")
 *         .flag("--public", "Flavor is available to other projects (default)")
 *         .flag("--private", "Flavor is not available to other projects")
 *         .mutuallyExclusive("--public", "--private")
 *         .positional("<flavor-name>", "New flavor name");
 * ParseResult r = p.parse(args);
 * }</pre>
 *
 * <p>Options are named by any of their option strings ({@code "--ram"}), positionals by their metavar
 * ({@code "<flavor-name>"}). Supported: store, int, flag, append options; positionals with one, optional ({@code ?}),
 * zero-or-more ({@code *}) or one-or-more ({@code +}) values; choices; required options; mutually exclusive groups;
 * {@code --opt=value}, {@code -fvalue}, unique-prefix abbreviations of long options, {@code --}. Not supported: other
 * nargs counts, {@code store_const} to a shared dest, {@code %(default)s} expansion in help, fromfile prefixes.
 */
public final class ArgParser {
    private static final Pattern NEGATIVE_NUMBER = Pattern.compile("^-\\d+$|^-\\d*\\.\\d+$");
    private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(?:_\\d+)*", Pattern.UNICODE_CHARACTER_CLASS);

    private final String prog;
    private final String description;
    private int columns = 80;
    private final List<Arg> actions = new ArrayList<>();
    private final List<HelpFormatter.Mutex> mutexes = new ArrayList<>();
    private final Map<String, Arg> optionStrings = new LinkedHashMap<>();
    private final Map<String, Arg> byName = new HashMap<>();
    private final ArgGroup positionalsGroup = new ArgGroup("positional arguments", Optional.empty());
    private final ArgGroup optionsGroup = new ArgGroup("options", Optional.empty());
    private final List<ArgGroup> groups = new ArrayList<>(List.of(positionalsGroup, optionsGroup));
    private ArgGroup currentGroup = null;
    private int formatterInsertAt = 1;
    private Optional<Boolean> formatOptionsForLister = Optional.empty();

    private ArgParser(String prog, String description) {
        this.prog = prog;
        this.description = description;
        Arg help = new Arg(Arg.Kind.HELP, List.of("-h", "--help"), "help", Optional.empty(),
                "show this help message and exit", Arg.Nargs.ZERO);
        register(help, optionsGroup, actions.size());
    }

    /** A parser for {@code prog} ("openstack flavor create") whose help shows {@code description}. */
    public static ArgParser of(String prog, String description) {
        return new ArgParser(prog, description);
    }

    /** Formats usage and help for a terminal this many columns wide (default 80, as when not a tty). */
    public ArgParser columns(int terminalColumns) {
        this.columns = terminalColumns;
        return this;
    }

    /** Later options and positionals appear under this heading in {@code -h} output (argparse's argument group). */
    public ArgParser group(String title) {
        ArgGroup g = new ArgGroup(title, Optional.empty());
        groups.add(g);
        currentGroup = g;
        return this;
    }

    /** A string option taking one value: {@code --id <id>}. */
    public ArgParser option(String names, String metavar, String help) {
        return add(Arg.Kind.STORE, names, Optional.of(metavar), help);
    }

    /** A string option whose metavar argparse derives from its name ({@code --key-name KEY_NAME}). */
    public ArgParser option(String names, String help) {
        return add(Arg.Kind.STORE, names, Optional.empty(), help);
    }

    /** An option converted by Python's {@code int} ({@code invalid int value: 'abc'} otherwise). */
    public ArgParser intOption(String names, String metavar, String help) {
        return add(Arg.Kind.STORE_INT, names, Optional.of(metavar), help);
    }

    /** A {@code store_true} option. */
    public ArgParser flag(String names, String help) {
        return add(Arg.Kind.STORE_TRUE, names, Optional.empty(), help);
    }

    /** An {@code append} option: may be repeated, values collected in order. */
    public ArgParser appendOption(String names, String metavar, String help) {
        return add(Arg.Kind.APPEND, names, Optional.of(metavar), help);
    }

    /** A required positional taking exactly one value. */
    public ArgParser positional(String metavar, String help) {
        return addPositional(metavar, help, Arg.Nargs.ONE);
    }

    /** A positional with {@code nargs='?'}: usage {@code [<name>]}. */
    public ArgParser optionalPositional(String metavar, String help) {
        return addPositional(metavar, help, Arg.Nargs.OPTIONAL);
    }

    /** A positional with {@code nargs='+'}: usage {@code <server> [<server> ...]}. */
    public ArgParser positionals(String metavar, String help) {
        return addPositional(metavar, help, Arg.Nargs.ONE_OR_MORE);
    }

    /** A positional with {@code nargs='*'}: usage {@code [<name> ...]}. */
    public ArgParser zeroOrMorePositionals(String metavar, String help) {
        return addPositional(metavar, help, Arg.Nargs.ZERO_OR_MORE);
    }

    /** Restricts an argument to these values ({@code invalid choice: 'x' (choose from 'a', 'b')}). */
    public ArgParser choices(String name, List<String> values) {
        arg(name).choices = Optional.of(List.copyOf(values));
        return this;
    }

    /** Makes an option required; usage shows it without brackets. */
    public ArgParser required(String name) {
        arg(name).required = true;
        return this;
    }

    /** Hides an argument from usage and help ({@code help=argparse.SUPPRESS}); it is still accepted. */
    public ArgParser hidden(String name) {
        arg(name).hidden = true;
        return this;
    }

    /** The options named, in this order, form a mutually exclusive group ({@code [--public | --private]}). */
    public ArgParser mutuallyExclusive(String... names) {
        return addMutex(false, names);
    }

    /** A mutually exclusive group of which one option must be given ({@code (--a | --b)}). */
    public ArgParser requiredMutuallyExclusive(String... names) {
        return addMutex(true, names);
    }

    /**
     * Adds the options cliff gives every ShowOne command, as OSC's usage shows them: {@code [-f
     * {json,shell,table,value,yaml}] [-c COLUMN] [--noindent] [--prefix PREFIX] [--max-width <integer>]
     * [--fit-width] [--print-empty]}. They go right after {@code -h}, whenever this is called.
     */
    public ArgParser withShowFormatOptions() {
        return withFormatOptions(false);
    }

    /**
     * Adds the options cliff gives every Lister command: {@code [-f {csv,json,table,value,yaml}] [-c COLUMN] [--quote
     * {all,minimal,none,nonnumeric}] [--noindent] [--max-width <integer>] [--fit-width] [--print-empty]
     * [--sort-column SORT_COLUMN] [--sort-ascending | --sort-descending]}.
     */
    public ArgParser withListFormatOptions() {
        return withFormatOptions(true);
    }

    private ArgParser withFormatOptions(boolean lister) {
        if (formatOptionsForLister.isPresent()) throw new IllegalStateException("format options already added");
        formatOptionsForLister = Optional.of(lister);
        ArgGroup saved = currentGroup;
        int groupAt = 2;
        ArgGroup output = new ArgGroup("output formatters", Optional.of("output formatter options"));
        groups.add(groupAt++, output);
        List<String> formats = lister ? OscFormat.LIST_FORMATS : OscFormat.SHOW_FORMATS;
        formatter(output, Arg.Kind.STORE, "-f, --format", Optional.empty(), "the output format, defaults to table");
        arg("--format").choices = Optional.of(formats);
        formatter(output, Arg.Kind.APPEND, "-c, --column", Optional.of("COLUMN"),
                "specify the column(s) to include, can be repeated to show multiple columns");
        if (lister) {
            ArgGroup csv = new ArgGroup("CSV Formatter", Optional.empty());
            groups.add(groupAt++, csv);
            formatter(csv, Arg.Kind.STORE, "--quote", Optional.empty(),
                    "when to include quotes, defaults to nonnumeric");
            arg("--quote").choices = Optional.of(OscFormat.QUOTE_MODES);
        }
        ArgGroup json = new ArgGroup("json formatter", Optional.empty());
        groups.add(groupAt++, json);
        formatter(json, Arg.Kind.STORE_TRUE, "--noindent", Optional.empty(), "whether to disable indenting the JSON");
        if (!lister) {
            ArgGroup shell = new ArgGroup("shell formatter",
                    Optional.of("a format a UNIX shell can parse (variable=\"value\")"));
            groups.add(groupAt++, shell);
            formatter(shell, Arg.Kind.APPEND, "--variable", Optional.of("VARIABLE"), "");
            arg("--variable").hidden = true;
            formatter(shell, Arg.Kind.STORE, "--prefix", Optional.empty(), "add a prefix to all variable names");
        }
        ArgGroup table = new ArgGroup("table formatter", Optional.empty());
        groups.add(groupAt, table);
        formatter(table, Arg.Kind.STORE_INT, "--max-width", Optional.of("<integer>"),
                "Maximum display width, <1 to disable. You can also use the CLIFF_MAX_TERM_WIDTH environment "
                        + "variable, but the parameter takes precedence.");
        formatter(table, Arg.Kind.STORE_TRUE, "--fit-width", Optional.empty(),
                "Fit the table to the display width. Implied if --max-width greater than 0. Set the environment "
                        + "variable CLIFF_FIT_WIDTH=1 to always enable");
        formatter(table, Arg.Kind.STORE_TRUE, "--print-empty", Optional.empty(),
                "Print empty table if there is no data to show.");
        if (lister) {
            formatter(output, Arg.Kind.APPEND, "--sort-column", Optional.of("SORT_COLUMN"),
                    "specify the column(s) to sort the data (columns specified first have a priority, "
                            + "non-existing columns are ignored), can be repeated");
            formatter(output, Arg.Kind.STORE_TRUE, "--sort-ascending", Optional.empty(),
                    "sort the column(s) in ascending order");
            formatter(output, Arg.Kind.STORE_TRUE, "--sort-descending", Optional.empty(),
                    "sort the column(s) in descending order");
            mutuallyExclusive("--sort-ascending", "--sort-descending");
        }
        currentGroup = saved;
        return this;
    }

    private void formatter(ArgGroup group, Arg.Kind kind, String names, Optional<String> metavar, String help) {
        List<String> strings = Arg.splitNames(names);
        Arg a = new Arg(kind, strings, Arg.destOf(strings), metavar, help,
                kind == Arg.Kind.STORE_TRUE ? Arg.Nargs.ZERO : Arg.Nargs.ONE);
        register(a, group, formatterInsertAt++);
    }

    private ArgParser add(Arg.Kind kind, String names, Optional<String> metavar, String help) {
        List<String> strings = Arg.splitNames(names);
        for (String s : strings) {
            if (!s.startsWith("-") || s.length() < 2) throw new IllegalArgumentException("not an option: " + s);
        }
        Arg a = new Arg(kind, strings, Arg.destOf(strings), metavar, help,
                kind == Arg.Kind.STORE_TRUE ? Arg.Nargs.ZERO : Arg.Nargs.ONE);
        register(a, currentGroup == null ? optionsGroup : currentGroup, actions.size());
        return this;
    }

    private ArgParser addPositional(String metavar, String help, Arg.Nargs nargs) {
        String dest = metavar.replaceAll("[<>]", "").replace('-', '_');
        Arg a = new Arg(Arg.Kind.POSITIONAL, List.of(), dest, Optional.of(metavar), help, nargs);
        register(a, currentGroup == null ? positionalsGroup : currentGroup, actions.size());
        return this;
    }

    private void register(Arg a, ArgGroup group, int at) {
        for (String s : a.optionStrings) {
            if (optionStrings.containsKey(s)) throw new IllegalArgumentException("duplicate option " + s);
        }
        actions.add(at, a);
        a.group = group;
        group.args.add(a);
        for (String s : a.optionStrings) {
            optionStrings.put(s, a);
            byName.put(s, a);
        }
        if (!a.isOption()) byName.put(a.metavar.orElse(a.dest), a);
        byName.putIfAbsent(a.dest, a);
    }

    private ArgParser addMutex(boolean required, String... names) {
        List<Arg> args = new ArrayList<>();
        for (String n : names) args.add(arg(n));
        mutexes.add(new HelpFormatter.Mutex(List.copyOf(args), required));
        return this;
    }

    private Arg arg(String name) {
        Arg a = byName.get(name);
        if (a == null) throw new IllegalArgumentException("no argument " + name);
        return a;
    }

    /** The option strings help shows (hidden ones left out), for Tab completion. */
    public List<String> optionNames() {
        List<String> out = new ArrayList<>();
        for (Arg a : actions) if (a.isOption() && !a.hidden) out.addAll(a.optionStrings);
        return out;
    }

    /** Whether {@code option} is one of this parser's options that takes a value ({@code --flavor <flavor>}). */
    public boolean takesValue(String option) {
        Arg a = optionStrings.get(option);
        return a != null && a.kind != Arg.Kind.STORE_TRUE && a.kind != Arg.Kind.HELP && a.nargs != Arg.Nargs.ZERO;
    }

    /** The metavar help shows for {@code option}'s value ({@code <flavor>}), if it takes one. */
    public Optional<String> metavarOf(String option) {
        Arg a = optionStrings.get(option);
        return a == null || !takesValue(option) ? Optional.empty() : a.metavar;
    }

    /** The metavar of the positional that the {@code index}-th positional word fills (a repeating last one fills the rest). */
    public Optional<String> positionalAt(int index) {
        List<Arg> ps = actions.stream().filter(a -> !a.isOption()).toList();
        if (ps.isEmpty() || index < 0) return Optional.empty();
        Arg a;
        if (index < ps.size()) a = ps.get(index);
        else {
            a = ps.get(ps.size() - 1);
            if (a.nargs != Arg.Nargs.ONE_OR_MORE && a.nargs != Arg.Nargs.ZERO_OR_MORE) return Optional.empty();
        }
        return Optional.of(a.metavar.orElse(a.dest));
    }

    /** The allowed values of {@code option}, if it declares choices ({@code -f json|table|...}). */
    public List<String> choicesOf(String option) {
        Arg a = optionStrings.get(option);
        return a == null ? List.of() : a.choices.orElse(List.of());
    }

    /** argparse's usage line(s), ending with a newline, as printed before an error. */
    public String formatUsage() {
        return formatter().formatUsage(actions, mutexes);
    }

    /** What {@code -h} prints. */
    public String formatHelp() {
        return formatter().formatHelp(actions, mutexes, description, groups);
    }

    private HelpFormatter formatter() {
        return new HelpFormatter(prog, columns);
    }

    // ------------------------------------------------------------------ parsing

    /** Parses {@code args} (without the program and command words) as {@code parser.parse_args} would. */
    public ParseResult parse(List<String> args) {
        try {
            return new Run(List.copyOf(args)).parse();
        } catch (ArgError e) {
            return ParseResult.exit(2, "", formatUsage() + prog + ": error: " + e.getMessage() + "\n");
        } catch (HelpRequested e) {
            return ParseResult.exit(0, formatHelp(), "");
        }
    }

    /** An argparse error: the message after "error: ". */
    private static final class ArgError extends RuntimeException {
        ArgError(String message) {
            super(message, null, false, false);
        }

        static ArgError of(Arg a, String message) {
            return new ArgError("argument " + a.displayName() + ": " + message);
        }
    }

    private static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    /** An option found in the arguments: the action (absent when unknown), the string used, an explicit value. */
    private record OptionTuple(Optional<Arg> action, String optionString, Optional<String> explicitArg) {}

    /** Python's {@code int(text)}; empty when Python would raise ValueError. */
    static Optional<Long> pythonInt(String text) {
        String t = text.strip();
        if (!PY_INT.matcher(t).matches()) return Optional.empty();
        StringBuilder digits = new StringBuilder();
        t.codePoints().forEach(cp -> {
            if (cp == '-' || cp == '+') digits.appendCodePoint(cp);
            else if (cp != '_') digits.append(Character.digit(cp, 10));
        });
        BigInteger v = new BigInteger(digits.toString());
        if (v.bitLength() > 63) return Optional.of(v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE);
        return Optional.of(v.longValue());
    }

    /** One call of {@code _parse_known_args}. */
    private final class Run {
        final List<String> argStrings;
        final Map<Arg, Object> values = new LinkedHashMap<>();
        final Set<Arg> seen = new HashSet<>();
        final Set<Arg> seenNonDefault = new HashSet<>();
        final Map<Arg, List<Arg>> conflicts = new HashMap<>();
        final Map<Integer, OptionTuple> optionIndices = new LinkedHashMap<>();
        final List<String> extras = new ArrayList<>();
        String pattern;
        final List<Arg> positionals = new ArrayList<>();

        Run(List<String> argStrings) {
            this.argStrings = argStrings;
        }

        ParseResult parse() {
            for (HelpFormatter.Mutex m : mutexes) {
                for (int i = 0; i < m.args().size(); i++) {
                    List<Arg> c = conflicts.computeIfAbsent(m.args().get(i), k -> new ArrayList<>());
                    c.addAll(m.args().subList(0, i));
                    c.addAll(m.args().subList(i + 1, m.args().size()));
                }
            }
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < argStrings.size(); i++) {
                String s = argStrings.get(i);
                if (s.equals("--")) {
                    p.append('-');
                    p.append("A".repeat(argStrings.size() - i - 1));
                    break;
                }
                Optional<OptionTuple> t = parseOptional(s);
                if (t.isEmpty()) {
                    p.append('A');
                } else {
                    optionIndices.put(i, t.get());
                    p.append('O');
                }
            }
            pattern = p.toString();
            for (Arg a : actions) if (!a.isOption()) positionals.add(a);

            int start = 0;
            int maxOptionIndex = optionIndices.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1);
            while (start <= maxOptionIndex) {
                final int from = start;
                int nextOption = optionIndices.keySet().stream().filter(i -> i >= from)
                        .mapToInt(Integer::intValue).min().orElseThrow();
                if (start != nextOption) {
                    int end = consumePositionals(start);
                    if (end > start) {
                        start = end;
                        continue;
                    }
                    start = end;
                }
                if (!optionIndices.containsKey(start)) {
                    extras.addAll(argStrings.subList(start, nextOption));
                    start = nextOption;
                }
                start = consumeOptional(start);
            }
            int stop = consumePositionals(start);
            extras.addAll(argStrings.subList(stop, argStrings.size()));

            List<String> missing = new ArrayList<>();
            for (Arg a : actions) if (!seen.contains(a) && a.required) missing.add(a.displayName());
            if (!missing.isEmpty()) {
                throw new ArgError("the following arguments are required: " + String.join(", ", missing));
            }
            for (HelpFormatter.Mutex m : mutexes) {
                if (m.required() && m.args().stream().noneMatch(seenNonDefault::contains)) {
                    List<String> names = m.args().stream().filter(a -> !a.hidden).map(Arg::displayName).toList();
                    throw new ArgError("one of the arguments " + String.join(" ", names) + " is required");
                }
            }
            if (!extras.isEmpty()) throw new ArgError("unrecognized arguments: " + String.join(" ", extras));
            return ParseResult.parsed(values, byName, formatOptionsForLister.isPresent()
                    ? Optional.of(formatOptions()) : Optional.empty());
        }

        private FormatOptions formatOptions() {
            boolean lister = formatOptionsForLister.orElse(false);
            long maxWidth = values.get(arg("--max-width")) instanceof Long l ? l : 0L;
            return new FormatOptions(text("--format", "table"), listOf(arg("--column")),
                    values.containsKey(arg("--noindent")),
                    (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, maxWidth)),
                    values.containsKey(arg("--fit-width")), values.containsKey(arg("--print-empty")),
                    lister ? listOf(arg("--sort-column")) : List.of(),
                    lister && values.containsKey(arg("--sort-descending")),
                    lister ? text("--quote", "nonnumeric") : "nonnumeric",
                    lister ? "" : text("--prefix", ""), 0);
        }

        /** A single string value; the fallback when absent (or emptied by argparse's '--' quirk: --format=--). */
        private String text(String name, String fallback) {
            return values.get(arg(name)) instanceof String s ? s : fallback;
        }

        /** An append option's strings (argparse's '--' quirk can append an empty list; that is dropped). */
        private List<String> listOf(Arg a) {
            List<String> out = new ArrayList<>();
            if (values.get(a) instanceof List<?> l) for (Object o : l) if (o instanceof String s) out.add(s);
            return out;
        }

        /** {@code _parse_optional}. */
        private Optional<OptionTuple> parseOptional(String s) {
            if (s.isEmpty() || s.charAt(0) != '-') return Optional.empty();
            if (optionStrings.containsKey(s)) {
                return Optional.of(new OptionTuple(Optional.of(optionStrings.get(s)), s, Optional.empty()));
            }
            if (s.length() == 1) return Optional.empty();
            int eq = s.indexOf('=');
            if (eq >= 0) {
                String name = s.substring(0, eq);
                if (optionStrings.containsKey(name)) {
                    return Optional.of(new OptionTuple(Optional.of(optionStrings.get(name)), name,
                            Optional.of(s.substring(eq + 1))));
                }
            }
            List<OptionTuple> tuples = optionTuples(s);
            if (tuples.size() > 1) {
                String matches = String.join(", ", tuples.stream().map(OptionTuple::optionString).toList());
                throw new ArgError("ambiguous option: " + s + " could match " + matches);
            }
            if (tuples.size() == 1) return Optional.of(tuples.get(0));
            if (NEGATIVE_NUMBER.matcher(s).find()) return Optional.empty();
            if (s.contains(" ")) return Optional.empty();
            return Optional.of(new OptionTuple(Optional.empty(), s, Optional.empty()));
        }

        /** {@code _get_option_tuples}: unique-prefix matching of long options, {@code -fvalue} for short ones. */
        private List<OptionTuple> optionTuples(String s) {
            List<OptionTuple> result = new ArrayList<>();
            if (s.startsWith("--")) {
                int eq = s.indexOf('=');
                String prefix = eq >= 0 ? s.substring(0, eq) : s;
                Optional<String> explicit = eq >= 0 ? Optional.of(s.substring(eq + 1)) : Optional.empty();
                for (Map.Entry<String, Arg> e : optionStrings.entrySet()) {
                    if (e.getKey().startsWith(prefix)) {
                        result.add(new OptionTuple(Optional.of(e.getValue()), e.getKey(), explicit));
                    }
                }
            } else {
                String shortPrefix = s.substring(0, 2);
                String shortExplicit = s.substring(2);
                for (Map.Entry<String, Arg> e : optionStrings.entrySet()) {
                    if (e.getKey().equals(shortPrefix)) {
                        result.add(new OptionTuple(Optional.of(e.getValue()), e.getKey(), Optional.of(shortExplicit)));
                    } else if (e.getKey().startsWith(s)) {
                        result.add(new OptionTuple(Optional.of(e.getValue()), e.getKey(), Optional.empty()));
                    }
                }
            }
            return result;
        }

        /** {@code consume_optional}. */
        private int consumeOptional(int startIndex) {
            OptionTuple t = optionIndices.get(startIndex);
            Optional<Arg> action = t.action();
            String optionString = t.optionString();
            Optional<String> explicit = t.explicitArg();
            List<Object[]> todo = new ArrayList<>();
            int stop;
            while (true) {
                if (action.isEmpty()) {
                    extras.add(argStrings.get(startIndex));
                    return startIndex + 1;
                }
                Arg a = action.get();
                if (explicit.isPresent()) {
                    int argCount = matchArgument(a, "A");
                    String ex = explicit.get();
                    if (argCount == 0 && optionString.charAt(1) != '-' && !ex.isEmpty()) {
                        todo.add(new Object[] {a, List.of()});
                        optionString = "-" + ex.charAt(0);
                        Optional<String> newExplicit = ex.length() > 1 ? Optional.of(ex.substring(1)) : Optional.empty();
                        if (optionStrings.containsKey(optionString)) {
                            action = Optional.of(optionStrings.get(optionString));
                            explicit = newExplicit;
                        } else {
                            throw ArgError.of(a, "ignored explicit argument " + Py.reprString(ex));
                        }
                    } else if (argCount == 1) {
                        stop = startIndex + 1;
                        todo.add(new Object[] {a, List.of(ex)});
                        break;
                    } else {
                        throw ArgError.of(a, "ignored explicit argument " + Py.reprString(ex));
                    }
                } else {
                    int start = startIndex + 1;
                    int argCount = matchArgument(a, pattern.substring(start));
                    stop = start + argCount;
                    todo.add(new Object[] {a, argStrings.subList(start, stop)});
                    break;
                }
            }
            for (Object[] item : todo) {
                @SuppressWarnings("unchecked")
                List<String> vals = (List<String>) item[1];
                takeAction((Arg) item[0], vals);
            }
            return stop;
        }

        /** {@code consume_positionals}. */
        private int consumePositionals(int startIndex) {
            List<Integer> counts = matchPartial(positionals, pattern.substring(startIndex));
            int index = startIndex;
            for (int i = 0; i < counts.size(); i++) {
                takeAction(positionals.get(i), argStrings.subList(index, index + counts.get(i)));
                index += counts.get(i);
            }
            positionals.subList(0, counts.size()).clear();
            return index;
        }

        private int matchArgument(Arg a, String argPattern) {
            Matcher m = Pattern.compile(nargsPattern(a)).matcher(argPattern);
            if (!m.lookingAt()) {
                throw ArgError.of(a, switch (a.nargs) {
                    case ONE -> "expected one argument";
                    case OPTIONAL -> "expected at most one argument";
                    case ONE_OR_MORE -> "expected at least one argument";
                    default -> "expected " + 0 + " arguments";
                });
            }
            return m.group(1).length();
        }

        private List<Integer> matchPartial(List<Arg> args, String argPattern) {
            for (int i = args.size(); i > 0; i--) {
                StringBuilder p = new StringBuilder();
                for (Arg a : args.subList(0, i)) p.append(nargsPattern(a));
                Matcher m = Pattern.compile(p.toString()).matcher(argPattern);
                if (m.lookingAt()) {
                    List<Integer> counts = new ArrayList<>();
                    for (int g = 1; g <= m.groupCount(); g++) counts.add(m.group(g).length());
                    return counts;
                }
            }
            return List.of();
        }

        private String nargsPattern(Arg a) {
            String p = switch (a.nargs) {
                case ONE -> "(-*A-*)";
                case OPTIONAL -> "(-*A?-*)";
                case ZERO_OR_MORE -> "(-*[A-]*)";
                case ONE_OR_MORE -> "(-*A[A-]*)";
                case ZERO -> "(-*-*)";
            };
            if (a.isOption()) p = p.replace("-*", "").replace("-", "");
            return p;
        }

        /** {@code take_action}: convert and check the values, enforce mutual exclusion, store. */
        private void takeAction(Arg a, List<String> argValues) {
            seen.add(a);
            List<String> vals = new ArrayList<>(argValues);
            vals.remove("--");
            Object value;
            boolean isDefault = false;
            if (vals.isEmpty() && a.nargs == Arg.Nargs.OPTIONAL) {
                value = Cell.NONE;
                isDefault = !a.isOption();
            } else if (vals.isEmpty() && a.nargs == Arg.Nargs.ZERO_OR_MORE && !a.isOption()) {
                value = List.of();
            } else if (vals.size() == 1 && (a.nargs == Arg.Nargs.ONE || a.nargs == Arg.Nargs.OPTIONAL)) {
                value = convert(a, vals.get(0));
            } else {
                List<Object> converted = new ArrayList<>();
                for (String v : vals) converted.add(convert(a, v));
                value = converted;
            }
            if (!isDefault) {
                seenNonDefault.add(a);
                for (Arg other : conflicts.getOrDefault(a, List.of())) {
                    if (seenNonDefault.contains(other)) {
                        throw ArgError.of(a, "not allowed with argument " + other.displayName());
                    }
                }
            }
            switch (a.kind) {
                case HELP -> throw new HelpRequested();
                case STORE_TRUE -> values.put(a, Boolean.TRUE);
                case APPEND -> {
                    @SuppressWarnings("unchecked")
                    List<Object> list = (List<Object>) values.computeIfAbsent(a, k -> new ArrayList<>());
                    list.add(value);
                }
                default -> values.put(a, value);
            }
        }

        private Object convert(Arg a, String s) {
            Object v = s;
            if (a.kind == Arg.Kind.STORE_INT) {
                v = pythonInt(s).orElseThrow(() -> ArgError.of(a, "invalid int value: " + Py.reprString(s)));
            }
            if (a.choices.isPresent() && !a.choices.get().contains(String.valueOf(v))) {
                List<String> quoted = a.choices.get().stream().map(Py::reprString).toList();
                throw ArgError.of(a, "invalid choice: " + Py.repr(v) + " (choose from " + String.join(", ", quoted) + ")");
            }
            return v;
        }
    }
}

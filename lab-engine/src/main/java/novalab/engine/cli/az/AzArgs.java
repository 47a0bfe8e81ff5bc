package novalab.engine.cli.az;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One command's parsed arguments, and the argparse-style parser that makes them from a spec, with
 * argparse's messages as azure-cli prints them ({@code the following arguments are required: --name/-n},
 * {@code unrecognized arguments: …}, {@code argument --priority: expected one argument}). Enumerated
 * values are matched case-insensitively and normalised, as azure-cli's CaseInsensitiveList does.
 */
final class AzArgs {
    enum Kind { FLAG, ONE, MANY }

    /** One option: its spellings (long first), arity, whether required, choices (empty = free text). */
    record Opt(List<String> names, Kind kind, boolean required, List<String> choices, String help) {
        Opt {
            names = List.copyOf(names);
            choices = List.copyOf(choices);
        }

        String key() { return names.get(0); }

        String display() { return String.join("/", names); }
    }

    /** A command's option table, in declaration order (argparse reports missing ones in that order). */
    static final class Spec {
        final String summary;
        final List<Opt> opts = new ArrayList<>();

        Spec(String summary) {
            this.summary = summary;
        }

        Spec flag(String names, String help) { return add(names, Kind.FLAG, false, List.of(), help); }

        Spec one(String names, String help) { return add(names, Kind.ONE, false, List.of(), help); }

        Spec required(String names, String help) { return add(names, Kind.ONE, true, List.of(), help); }

        Spec many(String names, String help) { return add(names, Kind.MANY, false, List.of(), help); }

        Spec choice(String names, List<String> choices, String help) { return add(names, Kind.ONE, false, choices, help); }

        Spec add(String names, Kind kind, boolean required, List<String> choices, String help) {
            opts.add(new Opt(List.of(names.split(" ")), kind, required, choices, help));
            return this;
        }

        Optional<Opt> find(String name) {
            return opts.stream().filter(o -> o.names().contains(name)).findFirst();
        }
    }

    static final List<String> OUTPUTS = List.of("json", "jsonc", "none", "table", "tsv", "yaml", "yamlc");

    /** The options every command has (knack's global arguments). */
    static void addGlobals(Spec s) {
        s.choice("--output -o", OUTPUTS, "Output format.")
                .one("--query", "JMESPath query string. See http://jmespath.org/ for more information and examples.")
                .flag("--only-show-errors", "Only show errors, suppressing warnings.")
                .flag("--verbose", "Increase logging verbosity. Use --debug for full debug logs.")
                .flag("--debug", "Increase logging verbosity to show all debug logs.")
                .one("--subscription", "Name or ID of subscription.");
    }

    private final Map<String, List<String>> values;

    private AzArgs(Map<String, List<String>> values) {
        this.values = values;
    }

    static AzArgs parse(Spec spec, List<String> args) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> unrecognized = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            Optional<String> inline = Optional.empty();
            if (a.startsWith("--") && a.contains("=")) {
                name = a.substring(0, a.indexOf('='));
                inline = Optional.of(a.substring(a.indexOf('=') + 1));
            }
            Optional<Opt> opt = isOption(a) ? spec.find(name) : Optional.empty();
            if (opt.isEmpty()) {
                unrecognized.add(a);
                continue;
            }
            Opt o = opt.get();
            switch (o.kind()) {
                case FLAG -> {
                    if (inline.isPresent()) throw AzError.usage("argument " + o.display() + ": ignored explicit argument '" + inline.get() + "'");
                    values.put(o.key(), List.of("true"));
                }
                case ONE -> {
                    String v;
                    if (inline.isPresent()) v = inline.get();
                    else if (i + 1 < args.size() && !isOption(args.get(i + 1))) v = args.get(++i);
                    else throw AzError.usage("argument " + o.display() + ": expected one argument");
                    values.put(o.key(), List.of(choose(o, v)));
                }
                case MANY -> {
                    List<String> vs = new ArrayList<>();
                    inline.ifPresent(vs::add);
                    while (inline.isEmpty() && i + 1 < args.size() && !isOption(args.get(i + 1))) vs.add(args.get(++i));
                    if (vs.isEmpty()) throw AzError.usage("argument " + o.display() + ": expected at least one argument");
                    values.put(o.key(), List.copyOf(vs));
                }
            }
        }
        List<String> missing = spec.opts.stream().filter(o -> o.required() && !values.containsKey(o.key())).map(Opt::display).toList();
        if (!missing.isEmpty()) throw AzError.usage("the following arguments are required: " + String.join(", ", missing));
        if (!unrecognized.isEmpty()) throw AzError.usage("unrecognized arguments: " + String.join(" ", unrecognized));
        return new AzArgs(values);
    }

    private static String choose(Opt o, String v) {
        if (o.choices().isEmpty()) return v;
        for (String c : o.choices()) if (c.equalsIgnoreCase(v)) return c;
        StringBuilder sb = new StringBuilder();
        for (String c : o.choices()) sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(c).append('\'');
        throw AzError.usage("argument " + o.display() + ": invalid choice: '" + v + "' (choose from " + sb + ")");
    }

    /** argparse: a token that starts with '-' and is not a negative number is an option. */
    private static boolean isOption(String s) {
        return s.length() > 1 && s.startsWith("-") && !s.matches("-\\d+(\\.\\d+)?");
    }

    Optional<String> opt(String key) {
        List<String> v = values.get(key);
        return v == null ? Optional.empty() : Optional.of(v.get(0));
    }

    String get(String key) { return opt(key).orElse(""); }

    boolean flag(String key) { return values.containsKey(key); }

    boolean has(String key) { return values.containsKey(key); }

    List<String> list(String key) { return values.getOrDefault(key, List.of()); }

    /** An integer option; argparse's {@code invalid int value} otherwise. */
    Optional<Integer> integer(String key, String display) {
        Optional<String> v = opt(key);
        if (v.isEmpty()) return Optional.empty();
        try {
            return Optional.of(Integer.parseInt(v.get().trim()));
        } catch (NumberFormatException e) {
            throw AzError.usage("argument " + display + ": invalid int value: '" + v.get() + "'");
        }
    }
}

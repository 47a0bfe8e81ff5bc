package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An operation's parameters: the options it declares ({@link Spec}) and what one command line gave
 * them, parsed as the CLI's argparse layer does (lists take every word up to the next option).
 */
final class Ec2Request {
    enum Kind { STRING, LIST, FLAG, INT, STRUCT, STRUCTS }

    /** The options an operation accepts, in declaration order, and which are required. */
    static final class Spec {
        final Map<String, Kind> options = new LinkedHashMap<>();
        final Set<String> required = new LinkedHashSet<>();

        Spec string(String... names) { return add(Kind.STRING, names); }
        Spec list(String... names) { return add(Kind.LIST, names); }
        Spec flag(String... names) { return add(Kind.FLAG, names); }
        Spec integer(String... names) { return add(Kind.INT, names); }
        Spec struct(String... names) { return add(Kind.STRUCT, names); }
        Spec structs(String... names) { return add(Kind.STRUCTS, names); }

        Spec required(String... names) {
            required.addAll(List.of(names));
            return this;
        }

        private Spec add(Kind k, String... names) {
            for (String n : names) options.put(n, k);
            return this;
        }
    }

    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, Boolean> flags = new LinkedHashMap<>();

    private Ec2Request() {}

    /**
     * A request built from already-parsed values (the EC2 Query API's form parameters, mapped to option names by
     * {@link Ec2Service}): {@code values} per option, {@code flags} for the flags given; required options still checked.
     */
    static Ec2Request of(Spec spec, Map<String, List<String>> values, Map<String, Boolean> flags) {
        Ec2Request r = new Ec2Request();
        values.forEach((k, v) -> {
            if (spec.options.containsKey(k) && !v.isEmpty()) r.values.put(k, List.copyOf(v));
        });
        flags.forEach((k, v) -> {
            if (spec.options.get(k) == Kind.FLAG) r.flags.put(k, v);
        });
        return r;
    }

    static Ec2Request parse(Spec spec, List<String> args) {
        Ec2Request r = new Ec2Request();
        List<String> unknown = new ArrayList<>();
        int i = 0;
        while (i < args.size()) {
            String a = args.get(i);
            String name = a;
            Optional<String> inline = Optional.empty();
            if (a.startsWith("--") && a.contains("=")) {
                name = a.substring(0, a.indexOf('='));
                inline = Optional.of(a.substring(a.indexOf('=') + 1));
            }
            Kind k = spec.options.get(name);
            if (k == null && name.startsWith("--no-") && spec.options.get("--" + name.substring(5)) == Kind.FLAG) {
                r.flags.put("--" + name.substring(5), false);
                i++;
                continue;
            }
            if (k == null || !a.startsWith("--")) {
                unknown.add(a);
                i++;
                continue;
            }
            i++;
            if (k == Kind.FLAG) {
                r.flags.put(name, true);
                continue;
            }
            List<String> vals = new ArrayList<>();
            inline.ifPresent(vals::add);
            boolean many = k == Kind.LIST || k == Kind.STRUCTS;
            while (i < args.size() && !args.get(i).startsWith("--") && (many || vals.isEmpty())) vals.add(args.get(i++));
            if (vals.isEmpty()) {
                throw AwsExit.usage("argument " + name + ": expected " + (many ? "at least one argument" : "one argument"));
            }
            if (k == Kind.INT && !vals.get(0).matches("-?\\d{1,18}")) {
                throw AwsExit.usage("argument " + name + ": invalid int value: '" + vals.get(0) + "'");
            }
            r.values.computeIfAbsent(name, x -> new ArrayList<>());
            if (many) r.values.get(name).addAll(vals);
            else r.values.put(name, vals);
        }
        if (!unknown.isEmpty()) throw new AwsExit(252, AwsExit.USAGE + "Unknown options: " + String.join(", ", unknown) + "\n");
        List<String> missing = spec.required.stream().filter(n -> !r.values.containsKey(n)).toList();
        if (!missing.isEmpty()) throw AwsExit.usage("the following arguments are required: " + String.join(", ", missing));
        return r;
    }

    Optional<String> string(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    List<String> list(String name) { return values.getOrDefault(name, List.of()); }

    boolean flag(String name) { return flags.getOrDefault(name, false); }

    boolean has(String name) { return values.containsKey(name) || flags.containsKey(name); }

    Optional<Long> integer(String name) { return string(name).map(Long::parseLong); }

    /** A shorthand/JSON list parameter: each word parsed; a JSON array contributes its elements. */
    List<JsonNode> structs(String name) {
        List<JsonNode> out = new ArrayList<>();
        for (String v : list(name)) {
            JsonNode n = Shorthand.parse(name, v);
            if (n.isArray()) n.forEach(out::add);
            else out.add(n);
        }
        return out;
    }
}

package novalab.engine.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GNU-style option parsing for the built-in tools: bundled short flags ({@code -la}), flags with values
 * ({@code -n 5}, {@code -n5}, {@code -d,}), long options ({@code --lines=5}), {@code --} and permutation.
 * On a bad option it prints the tool's own complaint and {@link #failed()} is true.
 */
final class Opts {
    private final Map<Character, String> values = new HashMap<>();
    private final Map<Character, List<String>> all = new HashMap<>();
    private final Map<Character, Integer> counts = new HashMap<>();
    final List<String> operands = new ArrayList<>();
    private boolean failed;
    private boolean help;

    private Opts() { }

    /**
     * @param flags   short options without a value
     * @param valued  short options that take a value
     * @param longs   long option name to short letter (e.g. "lines" to 'n'); a letter in {@code valued} takes a value
     * @param status  exit status for a usage error (2 for ls/grep, else 1)
     * @param usage   extra usage line printed before the "Try" hint (grep), or ""
     */
    static Opts parse(Call c, String flags, String valued, Map<String, Character> longs, int status, String usage) {
        Opts o = new Opts();
        List<String> args = c.args;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                o.operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (a.startsWith("--")) {
                String body = a.substring(2);
                int eq = body.indexOf('=');
                String name = eq < 0 ? body : body.substring(0, eq);
                if (name.equals("help")) {
                    o.help = true;
                    continue;
                }
                Character letter = longs.get(name);
                if (letter == null) {
                    for (Map.Entry<String, Character> e : new java.util.TreeMap<>(longs).entrySet()) {
                        if (!name.isEmpty() && e.getKey().startsWith(name)) letter = e.getValue();
                    }
                }
                if (letter == null) return o.fail(c, "unrecognized option '" + a + "'", status, usage);
                String value = "";
                if (valued.indexOf(letter) >= 0) {
                    if (eq >= 0) value = body.substring(eq + 1);
                    else if (i + 1 < args.size()) value = args.get(++i);
                    else return o.fail(c, "option '--" + name + "' requires an argument", status, usage);
                }
                o.set(letter, value);
                continue;
            }
            if (a.length() < 2 || a.charAt(0) != '-') {
                o.operands.add(a);
                continue;
            }
            for (int j = 1; j < a.length(); j++) {
                char ch = a.charAt(j);
                if (valued.indexOf(ch) >= 0) {
                    String value;
                    if (j + 1 < a.length()) value = a.substring(j + 1);
                    else if (i + 1 < args.size()) value = args.get(++i);
                    else return o.fail(c, "option requires an argument -- '" + ch + "'", status, usage);
                    o.set(ch, value);
                    break;
                }
                if (flags.indexOf(ch) < 0) return o.fail(c, "invalid option -- '" + ch + "'", status, usage);
                o.set(ch, "");
            }
        }
        return o;
    }

    static Opts parse(Call c, String flags, String valued, int status) {
        return parse(c, flags, valued, Map.of(), status, "");
    }

    private void set(char ch, String value) {
        values.put(ch, value);
        all.computeIfAbsent(ch, k -> new ArrayList<>()).add(value);
        counts.merge(ch, 1, Integer::sum);
    }

    private Opts fail(Call c, String message, int status, String usage) {
        c.errln(c.name + ": " + message);
        if (!usage.isEmpty()) c.errln(usage);
        c.errln("Try '" + c.name + " --help' for more information.");
        failed = true;
        this.status = status;
        return this;
    }

    private int status;

    boolean failed() { return failed; }

    /** The exit status to return after {@link #failed()}. */
    int status() { return status; }

    /** {@code --help} was given. */
    boolean help() { return help; }

    boolean has(char ch) { return values.containsKey(ch); }

    int count(char ch) { return counts.getOrDefault(ch, 0); }

    /** Every value given for a valued option, in order. */
    List<String> values(char ch) { return all.getOrDefault(ch, List.of()); }

    /** The last value given for a valued option, or {@code dflt}. */
    String value(char ch, String dflt) { return values.getOrDefault(ch, dflt); }
}

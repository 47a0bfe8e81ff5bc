package novalab.engine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One argparse action: an option or a positional, with what it stores and how usage and help show it. */
final class Arg {
    /** What the action does with its values (argparse's action classes). */
    enum Kind { STORE, STORE_INT, STORE_TRUE, APPEND, HELP, POSITIONAL }

    /** argparse's nargs values used by OSC. */
    enum Nargs { ONE, ZERO, OPTIONAL, ZERO_OR_MORE, ONE_OR_MORE }

    final Kind kind;
    final List<String> optionStrings;
    final String dest;
    Optional<String> metavar;
    String help;
    boolean hidden;
    boolean required;
    final Nargs nargs;
    Optional<List<String>> choices = Optional.empty();
    ArgGroup group;

    Arg(Kind kind, List<String> optionStrings, String dest, Optional<String> metavar, String help, Nargs nargs) {
        this.kind = kind;
        this.optionStrings = List.copyOf(optionStrings);
        this.dest = dest;
        this.metavar = metavar;
        this.help = help;
        this.nargs = nargs;
        this.required = !isOption() && (nargs == Nargs.ONE || nargs == Nargs.ONE_OR_MORE || nargs == Nargs.ZERO_OR_MORE);
    }

    boolean isOption() {
        return !optionStrings.isEmpty();
    }

    /** argparse's {@code _get_action_name}: {@code -f/--format}, or the metavar of a positional. */
    String displayName() {
        if (isOption()) return String.join("/", optionStrings);
        return metavar.orElse(dest);
    }

    /** The option strings of {@code spec}: "--ram", "-f, --format", "-f/--format" or "-f --format". */
    static List<String> splitNames(String spec) {
        List<String> names = new ArrayList<>();
        for (String part : spec.split("[,/ ]+")) if (!part.isEmpty()) names.add(part);
        if (names.isEmpty()) throw new IllegalArgumentException("no option name in '" + spec + "'");
        return names;
    }

    /** argparse's dest for an option: the first long name without dashes, '-' turned into '_'. */
    static String destOf(List<String> names) {
        String chosen = names.stream().filter(n -> n.startsWith("--")).findFirst().orElse(names.get(0));
        return chosen.replaceFirst("^-+", "").replace('-', '_');
    }
}

package novalab.engine.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates Python 3.11's {@code argparse.HelpFormatter} (with cliff's {@code SmartHelpFormatter} line splitting):
 * the wrapped usage line and the help text with its sections.
 */
final class HelpFormatter {
    private static final Pattern PART = Pattern.compile("\\(.*?\\)+(?=\\s|$)|\\[.*?\\]+(?=\\s|$)|\\S+");
    private static final Pattern ASCII_WS = Pattern.compile("[ \\t\\n\\r\\x0b\\x0c]+");

    /** A mutually exclusive group as the usage line needs it. */
    record Mutex(List<Arg> args, boolean required) {}

    private final String prog;
    private final int width;
    private final int maxHelpPosition;

    /** {@code columns} is the terminal width; argparse formats to two less. */
    HelpFormatter(String prog, int columns) {
        this.prog = prog;
        this.width = columns - 2;
        this.maxHelpPosition = Math.min(24, Math.max(width - 20, 4));
    }

    /** {@code parser.format_usage()}: "usage: ..." and a newline. */
    String formatUsage(List<Arg> actions, List<Mutex> groups) {
        return usage(actions, groups) + "\n";
    }

    /** {@code parser.format_help()}. */
    String formatHelp(List<Arg> actions, List<Mutex> mutexes, String description, List<ArgGroup> groups) {
        int actionMaxLength = 0;
        for (ArgGroup g : groups) {
            for (Arg a : g.args) {
                if (!a.hidden) actionMaxLength = Math.max(actionMaxLength, invocation(a).length() + 2);
            }
        }
        StringBuilder help = new StringBuilder(usage(actions, mutexes)).append("\n\n");
        if (!description.isEmpty()) help.append(formatText(description, 0)).append("\n\n");
        for (ArgGroup g : groups) {
            StringBuilder items = new StringBuilder();
            g.description.ifPresent(d -> items.append(formatText(d, 2)).append("\n\n"));
            for (Arg a : g.args) if (!a.hidden) items.append(formatAction(a, actionMaxLength));
            if (items.length() > 0) help.append('\n').append(g.title).append(":\n").append(items).append('\n');
        }
        String text = help.toString().replaceAll("\n\n\n+", "\n\n");
        return stripNewlines(text) + "\n";
    }

    private static String stripNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') start++;
        while (end > start && s.charAt(end - 1) == '\n') end--;
        return s.substring(start, end);
    }

    private String formatText(String text, int indent) {
        int textWidth = Math.max(width - indent, 11);
        String collapsed = ASCII_WS.matcher(text).replaceAll(" ").strip();
        String pad = " ".repeat(indent);
        return String.join("\n", TextWrap.wrap(collapsed, textWidth, pad, pad));
    }

    private String formatAction(Arg a, int actionMaxLength) {
        int indent = 2;
        int helpPosition = Math.min(actionMaxLength + 2, maxHelpPosition);
        int helpWidth = Math.max(width - helpPosition, 11);
        int actionWidth = helpPosition - indent - 2;
        String header = invocation(a);
        StringBuilder sb = new StringBuilder();
        int indentFirst;
        if (a.help.isEmpty()) {
            return " ".repeat(indent) + header + "\n";
        } else if (header.length() <= actionWidth) {
            sb.append(" ".repeat(indent)).append(String.format("%-" + actionWidth + "s", header)).append("  ");
            indentFirst = 0;
        } else {
            sb.append(" ".repeat(indent)).append(header).append('\n');
            indentFirst = helpPosition;
        }
        if (!a.help.strip().isEmpty()) {
            List<String> lines = splitLines(a.help, helpWidth);
            sb.append(" ".repeat(indentFirst)).append(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                sb.append(" ".repeat(helpPosition)).append(line).append('\n');
            }
        } else if (sb.charAt(sb.length() - 1) != '\n') {
            sb.append('\n');
        }
        return sb.toString();
    }

    /** cliff's SmartHelpFormatter: keep the author's line breaks, wrap each line as argparse does. */
    private static List<String> splitLines(String text, int width) {
        List<String> out = new ArrayList<>();
        String[] lines = text.contains("\n") ? text.split("\\R", -1) : new String[] {text};
        if (text.contains("\n") && text.endsWith("\n")) {
            lines = java.util.Arrays.copyOf(lines, lines.length - 1); // str.splitlines() drops the last empty piece
        }
        for (String line : lines) {
            String collapsed = ASCII_WS.matcher(line).replaceAll(" ").strip();
            out.addAll(TextWrap.wrap(collapsed, width));
        }
        return out;
    }

    /** {@code _format_action_invocation}. */
    static String invocation(Arg a) {
        if (!a.isOption()) return metavar(a);
        if (a.nargs == Arg.Nargs.ZERO) return String.join(", ", a.optionStrings);
        String args = formatArgs(a);
        List<String> parts = new ArrayList<>();
        for (String o : a.optionStrings) parts.add(o + " " + args);
        return String.join(", ", parts);
    }

    /** {@code _metavar_formatter}: the metavar, else the choices in braces, else the default name. */
    static String metavar(Arg a) {
        if (a.metavar.isPresent()) return a.metavar.get();
        if (a.choices.isPresent()) return "{" + String.join(",", a.choices.get()) + "}";
        return a.isOption() ? a.dest.toUpperCase() : a.dest;
    }

    /** {@code _format_args}. */
    static String formatArgs(Arg a) {
        String m = metavar(a);
        return switch (a.nargs) {
            case ONE -> m;
            case OPTIONAL -> "[" + m + "]";
            case ZERO_OR_MORE -> "[" + m + " ...]";
            case ONE_OR_MORE -> m + " [" + m + " ...]";
            case ZERO -> "";
        };
    }

    private String usage(List<Arg> actions, List<Mutex> groups) {
        String prefix = "usage: ";
        List<Arg> optionals = actions.stream().filter(Arg::isOption).toList();
        List<Arg> positionals = actions.stream().filter(a -> !a.isOption()).toList();
        List<Arg> all = new ArrayList<>(optionals);
        all.addAll(positionals);
        String actionUsage = actionsUsage(all, groups);
        String usage = actionUsage.isEmpty() ? prog : prog + " " + actionUsage;
        int textWidth = width;
        if (prefix.length() + usage.length() > textWidth) {
            List<String> optParts = parts(actionsUsage(optionals, groups));
            List<String> posParts = parts(actionsUsage(positionals, groups));
            List<String> lines;
            if (prefix.length() + prog.length() <= 0.75 * textWidth) {
                String indent = " ".repeat(prefix.length() + prog.length() + 1);
                if (!optParts.isEmpty()) {
                    List<String> first = new ArrayList<>();
                    first.add(prog);
                    first.addAll(optParts);
                    lines = getLines(first, indent, prefix, textWidth);
                    lines.addAll(getLines(posParts, indent, null, textWidth));
                } else if (!posParts.isEmpty()) {
                    List<String> first = new ArrayList<>();
                    first.add(prog);
                    first.addAll(posParts);
                    lines = getLines(first, indent, prefix, textWidth);
                } else {
                    lines = new ArrayList<>(List.of(prog));
                }
            } else {
                String indent = " ".repeat(prefix.length());
                List<String> parts = new ArrayList<>(optParts);
                parts.addAll(posParts);
                lines = getLines(parts, indent, null, textWidth);
                if (lines.size() > 1) {
                    lines = getLines(optParts, indent, null, textWidth);
                    lines.addAll(getLines(posParts, indent, null, textWidth));
                }
                lines.add(0, prog);
            }
            usage = String.join("\n", lines);
        }
        return prefix + usage;
    }

    private static List<String> parts(String text) {
        List<String> parts = new ArrayList<>();
        Matcher m = PART.matcher(text);
        while (m.find()) parts.add(m.group());
        return parts;
    }

    private static List<String> getLines(List<String> parts, String indent, String prefix, int textWidth) {
        List<String> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        int lineLen = prefix != null ? prefix.length() - 1 : indent.length() - 1;
        for (String part : parts) {
            if (lineLen + 1 + part.length() > textWidth && !line.isEmpty()) {
                lines.add(indent + String.join(" ", line));
                line = new ArrayList<>();
                lineLen = indent.length() - 1;
            }
            line.add(part);
            lineLen += part.length() + 1;
        }
        if (!line.isEmpty()) lines.add(indent + String.join(" ", line));
        if (prefix != null && !lines.isEmpty()) lines.set(0, lines.get(0).substring(indent.length()));
        return lines;
    }

    /** {@code _format_actions_usage}, including the bracket and bar placement of mutually exclusive groups. */
    private static String actionsUsage(List<Arg> actions, List<Mutex> groups) {
        Set<Arg> groupActions = new HashSet<>();
        Map<Integer, String> inserts = new TreeMap<>();
        for (Mutex group : groups) {
            int start = actions.indexOf(group.args().get(0));
            if (start < 0) continue;
            int end = start + group.args().size();
            if (end <= actions.size() && actions.subList(start, end).equals(group.args())) {
                groupActions.addAll(group.args());
                String open = group.required() ? "(" : "[";
                String close = group.required() ? ")" : "]";
                inserts.merge(start, open, (x, y) -> x + " " + y);
                inserts.merge(end, close, (x, y) -> x + y);
                for (int i = start + 1; i < end; i++) inserts.put(i, "|");
            }
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Arg a = actions.get(i);
            if (a.hidden) {
                parts.add(null);
                if ("|".equals(inserts.get(i))) inserts.remove(i);
                else if ("|".equals(inserts.get(i + 1))) inserts.remove(i + 1);
            } else if (!a.isOption()) {
                String part = formatArgs(a);
                if (groupActions.contains(a) && part.startsWith("[") && part.endsWith("]")) {
                    part = part.substring(1, part.length() - 1);
                }
                parts.add(part);
            } else {
                String part = a.nargs == Arg.Nargs.ZERO ? a.optionStrings.get(0)
                        : a.optionStrings.get(0) + " " + formatArgs(a);
                if (!a.required && !groupActions.contains(a)) part = "[" + part + "]";
                parts.add(part);
            }
        }
        List<Integer> positions = new ArrayList<>(inserts.keySet());
        for (int k = positions.size() - 1; k >= 0; k--) {
            int at = positions.get(k);
            parts.add(at, inserts.get(at));
        }
        List<String> present = parts.stream().filter(p -> p != null).toList();
        String text = String.join(" ", present);
        text = text.replaceAll("([\\[(]) ", "$1");
        text = text.replaceAll(" ([\\])])", "$1");
        text = text.replaceAll("[\\[(] *[\\])]", "");
        text = text.replaceAll("\\(([^|]*)\\)", "$1");
        return text.strip();
    }
}

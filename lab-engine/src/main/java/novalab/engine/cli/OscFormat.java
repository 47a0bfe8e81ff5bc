package novalab.engine.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Simulates cliff 4.0's display layer as python-openstackclient 6.0 uses it: column selection and sorting
 * ({@code cliff.display}, {@code lister}, {@code show}) and the table, json, value, yaml, csv and shell formatters.
 *
 * <p>Outputs end with a newline, as cliff writes them. An empty list prints as a table of nothing, which is a
 * single newline, unless {@code --print-empty} asks for the header.
 */
public final class OscFormat {
    /** The formatter names a list command offers ({@code -f}), in cliff's sorted order. */
    public static final List<String> LIST_FORMATS = List.of("csv", "json", "table", "value", "yaml");
    /** The formatter names a show command offers ({@code -f}), in cliff's sorted order. */
    public static final List<String> SHOW_FORMATS = List.of("json", "shell", "table", "value", "yaml");
    /** The values of {@code --quote} for csv. */
    public static final List<String> QUOTE_MODES = List.of("all", "minimal", "none", "nonnumeric");

    private OscFormat() {}

    /** The arguments left after taking out cliff's output options, the options, and an argparse error if any. */
    public record ParsedArgs(List<String> args, FormatOptions options, Optional<String> error) {
        public ParsedArgs {
            args = List.copyOf(args);
        }
    }

    /**
     * Takes cliff's output options out of {@code argv} (exact option names, {@code --opt=value} and {@code -fjson}
     * forms) and leaves everything else, in order, for the command. Prefer {@link ArgParser#withListFormatOptions()}
     * or {@link ArgParser#withShowFormatOptions()}, which also give argparse's usage text and abbreviations.
     */
    public static ParsedArgs extract(List<String> argv, boolean lister) {
        List<String> rest = new ArrayList<>();
        String format = "table";
        List<String> columns = new ArrayList<>();
        boolean noIndent = false;
        int maxWidth = 0;
        boolean fitWidth = false;
        boolean printEmpty = false;
        List<String> sortColumns = new ArrayList<>();
        boolean sortDescending = false;
        String sortDirectionOption = "";
        String quote = "nonnumeric";
        String prefix = "";
        List<String> formats = lister ? LIST_FORMATS : SHOW_FORMATS;
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.equals("--")) {
                rest.addAll(argv.subList(i, argv.size()));
                break;
            }
            String name = arg;
            Optional<String> inline = Optional.empty();
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inline = Optional.of(arg.substring(eq + 1));
            } else if ((arg.startsWith("-f") || arg.startsWith("-c")) && arg.length() > 2 && !arg.startsWith("--")) {
                name = arg.substring(0, 2);
                String v = arg.substring(2);
                inline = Optional.of(v.startsWith("=") ? v.substring(1) : v);
            }
            String displayName = switch (name) {
                case "-f", "--format" -> "-f/--format";
                case "-c", "--column" -> "-c/--column";
                default -> name;
            };
            boolean takesValue = switch (name) {
                case "-f", "--format", "-c", "--column", "--max-width" -> true;
                case "--sort-column", "--quote" -> lister;
                case "--prefix" -> !lister;
                default -> false;
            };
            boolean isFlag = switch (name) {
                case "--noindent", "--fit-width", "--print-empty" -> true;
                case "--sort-ascending", "--sort-descending" -> lister;
                default -> false;
            };
            if (!takesValue && !isFlag) {
                rest.add(arg);
                continue;
            }
            String value = "";
            if (takesValue) {
                if (inline.isPresent()) {
                    value = inline.get();
                } else if (i + 1 < argv.size() && !looksLikeOption(argv.get(i + 1))) {
                    value = argv.get(++i);
                } else {
                    return failed(argv, "argument " + displayName + ": expected one argument");
                }
            } else if (inline.isPresent()) {
                return failed(argv, "argument " + displayName + ": ignored explicit argument "
                        + Py.reprString(inline.get()));
            }
            switch (name) {
                case "-f", "--format" -> {
                    if (!formats.contains(value)) return failed(argv, invalidChoice(displayName, value, formats));
                    format = value;
                }
                case "-c", "--column" -> columns.add(value);
                case "--noindent" -> noIndent = true;
                case "--max-width" -> {
                    Optional<Long> n = ArgParser.pythonInt(value);
                    if (n.isEmpty()) {
                        return failed(argv, "argument --max-width: invalid int value: " + Py.reprString(value));
                    }
                    maxWidth = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.get()));
                }
                case "--fit-width" -> fitWidth = true;
                case "--print-empty" -> printEmpty = true;
                case "--sort-column" -> sortColumns.add(value);
                case "--sort-ascending", "--sort-descending" -> {
                    if (!sortDirectionOption.isEmpty() && !sortDirectionOption.equals(name)) {
                        return failed(argv, "argument " + name + ": not allowed with argument " + sortDirectionOption);
                    }
                    sortDirectionOption = name;
                    sortDescending = name.equals("--sort-descending");
                }
                case "--quote" -> {
                    if (!QUOTE_MODES.contains(value)) return failed(argv, invalidChoice("--quote", value, QUOTE_MODES));
                    quote = value;
                }
                case "--prefix" -> prefix = value;
                default -> throw new IllegalStateException(name);
            }
        }
        FormatOptions options = new FormatOptions(format, columns, noIndent, maxWidth, fitWidth, printEmpty,
                sortColumns, sortDescending, quote, prefix, 0);
        return new ParsedArgs(rest, options, Optional.empty());
    }

    private static boolean looksLikeOption(String s) {
        return s.startsWith("-") && s.length() > 1 && !s.matches("-\\d+|-\\d*\\.\\d+") && !s.contains(" ");
    }

    private static ParsedArgs failed(List<String> argv, String message) {
        return new ParsedArgs(argv, FormatOptions.defaults(), Optional.of(message));
    }

    static String invalidChoice(String name, String value, List<String> choices) {
        return "argument " + name + ": invalid choice: " + Py.reprString(value) + " (choose from "
                + String.join(", ", choices.stream().map(Py::reprString).toList()) + ")";
    }

    // ------------------------------------------------------------------ lists

    /**
     * Prints a list command's result as cliff's {@code Lister.produce_output} does: sort by {@code --sort-column},
     * keep the {@code -c} columns (in the command's column order), then format.
     *
     * @throws CommandError when {@code -c} names no known column (cliff exits 1 with that message)
     */
    public static String render(Listing listing, FormatOptions o) {
        List<String> columns = listing.columns();
        List<List<Object>> rows = sortRows(listing, o);
        boolean[] selector = selector(columns, o.columns());
        List<String> included = compress(columns, selector);
        List<List<Object>> data = rows.stream().map(r -> compress(r, selector)).toList();
        return switch (o.format()) {
            case "table" -> tableList(included, data, o);
            case "json" -> Json.dumps(objects(included, data), o.noIndent() ? -1 : 2) + "\n";
            case "yaml" -> Yaml.safeDump(objects(included, data));
            case "value" -> {
                StringBuilder sb = new StringBuilder();
                for (List<Object> row : data) {
                    sb.append(String.join(" ", row.stream().map(Py::str).toList())).append('\n');
                }
                yield sb.toString();
            }
            case "csv" -> {
                StringBuilder sb = new StringBuilder(Csv.row(new ArrayList<>(included), o.quote()));
                for (List<Object> row : data) {
                    sb.append(Csv.row(row.stream().map(OscFormat::machineText).toList(), o.quote()));
                }
                yield sb.toString();
            }
            default -> throw new IllegalArgumentException("no list formatter " + o.format());
        };
    }

    /** cliff's csv formatter writes {@code str(machine_readable())} for formatted columns and raw values otherwise. */
    private static Object machineText(Object v) {
        return v instanceof Cell.Formatted f ? Py.str(f.machine()) : v;
    }

    private static List<Map<String, Object>> objects(List<String> columns, List<List<Object>> data) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (List<Object> row : data) {
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) item.put(columns.get(i), row.get(i));
            items.add(item);
        }
        return items;
    }

    /** cliff's Lister sort: each {@code --sort-column} found, last first, so the first has priority. */
    private static List<List<Object>> sortRows(Listing listing, FormatOptions o) {
        List<List<Object>> data = listing.rows();
        List<Integer> indexes = new ArrayList<>();
        for (String c : o.sortColumns()) {
            int index = listing.columns().indexOf(c);
            if (index >= 0) indexes.add(index);
        }
        for (int k = indexes.size() - 1; k >= 0; k--) {
            int index = indexes.get(k);
            try {
                data = PySort.sorted(data, index, o.sortDescending());
            } catch (PySort.Unorderable e) {
                // cliff logs "Could not sort on field ...; unsortable types" (not simulated) and keeps the order,
                // but it names the field as sort_columns[index] with a column index, so a large index fails
                if (index >= o.sortColumns().size()) throw new CommandError("list index out of range");
            }
        }
        return data;
    }

    private static String tableList(List<String> columns, List<List<Object>> data, FormatOptions o) {
        PrettyTable t = new PrettyTable(columns, o.printEmpty());
        if (!data.isEmpty()) {
            List<Object> first = data.get(0);
            for (int i = 0; i < columns.size(); i++) {
                Object v = first.get(i);
                t.align(columns.get(i), Py.isInt(v) || Py.isFloat(v) ? 'r' : 'l');
            }
            for (List<Object> row : data) t.addRow(row.stream().map(OscFormat::tableText).toList());
        }
        assignMaxWidths(t, o, 8);
        return t.getString() + "\n";
    }

    /** cliff's {@code _format_row} then prettytable's {@code str()}: human text, CR LF to LF, lone CR to space. */
    private static String tableText(Object v) {
        if (v instanceof Cell.Formatted f) v = f.human();
        if (v instanceof String s) return s.replace("\r\n", "\n").replace('\r', ' ');
        return Py.str(v);
    }

    /** cliff's {@code TableFormatter._assign_max_widths}. */
    private static void assignMaxWidths(PrettyTable t, FormatOptions o, int minWidth) {
        int termWidth;
        if (o.maxWidth() > 0) {
            termWidth = o.maxWidth();
        } else if (!o.fitWidth() || o.terminalColumns() <= 0) {
            return;
        } else {
            termWidth = o.terminalColumns();
        }
        String table = t.getString();
        if (table.isEmpty()) return;
        String firstLine = table.split("\n", -1)[0];
        if (firstLine.length() <= termWidth) return;
        List<String> names = t.fieldNames();
        int fieldCount = names.size();
        int usable = Math.max(0, termWidth - 1 - 3 * fieldCount);
        int optimal = fieldCount == 0 ? 0 : Math.max(0, usable / fieldCount);
        String[] segments = firstLine.split("\\+", -1);
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (int i = 0; i < fieldCount && i + 1 < segments.length - 1; i++) {
            widths.put(names.get(i), Math.max(0, segments[i + 1].length() - 2));
        }
        List<String> shrink = new ArrayList<>();
        int remaining = usable;
        for (String field : names) {
            int w = widths.getOrDefault(field, 0);
            if (w <= optimal) remaining -= w;
            else shrink.add(field);
        }
        if (shrink.isEmpty()) return;
        int shrinkTo = Math.floorDiv(remaining, shrink.size());
        for (String field : shrink.subList(0, shrink.size() - 1)) {
            t.maxWidth(field, Math.max(minWidth, shrinkTo));
            remaining -= shrinkTo;
        }
        t.maxWidth(shrink.get(shrink.size() - 1), Math.max(minWidth, remaining));
    }

    // ------------------------------------------------------------------ show

    /**
     * Prints a show command's result as cliff's {@code ShowOne.produce_output} does: keep the {@code -c} fields (in
     * the command's field order), then format.
     *
     * @throws CommandError when {@code -c} names no known field (cliff exits 1 with that message)
     */
    public static String render(ShowOne show, FormatOptions o) {
        List<String> names = show.names();
        List<Object> values = show.fields().stream().map(ShowOne.Field::value).toList();
        boolean[] selector = selector(names, o.columns());
        List<String> included = compress(names, selector);
        List<Object> data = compress(values, selector);
        StringBuilder sb = new StringBuilder();
        switch (o.format()) {
            case "table" -> {
                PrettyTable t = new PrettyTable(List.of("Field", "Value"), false);
                t.align("Field", 'l');
                t.align("Value", 'l');
                for (int i = 0; i < included.size(); i++) {
                    t.addRow(List.of(tableText(included.get(i)), tableText(data.get(i))));
                }
                assignMaxWidths(t, o, 16);
                sb.append(t.getString()).append('\n');
            }
            case "json" -> {
                Map<String, Object> one = new LinkedHashMap<>();
                for (int i = 0; i < included.size(); i++) one.put(included.get(i), data.get(i));
                sb.append(Json.dumps(one, o.noIndent() ? -1 : 2)).append('\n');
            }
            case "yaml" -> {
                for (int i = 0; i < included.size(); i++) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put(included.get(i), data.get(i));
                    sb.append(Yaml.safeDump(one));
                }
            }
            case "value" -> data.forEach(v -> sb.append(Py.str(v)).append('\n'));
            case "shell" -> {
                for (int i = 0; i < included.size(); i++) {
                    String name = included.get(i).toLowerCase().replace(' ', '_').replace(':', '_').replace('-', '_');
                    Object v = machineText(data.get(i));
                    String text = v instanceof String s ? s.replace("\"", "\\\"") : Py.str(v);
                    sb.append(o.prefix()).append(name).append("=\"").append(text).append("\"\n");
                }
            }
            default -> throw new IllegalArgumentException("no show formatter " + o.format());
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ column selection

    /** cliff's {@code _generate_columns_and_selector}; an all-true selector when no {@code -c} was given. */
    private static boolean[] selector(List<String> names, List<String> wanted) {
        boolean[] keep = new boolean[names.size()];
        boolean any = false;
        for (int i = 0; i < names.size(); i++) {
            keep[i] = wanted.isEmpty() || wanted.contains(names.get(i));
            any |= keep[i];
        }
        if (!wanted.isEmpty() && !any) {
            throw new CommandError("No recognized column names in " + Py.repr(wanted) + ". Recognized columns are "
                    + tupleRepr(names) + ".");
        }
        return keep;
    }

    private static String tupleRepr(List<String> names) {
        List<String> parts = names.stream().map(Py::reprString).toList();
        return "(" + String.join(", ", parts) + (parts.size() == 1 ? ",)" : ")");
    }

    private static <T> List<T> compress(List<T> items, boolean[] selector) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) if (selector[i]) out.add(items.get(i));
        return out;
    }
}

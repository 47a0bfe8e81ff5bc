package novalab.engine.cli;

import java.util.List;

/**
 * cliff's output options as parsed from the command line ({@code -f}, {@code -c}, {@code --noindent},
 * {@code --max-width}, {@code --fit-width}, {@code --print-empty}, {@code --sort-column},
 * {@code --sort-ascending}/{@code --sort-descending}, {@code --quote}, {@code --prefix}).
 *
 * @param format          {@code table}, {@code json}, {@code value}, {@code yaml}, {@code csv} (lists) or
 *                        {@code shell} (show)
 * @param columns         the {@code -c} values in the order typed; empty selects every column
 * @param terminalColumns width of the student's terminal for {@code --fit-width}; 0 when output is not a tty
 */
public record FormatOptions(String format, List<String> columns, boolean noIndent, int maxWidth, boolean fitWidth,
                            boolean printEmpty, List<String> sortColumns, boolean sortDescending, String quote,
                            String prefix, int terminalColumns) {

    public FormatOptions {
        columns = List.copyOf(columns);
        sortColumns = List.copyOf(sortColumns);
    }

    /** What cliff uses when no output option is given: a table, every column, csv quoting {@code nonnumeric}. */
    public static FormatOptions defaults() {
        return new FormatOptions("table", List.of(), false, 0, false, false, List.of(), false, "nonnumeric", "", 0);
    }

    public FormatOptions withFormat(String newFormat) {
        return new FormatOptions(newFormat, columns, noIndent, maxWidth, fitWidth, printEmpty, sortColumns,
                sortDescending, quote, prefix, terminalColumns);
    }

    public FormatOptions withColumns(List<String> newColumns) {
        return new FormatOptions(format, newColumns, noIndent, maxWidth, fitWidth, printEmpty, sortColumns,
                sortDescending, quote, prefix, terminalColumns);
    }

    /** The same options printed to a terminal {@code columns} wide (what {@code --fit-width} fits to). */
    public FormatOptions withTerminalColumns(int newTerminalColumns) {
        return new FormatOptions(format, columns, noIndent, maxWidth, fitWidth, printEmpty, sortColumns,
                sortDescending, quote, prefix, newTerminalColumns);
    }
}

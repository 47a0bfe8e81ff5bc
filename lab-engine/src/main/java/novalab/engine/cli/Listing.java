package novalab.engine.cli;

import java.util.ArrayList;
import java.util.List;

/** What a cliff {@code Lister} command returns: column names and one row of values per item, in column order. */
public record Listing(List<String> columns, List<List<Object>> rows) {
    public Listing {
        columns = List.copyOf(columns);
        List<List<Object>> copied = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values for " + columns.size() + " columns");
            }
            copied.add(List.copyOf(row));
        }
        rows = List.copyOf(copied);
    }
}

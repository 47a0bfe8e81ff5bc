package novalab.engine.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a cliff {@code ShowOne} command returns: named fields in the order they are printed. */
public record ShowOne(List<Field> fields) {

    /** One row of a show table: field name and its value (see {@link Cell} for the value types). */
    public record Field(String name, Object value) {}

    public ShowOne {
        fields = List.copyOf(fields);
    }

    /**
     * The fields of {@code data} sorted by name, as OSC's {@code sorted(info.items())} does (plain string order,
     * so upper-case {@code OS-...} names come before lower-case ones).
     */
    public static ShowOne sorted(Map<String, ?> data) {
        List<Field> fields = new ArrayList<>();
        data.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> fields.add(new Field(e.getKey(), e.getValue())));
        return new ShowOne(fields);
    }

    /** The field names, in order. */
    public List<String> names() {
        return fields.stream().map(Field::name).toList();
    }
}

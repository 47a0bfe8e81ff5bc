package novalab.engine.cli;

import java.util.List;

/**
 * Simulates Python 3.11's {@code csv.writer(stdout, quoting=..., lineterminator='\n', escapechar='\\')} as cliff's
 * CSV formatter configures it: delimiter {@code ,}, quote {@code "} doubled inside quoted fields.
 */
final class Csv {
    private Csv() {}

    /** One row as the writer prints it, with its line terminator. */
    static String row(List<Object> fields, String quoting) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            Object f = fields.get(i);
            boolean quoted = switch (quoting) {
                case "all" -> true;
                case "nonnumeric" -> !(Py.isInt(f) || Py.isFloat(f) || f instanceof Boolean);
                default -> false;
            };
            String text = Py.isNone(f) ? "" : Py.str(f);
            if (fields.size() == 1 && text.isEmpty()) {
                if (quoting.equals("none")) throw new CommandError("single empty field record must be quoted");
                quoted = true;
            }
            StringBuilder field = new StringBuilder();
            for (int k = 0; k < text.length(); k++) {
                char c = text.charAt(k);
                if (c == ',' || c == '"' || c == '\\' || c == '\n') {
                    if (quoting.equals("none") || c == '\\') {
                        field.append('\\');
                    } else {
                        quoted = true;
                        if (c == '"') field.append('"');
                    }
                }
                field.append(c);
            }
            if (quoted) sb.append('"').append(field).append('"');
            else sb.append(field);
        }
        return sb.append('\n').toString();
    }
}

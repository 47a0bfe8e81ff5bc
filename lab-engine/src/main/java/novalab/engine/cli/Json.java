package novalab.engine.cli;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Simulates Python's {@code json.dumps(obj, indent=2)} and {@code json.dumps(obj)} (ensure_ascii on). */
public final class Json {
    private Json() {}

    /** {@code json.dumps(value, indent=indent)}; {@code indent < 0} means Python's {@code indent=None}. */
    static String dumps(Object value, int indent) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, indent, 0);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object value, int indent, int level) {
        if (value instanceof Cell.Formatted f) {
            write(sb, f.machine(), indent, level);
        } else if (Py.isNone(value)) {
            sb.append("null");
        } else if (value instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (Py.isInt(value)) {
            sb.append(value);
        } else if (Py.isFloat(value)) {
            sb.append(floatText(((Number) value).doubleValue()));
        } else if (value instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                newline(sb, indent, level + 1);
                writeString(sb, keyText(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), indent, level + 1);
                if (it.hasNext()) sb.append(indent < 0 ? ", " : ",");
            }
            newline(sb, indent, level);
            sb.append('}');
        } else if (value instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                newline(sb, indent, level + 1);
                write(sb, it.next(), indent, level + 1);
                if (it.hasNext()) sb.append(indent < 0 ? ", " : ",");
            }
            newline(sb, indent, level);
            sb.append(']');
        } else {
            writeString(sb, value.toString());
        }
    }

    private static void newline(StringBuilder sb, int indent, int level) {
        if (indent >= 0) sb.append('\n').append(" ".repeat(indent * level));
    }

    private static String keyText(Object key) {
        if (key instanceof String s) return s;
        if (Py.isNone(key)) return "null";
        if (key instanceof Boolean b) return b ? "true" : "false";
        if (Py.isFloat(key)) return floatText(((Number) key).doubleValue());
        return key.toString();
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) return "NaN";
        if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
        return Py.floatRepr(d);
    }

    private static void writeString(StringBuilder sb, String s) {
        quote(sb, s, true);
    }

    /**
     * Python's {@code json.dumps} of a string: the short escapes, {@code \\uXXXX} for other control
     * characters and, with {@code asciiOnly} (ensure_ascii, cliff's default), for everything beyond ASCII.
     * botocore and knack dump with ensure_ascii off.
     */
    public static void quote(StringBuilder sb, String s, boolean asciiOnly) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || asciiOnly && c > 0x7e) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

}

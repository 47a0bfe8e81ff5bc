package novalab.engine.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Python's {@code str()} and {@code repr()} of cell values, and the type tests cliff makes on them. */
final class Py {
    private Py() {}

    /** Python's {@code str(value)}. */
    static String str(Object value) {
        if (value instanceof String s) return s;
        if (value instanceof Cell.Formatted f) return str(f.machine());
        return repr(value);
    }

    /** Python's {@code repr(value)}. */
    static String repr(Object value) {
        if (value == null || value == Cell.NONE) return "None";
        if (value instanceof String s) return reprString(s);
        if (value instanceof Boolean b) return b ? "True" : "False";
        if (isInt(value)) return value.toString();
        if (isFloat(value)) return floatRepr(((Number) value).doubleValue());
        if (value instanceof Cell.Formatted f) return repr(f.machine());
        if (value instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> e = it.next();
                sb.append(repr(e.getKey())).append(": ").append(repr(e.getValue()));
                if (it.hasNext()) sb.append(", ");
            }
            return sb.append('}').toString();
        }
        if (value instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            Iterator<?> it = c.iterator();
            while (it.hasNext()) {
                sb.append(repr(it.next()));
                if (it.hasNext()) sb.append(", ");
            }
            return sb.append(']').toString();
        }
        return reprString(value.toString());
    }

    /** Python int: Java's integral boxes (not Boolean, which Python also counts, but cliff's type() test does not). */
    static boolean isInt(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger;
    }

    static boolean isFloat(Object v) {
        return v instanceof Double || v instanceof Float || v instanceof BigDecimal;
    }

    static boolean isNone(Object v) {
        return v == null || v == Cell.NONE;
    }

    /** Python's {@code repr(str)}: single quotes unless the text holds a ' and no ", escapes for the rest. */
    static String reprString(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') sb.append('\\').appendCodePoint(cp);
            else if (cp == '\t') sb.append("\\t");
            else if (cp == '\n') sb.append("\\n");
            else if (cp == '\r') sb.append("\\r");
            else if (cp < 0x20 || cp == 0x7f) sb.append(String.format("\\x%02x", cp));
            else if (cp < 0x7f || isPrintable(cp)) sb.appendCodePoint(cp);
            else if (cp <= 0xff) sb.append(String.format("\\x%02x", cp));
            else if (cp <= 0xffff) sb.append(String.format("\\u%04x", cp));
            else sb.append(String.format("\\U%08x", cp));
        });
        return sb.append(quote).toString();
    }

    /** Python's {@code str.isprintable()} for one non-ASCII code point. */
    static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, fixed notation for exponents -4..15. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) return "nan";
        if (Double.isInfinite(d)) return d > 0 ? "inf" : "-inf";
        if (d == 0) return (1 / d < 0) ? "-0.0" : "0.0";
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale(); // decimal exponent of the first digit
        String sign = d < 0 ? "-" : "";
        if (exp >= -4 && exp < 16) { // Python's repr switches to exponent notation outside this range
            String body;
            if (exp < 0) {
                body = "0." + "0".repeat(-exp - 1) + digits;
            } else if (digits.length() > exp + 1) {
                body = digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
            } else {
                body = digits + "0".repeat(exp + 1 - digits.length()) + ".0";
            }
            return sign + body;
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
    }
}

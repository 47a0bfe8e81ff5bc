package novalab.engine.scheduler.filters;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How Python prints and parses the values that appear in Nova's log lines, so ours read the same. */
final class Py {
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Py() {}

    /** Python's {@code repr(float)}: {@code 1023.0}, {@code -1024.0}, {@code 0.5}, {@code 1e+16}. */
    static String repr(double x) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return (1 / x < 0) ? "-0.0" : "0.0";
        double abs = Math.abs(x);
        if (abs >= 1e16 || abs < 1e-4) {
            String[] parts = Double.toString(x).split("E");
            String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
            int exp = Integer.parseInt(parts[1]);
            return mantissa + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        String plain = new BigDecimal(Double.toString(x)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /** Python's {@code repr(str)}: single quotes unless the text holds a single quote and no double quote. */
    static String repr(String s) {
        if (s.contains("'") && !s.contains("\"")) return "\"" + s.replace("\\", "\\\\") + "\"";
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Python's {@code str()} of a set of strings, sorted so that our output is stable: {@code {'az1', 'az2'}}. */
    static String setRepr(Collection<String> values) {
        return values.stream().sorted().map(Py::repr).collect(Collectors.joining(", ", "{", "}"));
    }

    /** Python's {@code float(text)}: surrounding whitespace, {@code inf} and {@code nan} allowed (digit underscores are not); empty when it would raise ValueError. */
    static OptionalDouble parseFloat(String text) {
        String s = text.strip();
        String bare = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        double sign = s.startsWith("-") ? -1 : 1;
        switch (bare.toLowerCase(java.util.Locale.ROOT)) {
            case "inf", "infinity": return OptionalDouble.of(sign * Double.POSITIVE_INFINITY);
            case "nan": return OptionalDouble.of(Double.NaN);
            default: break;
        }
        return FLOAT.matcher(s).matches() ? OptionalDouble.of(Double.parseDouble(s)) : OptionalDouble.empty();
    }
}

package novalab.engine.scheduler.filters;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Simulates nova.scheduler.filters.extra_specs_ops.match. It compares a host value with a flavor extra-spec
 * requirement such as {@code "= 123"}, {@code "s>= abc"}, {@code "<in> avx"}, {@code "<or> a <or> b"};
 * a requirement without a known operator is plain string equality. We deviate where Python would raise
 * (a non-numeric value under a numeric operator, a bare {@code <or>}): the match is false.
 */
public final class ExtraSpecsOps {
    private ExtraSpecsOps() {}

    public static boolean match(String value, String req) {
        List<String> words = req.isBlank() ? List.of() : Arrays.asList(req.strip().split("\\s+"));
        String op = words.isEmpty() ? "" : words.get(0);
        List<String> args = words.isEmpty() ? List.of() : words.subList(1, words.size());
        if (op.equals("<or>")) {
            return matchOr(value, args);
        }
        if (!isOperator(op)) {
            return value.equals(req);
        }
        if (args.isEmpty()) {
            return false;
        }
        String arg = args.get(0);
        return switch (op) {
            case "<in>" -> value.contains(arg);
            case "<all-in>" -> args.stream().allMatch(value::contains);
            case "s==" -> value.equals(arg);
            case "s!=" -> !value.equals(arg);
            case "s<" -> value.compareTo(arg) < 0;
            case "s<=" -> value.compareTo(arg) <= 0;
            case "s>" -> value.compareTo(arg) > 0;
            case "s>=" -> value.compareTo(arg) >= 0;
            default -> numeric(op, value, arg);
        };
    }

    private static boolean isOperator(String op) {
        return switch (op) {
            case "=", "<in>", "<all-in>", "==", "!=", ">=", "<=", "s==", "s!=", "s<", "s<=", "s>", "s>=" -> true;
            default -> false;
        };
    }

    private static boolean numeric(String op, String value, String arg) {
        OptionalDouble x = Py.parseFloat(value);
        OptionalDouble y = Py.parseFloat(arg);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        double a = x.getAsDouble();
        double b = y.getAsDouble();
        return switch (op) {
            case "=", ">=" -> a >= b;
            case "==" -> a == b;
            case "!=" -> a != b;
            case "<=" -> a <= b;
            default -> false;
        };
    }

    /** {@code <or> v1 <or> v2}: every other word after the first {@code <or>} is a candidate. */
    private static boolean matchOr(String value, List<String> args) {
        for (int i = 0; i < args.size(); i += 2) {
            if (args.get(i).equals(value)) {
                return true;
            }
        }
        return false;
    }
}

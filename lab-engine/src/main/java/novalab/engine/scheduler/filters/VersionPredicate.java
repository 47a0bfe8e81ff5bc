package novalab.engine.scheduler.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulates the parts of distutils.versionpredicate.VersionPredicate and
 * oslo_utils.versionutils.convert_version_to_str that ImagePropertiesFilter uses: a comma-separated list of
 * comparisons such as {@code ">=6.0,<6.2"}, all of which must hold. We deviate in comparing any number of
 * dotted integer parts (missing parts count as 0) where StrictVersion allows two or three and a/b tags.
 */
record VersionPredicate(List<Comparison> comparisons) {
    private static final Pattern COMPARISON = Pattern.compile("\\s*(<=|>=|<|>|!=|==)\\s*(\\d+(?:\\.\\d+)*)\\s*");

    record Comparison(String op, List<Integer> version) {}

    /** The predicate, or empty when the text is not one (Nova would raise ValueError). */
    static Optional<VersionPredicate> parse(String text) {
        List<Comparison> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            Matcher m = COMPARISON.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            out.add(new Comparison(m.group(1), parts(m.group(2))));
        }
        return Optional.of(new VersionPredicate(out));
    }

    boolean satisfiedBy(String version) {
        List<Integer> v = parts(version);
        return comparisons.stream().allMatch(c -> {
            int cmp = compare(v, c.version());
            return switch (c.op()) {
                case "<" -> cmp < 0;
                case "<=" -> cmp <= 0;
                case ">" -> cmp > 0;
                case ">=" -> cmp >= 0;
                case "==" -> cmp == 0;
                default -> cmp != 0;
            };
        });
    }

    /** {@code convert_version_to_str}: 6002000 is "6.2.0", 5000 is "5.0". */
    static String versionToString(int version) {
        List<String> numbers = new ArrayList<>();
        for (int v = version; v != 0; v /= 1000) {
            numbers.add(0, Integer.toString(v % 1000));
        }
        return String.join(".", numbers);
    }

    private static List<Integer> parts(String version) {
        List<Integer> out = new ArrayList<>();
        if (version.isEmpty()) return out;
        for (String p : version.split("\\.")) {
            out.add(Integer.parseInt(p));
        }
        return out;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int x = i < a.size() ? a.get(i) : 0;
            int y = i < b.size() ? b.get(i) : 0;
            if (x != y) return Integer.compare(x, y);
        }
        return 0;
    }
}

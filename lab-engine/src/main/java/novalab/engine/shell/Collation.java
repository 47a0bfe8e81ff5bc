package novalab.engine.shell;

import java.util.Comparator;

/**
 * The order {@code ls}, {@code sort} and globs use under an en_US.UTF-8 locale, approximated: letters and
 * digits first, ignoring case and punctuation; then lower case before upper case; then plain code order.
 */
final class Collation {
    static final Comparator<String> LOCALE = Collation::compare;

    private Collation() { }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            while (i < a.length() && !Character.isLetterOrDigit(a.charAt(i))) i++;
            while (j < b.length() && !Character.isLetterOrDigit(b.charAt(j))) j++;
            if (i >= a.length() || j >= b.length()) {
                if (i < a.length()) return 1;
                if (j < b.length()) return -1;
                break;
            }
            char x = Character.toLowerCase(a.charAt(i));
            char y = Character.toLowerCase(b.charAt(j));
            if (x != y) return Character.compare(x, y);
            i++;
            j++;
        }
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char x = a.charAt(k);
            char y = b.charAt(k);
            if (x != y && Character.toLowerCase(x) == Character.toLowerCase(y)) return Character.isLowerCase(x) ? -1 : 1;
        }
        return a.compareTo(b);
    }
}

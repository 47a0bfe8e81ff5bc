package novalab.engine.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Simulates cliff's {@code sorted(data, key=lambda k: (k[index] is None, k[index]), reverse=...)}: CPython's
 * comparisons (including the TypeErrors of mixed types and FormattableColumn's one-sided {@code __lt__}) and the
 * order in which list.sort makes them for short lists (a run count then binary insertion).
 */
final class PySort {
    private PySort() {}

    /** Raised where Python raises TypeError: the values cannot be ordered. */
    static final class Unorderable extends RuntimeException {
        Unorderable() {
            super(null, null, false, false);
        }
    }

    /** The rows sorted on column {@code index}; throws {@link Unorderable} where Python would raise TypeError. */
    static List<List<Object>> sorted(List<List<Object>> rows, int index, boolean reverse) {
        List<List<Object>> a = new ArrayList<>(rows);
        if (reverse) Collections.reverse(a);
        int n = a.size();
        if (n >= 2) {
            int run = countRun(a, index);
            binarySort(a, index, run);
        }
        if (reverse) Collections.reverse(a);
        return a;
    }

    /** CPython's count_run: the length of the leading run, reversed in place if strictly descending. */
    private static int countRun(List<List<Object>> a, int index) {
        int n = 2;
        if (keyLess(a.get(1), a.get(0), index)) {
            while (n < a.size() && keyLess(a.get(n), a.get(n - 1), index)) n++;
            Collections.reverse(a.subList(0, n));
        } else {
            while (n < a.size() && !keyLess(a.get(n), a.get(n - 1), index)) n++;
        }
        return n;
    }

    /** CPython's binarysort of {@code a} where the first {@code start} items are already sorted. */
    private static void binarySort(List<List<Object>> a, int index, int start) {
        for (int s = start; s < a.size(); s++) {
            List<Object> pivot = a.get(s);
            int l = 0;
            int r = s;
            do {
                int p = l + ((r - l) >> 1);
                if (keyLess(pivot, a.get(p), index)) r = p;
                else l = p + 1;
            } while (l < r);
            a.remove(s);
            a.add(l, pivot);
        }
    }

    /** {@code (x is None, x) < (y is None, y)}. */
    private static boolean keyLess(List<Object> rowA, List<Object> rowB, int index) {
        Object x = rowA.get(index);
        Object y = rowB.get(index);
        boolean xn = Py.isNone(x);
        boolean yn = Py.isNone(y);
        if (xn != yn) return !xn;
        if (x == y || (xn && yn)) return false;
        if (eq(x, y)) return false;
        return less(x, y);
    }

    /** Python's {@code ==}. */
    static boolean eq(Object x, Object y) {
        if (Py.isNone(x) || Py.isNone(y)) return Py.isNone(x) && Py.isNone(y);
        if (isNumber(x) && isNumber(y)) return number(x) == number(y);
        if (x instanceof Cell.Formatted fx) return y instanceof Cell.Formatted fy && eq(fx.machine(), fy.machine());
        if (y instanceof Cell.Formatted) return false;
        if (x instanceof List<?> lx && y instanceof List<?> ly) {
            if (lx.size() != ly.size()) return false;
            for (int i = 0; i < lx.size(); i++) if (!eq(lx.get(i), ly.get(i))) return false;
            return true;
        }
        if (x instanceof Map<?, ?> mx && y instanceof Map<?, ?> my) {
            if (mx.size() != my.size()) return false;
            for (Map.Entry<?, ?> e : mx.entrySet()) {
                if (!my.containsKey(e.getKey()) || !eq(e.getValue(), my.get(e.getKey()))) return false;
            }
            return true;
        }
        return Objects.equals(x, y);
    }

    /** Python's {@code <}. */
    static boolean less(Object x, Object y) {
        if (x instanceof Cell.Formatted fx) return y instanceof Cell.Formatted fy && less(fx.machine(), fy.machine());
        if (isNumber(x) && isNumber(y)) return number(x) < number(y);
        if (x instanceof String sx && y instanceof String sy) return compareCodePoints(sx, sy) < 0;
        if (x instanceof List<?> lx && y instanceof List<?> ly) {
            int i = 0;
            while (i < lx.size() && i < ly.size() && eq(lx.get(i), ly.get(i))) i++;
            if (i < lx.size() && i < ly.size()) return less(lx.get(i), ly.get(i));
            return lx.size() < ly.size();
        }
        throw new Unorderable(); // includes x < Formatted: FormattableColumn has no __gt__
    }

    private static boolean isNumber(Object v) {
        return Py.isInt(v) || Py.isFloat(v) || v instanceof Boolean;
    }

    private static double number(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        return ((Number) v).doubleValue();
    }

    private static int compareCodePoints(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (x[i] != y[i]) return Integer.compare(x[i], y[i]);
        }
        return Integer.compare(x.length, y.length);
    }
}

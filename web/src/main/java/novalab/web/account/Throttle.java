package novalab.web.account;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Attempts per key (a client address, an account name): {@code burst} at once, then one every {@code everyMs}. A caller
 * asks {@link #allowed} before the work and {@link #charge}s what counts (a failed sign-in, a registration), so a key
 * over its limit is refused before any password is checked. Keys are made up by clients, so the table forgets
 * refilled keys once it grows past {@value #MAX_KEYS}.
 */
final class Throttle {
    private static final int MAX_KEYS = 10_000;
    private final int burst;
    private final long everyMs;
    private final LongSupplier clockMs;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>(); // {tokens, last refill ms}

    Throttle(int burst, long everyMs, LongSupplier clockMs) {
        this.burst = burst;
        this.everyMs = everyMs;
        this.clockMs = clockMs;
    }

    private double tokens(double[] b, long now) {
        return Math.min(burst, b[0] + (double) (now - (long) b[1]) / everyMs);
    }

    /** Whether {@code key} may try now (takes nothing). */
    boolean allowed(String key) {
        double[] b = buckets.get(key);
        if (b == null) return true;
        synchronized (b) {
            return tokens(b, clockMs.getAsLong()) >= 1;
        }
    }

    /** Counts one attempt against {@code key}. */
    void charge(String key) {
        if (buckets.size() > MAX_KEYS) forgetRefilled();
        long now = clockMs.getAsLong();
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, now});
        synchronized (b) {
            b[0] = Math.max(0, tokens(b, now) - 1);
            b[1] = now;
        }
    }

    /** Whole seconds until {@code key} may try again (at least 1), for {@code Retry-After} and the page's sentence. */
    long retryAfterSeconds(String key) {
        double[] b = buckets.get(key);
        if (b == null) return 1;
        synchronized (b) {
            double missing = 1 - tokens(b, clockMs.getAsLong());
            return Math.max(1, (long) Math.ceil(missing * everyMs / 1000.0));
        }
    }

    private void forgetRefilled() {
        long now = clockMs.getAsLong();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return tokens(e.getValue(), now) >= burst;
            }
        });
    }
}

package novalab.web.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per sandbox: {@code burst} requests at once, refilled at {@code perSecond}; a request finding the
 * bucket empty is refused (the caller answers 429 or the service's throttling error) and never reaches the sandbox.
 */
public final class RateLimiter {
    /** No limit (tests, the bench). */
    public static final RateLimiter NONE = new RateLimiter(0, 0, System::nanoTime);

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, double burst, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanos = nanos;
    }

    /**
     * The limit the web lab applies: 50 requests a second with bursts of 300. A real client's busiest moment is
     * {@code openstack flavor list}, one request per flavor's extra specs (a test saw 60 was too tight); the whole
     * cookbook averages under 20 a second. A script hammering a sandbox is held back; a student never is.
     */
    public static RateLimiter standard() { return new RateLimiter(50, 300, System::nanoTime); }

    /** Takes one request's token for {@code key}; false when the sandbox is over its limit. */
    public boolean allow(String key) {
        if (perSecond <= 0) return true;
        if (buckets.size() > MAX_KEYS) forgetIdle();
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, nanos.getAsLong()});
        synchronized (b) {
            long now = nanos.getAsLong();
            b[0] = Math.min(burst, b[0] + (now - (long) b[1]) / 1e9 * perSecond);
            b[1] = now;
            if (b[0] < 1) return false;
            b[0] -= 1;
            return true;
        }
    }

    /** Keys made up by a client (unknown sandbox ids) must not grow the table without bound: idle, refilled buckets go. */
    private static final int MAX_KEYS = 10_000;

    private void forgetIdle() {
        long now = nanos.getAsLong();
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue()[0] + (now - (long) e.getValue()[1]) / 1e9 * perSecond >= burst;
            }
        });
    }

    /** Whole seconds until the next request would be allowed (for {@code Retry-After}). */
    public int retryAfterSeconds() { return perSecond <= 0 ? 0 : (int) Math.max(1, Math.ceil(1 / perSecond)); }
}

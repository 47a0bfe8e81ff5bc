package novalab.web.lab;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** A token bucket per student: {@code burst} commands at once, then {@code perSecond} a second. */
public final class RateLimit {
    private final int burst;
    private final double perSecond;
    private final LongSupplier clockMs;
    private final Map<Long, double[]> buckets = new ConcurrentHashMap<>(); // {tokens, last refill ms}

    public RateLimit(int burst, double perSecond, LongSupplier clockMs) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.clockMs = clockMs;
    }

    /** Takes one token for {@code userId}; false when the student must wait. */
    public boolean tryAcquire(long userId) {
        long now = clockMs.getAsLong();
        double[] b = buckets.computeIfAbsent(userId, k -> new double[] {burst, now});
        synchronized (b) {
            b[0] = Math.min(burst, b[0] + (now - b[1]) * perSecond / 1000.0);
            b[1] = now;
            if (b[0] < 1) return false;
            b[0] -= 1;
            return true;
        }
    }
}

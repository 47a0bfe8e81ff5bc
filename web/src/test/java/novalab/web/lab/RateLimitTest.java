package novalab.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    @Test
    void a_burst_passes_then_commands_come_at_the_refill_rate_per_student() {
        AtomicLong now = new AtomicLong(0);
        RateLimit limit = new RateLimit(3, 2, now::get);
        assertThat(limit.tryAcquire(1)).isTrue();
        assertThat(limit.tryAcquire(1)).isTrue();
        assertThat(limit.tryAcquire(1)).isTrue();
        assertThat(limit.tryAcquire(1)).isFalse();
        assertThat(limit.tryAcquire(2)).as("another student has an own bucket").isTrue();
        now.set(500); // half a second at 2 a second: one more
        assertThat(limit.tryAcquire(1)).isTrue();
        assertThat(limit.tryAcquire(1)).isFalse();
    }
}

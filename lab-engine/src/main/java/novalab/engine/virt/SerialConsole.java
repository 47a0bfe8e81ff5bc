package novalab.engine.virt;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/** A serial console being written: kernel lines carry the uptime ({@code [    4.210000]}), userspace lines are raw. */
final class SerialConsole {
    private static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SYSLOG =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOGGING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();
    private final SplittableRandom random;
    private final Instant poweredOnAt;
    private long micros;

    SerialConsole(long seed, Instant poweredOnAt) {
        this.random = new SplittableRandom(seed);
        this.poweredOnAt = poweredOnAt;
    }

    void kernel(String message) {
        out.append(String.format(Locale.ROOT, "[%5d.%06d] ", micros / 1_000_000, micros % 1_000_000))
                .append(message).append('\n');
        micros += 200 + random.nextInt(2500);
    }

    void service(String name, int pid, String message) {
        kernel(name + "[" + pid + "]: " + message);
    }

    void raw(String line) {
        out.append(line).append('\n');
        micros += 1000 + random.nextInt(9000);
    }

    void advance(double minSeconds, double maxSeconds) {
        micros += (long) ((minSeconds + random.nextDouble() * (maxSeconds - minSeconds)) * 1_000_000);
    }

    void at(double seconds) {
        micros = Math.max(micros, (long) (seconds * 1_000_000));
    }

    int nextInt(int bound) { return random.nextInt(bound); }

    double nextDouble() { return random.nextDouble(); }

    double uptime() { return micros / 1e6; }

    String upString() { return String.format(Locale.ROOT, "%.2f", uptime()); }

    Instant now() { return poweredOnAt.plusNanos(micros * 1000); }

    /** cloud-init's time_rfc2822: {@code Mon, 14 Sep 2026 09:00:11 +0000}. */
    String rfc2822() { return RFC_2822.format(now()); }

    /** Python logging's asctime: {@code 2026-09-14 09:00:11,123}. */
    String logStamp() { return LOGGING.format(now()); }

    /** syslog's {@code Sep 14 09:00:11}, as logger(1) stamps {@code <14>} lines. */
    String syslogStamp() { return SYSLOG.format(now()); }

    String text() { return out.toString(); }
}

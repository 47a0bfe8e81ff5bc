package novalab.engine.common;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The simulated clock of one cloud: milliseconds since the sandbox started, on top of a fixed epoch.
 * Nothing in the engine reads the wall clock; time moves only when {@link Timeline} advances it.
 */
public final class SimClock {
    private static final DateTimeFormatter ISO_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final long epochMs;
    private long nowMs;

    public SimClock(long epochMs) {
        this.epochMs = epochMs;
    }

    /** Milliseconds since the sandbox started. */
    public long nowMs() { return nowMs; }

    /** Moves time forward; never backward. */
    void advanceTo(long ms) {
        if (ms > nowMs) nowMs = ms;
    }

    public Instant instant() { return Instant.ofEpochMilli(epochMs + nowMs); }

    public Instant instantAt(long ms) { return Instant.ofEpochMilli(epochMs + ms); }

    /** {@code 2026-09-14T09:00:05Z}, as Nova prints created/updated. */
    public String isoZ() { return ISO_Z.format(instant()); }

    public static String isoZ(Instant t) { return ISO_Z.format(t); }

    /** {@code 2026-09-14T09:00:05.000000}, as Nova prints launched_at and service updated_at. */
    public String isoMicro() { return ISO_MICRO.format(instant()); }

    public static String isoMicro(Instant t) { return ISO_MICRO.format(t); }

    /** {@code 2026-09-14 09:00:05.123}, the oslo.log timestamp. */
    public String logStamp() { return LOG.format(instant()); }

    /** {@code 2026-09-14 09:00:05}, as libvirt's nova:creationTime. */
    public String plain() { return PLAIN.format(instant()); }
}

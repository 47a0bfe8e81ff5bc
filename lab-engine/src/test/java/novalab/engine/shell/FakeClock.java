package novalab.engine.shell;

import java.time.Instant;

/** Simulated time starting at Mon 2026-09-14 09:00:00 UTC; moves only when told. */
final class FakeClock implements ShellClock {
    static final Instant EPOCH = Instant.parse("2026-09-14T09:00:00Z");

    private long now;

    @Override
    public long nowMs() { return now; }

    @Override
    public void advanceBy(long ms) { now += ms; }

    @Override
    public Instant now() { return EPOCH.plusMillis(now); }
}

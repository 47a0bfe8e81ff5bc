package novalab.engine.shell;

import java.time.Instant;

/** The simulated time the shell sees: {@code sleep} advances it, {@code date} and {@code ls -l} read it. */
public interface ShellClock {
    /** Simulated milliseconds since the sandbox started. */
    long nowMs();

    /** Moves simulated time forward (firing whatever falls due). */
    void advanceBy(long ms);

    /** The simulated wall-clock instant; the cloud overrides this with its epoch. */
    default Instant now() { return Instant.ofEpochMilli(nowMs()); }
}

package novalab.engine.virt;

import java.time.Duration;
import java.time.Instant;

/**
 * Simulates {@code /var/lib/nova/instances/<uuid>/console.log} as virtlogd writes it for the serial
 * device Nova defines ({@code <log file=".../console.log" append="off"/>}): a shutdown appends the
 * guest's shutdown messages, and every power-on (start, soft or hard reboot) starts the file afresh
 * with the new boot, so only the first boot shows cloud-init's per-instance output (host keys,
 * authorized keys). One per guest, owned by its driver.
 */
public final class ConsoleLog {
    private final GuestBoot guest;
    private final StringBuilder text = new StringBuilder();
    private Instant bootStart;
    private double uptime;
    private int boots;

    private ConsoleLog(InstanceSpec spec, HostSpec host) {
        this.guest = new GuestBoot(spec, host);
        this.bootStart = spec.bootedAt();
    }

    /** The log right after spawn: the first boot at {@link InstanceSpec#bootedAt()}. */
    public static ConsoleLog firstBoot(InstanceSpec spec, HostSpec host) {
        ConsoleLog log = new ConsoleLog(spec, host);
        log.poweredOn(spec.bootedAt());
        return log;
    }

    /** The guest powered on at {@code at} (never before the last line written): the file restarts. */
    public void poweredOn(Instant at) {
        Instant start = at.isBefore(lastWrite()) ? lastWrite() : at;
        GuestBoot.Transcript t = guest.boot(start, ++boots);
        text.setLength(0);
        text.append(t.text());
        bootStart = start;
        uptime = t.uptimeSeconds();
    }

    /** The guest shut down cleanly at {@code at}; the power-down line carries the uptime then. */
    public void shutDown(Instant at) {
        double since = Duration.between(bootStart, at).toNanos() / 1e9;
        uptime = Math.max(since, uptime + 0.5);
        text.append(guest.shutdown(uptime));
    }

    /** When the guest last wrote to its console: the default time of the next power event without a clock. */
    public Instant lastWrite() {
        return bootStart.plusNanos((long) (uptime * 1e9));
    }

    public String text() { return text.toString(); }
}

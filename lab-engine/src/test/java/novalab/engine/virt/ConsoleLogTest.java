package novalab.engine.virt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {
    private final HostSpec host = Specs.computeHost("compute-01");
    private final InstanceSpec spec = Specs.instance(1).bootedAt(Instant.parse("2026-09-14T09:00:07Z")).build();

    @Test
    void starts_with_the_first_boot() {
        assertThat(ConsoleLog.firstBoot(spec, host).text()).isEqualTo(GuestBoot.firstBoot(spec, host));
    }

    @Test
    void a_shutdown_appends_the_power_down_at_the_uptime_of_that_moment() {
        ConsoleLog log = ConsoleLog.firstBoot(spec, host);

        log.shutDown(Instant.parse("2026-09-14T10:00:07Z"));

        assertThat(log.text()).startsWith(GuestBoot.firstBoot(spec, host)).endsWith("[ 3600.000000] reboot: Power down\n");
    }

    @Test
    void a_power_on_starts_the_file_afresh_as_append_off_does() {
        ConsoleLog log = ConsoleLog.firstBoot(spec, host);
        log.shutDown(Instant.parse("2026-09-14T10:00:07Z"));

        log.poweredOn(Instant.parse("2026-09-14T11:00:00Z"));

        assertThat(log.text()).startsWith("[    0.000000] Linux version")
                .contains("running 'init' at Mon, 14 Sep 2026 11:00:0")
                .doesNotContain("Power down", "SSH HOST KEY FINGERPRINTS");
    }

    @Test
    void without_a_clock_events_follow_the_last_console_line() {
        ConsoleLog log = ConsoleLog.firstBoot(spec, host);

        log.shutDown(log.lastWrite());
        log.poweredOn(Instant.EPOCH);

        assertThat(log.lastWrite()).isAfter(Instant.parse("2026-09-14T09:00:20Z"));
        assertThat(log.text()).contains("Mon, 14 Sep 2026 09:00:");
    }
}

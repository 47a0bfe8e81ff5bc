package novalab.engine.servicegroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Vectors D4–D9 (nova test_db_servicegroup.py, service_down_time = 15 s) and the service_down_time override. */
class DbDriverTest {
    private static final long T0 = 1_000_000L;
    private static final int DOWN_TIME = 15;

    @Test
    void vector_D4_heartbeat_just_now_is_up() {
        assertThat(DbDriver.isUp(OptionalLong.of(T0), T0, T0, DOWN_TIME, false)).isTrue();
    }

    @Test
    void vector_D5_heartbeat_exactly_service_down_time_ago_is_still_up() {
        assertThat(DbDriver.isUp(OptionalLong.of(T0), T0, T0 + 15_000, DOWN_TIME, false)).isTrue();
    }

    @Test
    void vector_D6_heartbeat_sixteen_seconds_ago_is_down() {
        assertThat(DbDriver.isUp(OptionalLong.of(T0), T0, T0 + 16_000, DOWN_TIME, false)).isFalse();
    }

    @Test
    void vector_D7_only_last_seen_up_counts_so_a_fresh_updated_at_does_not_help() {
        // updated_at is not even a parameter: the service row was updated just now, last_seen_up 16 s ago
        assertThat(DbDriver.isUp(OptionalLong.of(T0), T0, T0 + 16_000, DOWN_TIME, false)).isFalse();
    }

    @Test
    void vector_D8_service_that_never_reported_falls_back_to_created_at() {
        assertThat(DbDriver.isUp(OptionalLong.empty(), T0, T0, DOWN_TIME, false)).isTrue();
        assertThat(DbDriver.isUp(OptionalLong.empty(), T0, T0 + 16_000, DOWN_TIME, false)).isFalse();
    }

    @Test
    void derived_vector_D9_forced_down_wins_over_a_fresh_heartbeat() {
        assertThat(DbDriver.isUp(OptionalLong.of(T0), T0, T0, DOWN_TIME, true)).isFalse();
    }

    @Test
    void heartbeat_in_the_future_counts_by_its_distance() {
        assertThat(DbDriver.isUp(OptionalLong.of(T0 + 15_000), T0, T0, DOWN_TIME, false)).isTrue();
        assertThat(DbDriver.isUp(OptionalLong.of(T0 + 15_001), T0, T0, DOWN_TIME, false)).isFalse();
    }

    @Test
    void production_defaults_report_a_host_down_just_after_sixty_seconds() {
        int downTime = DbDriver.effectiveServiceDownTime(DbDriver.REPORT_INTERVAL, DbDriver.SERVICE_DOWN_TIME);

        assertThat(downTime).isEqualTo(60);
        assertThat(DbDriver.isUp(OptionalLong.of(T0), T0, T0 + 60_000, downTime, false)).isTrue();
        assertThat(DbDriver.isUp(OptionalLong.of(T0), T0, T0 + 60_001, downTime, false)).isFalse();
        assertThat(DbDriver.serviceDownTimeWarning(10, 60)).isEmpty();
    }

    @Test
    void service_down_time_not_above_report_interval_becomes_two_and_a_half_intervals() {
        assertThat(DbDriver.effectiveServiceDownTime(10, 10)).isEqualTo(25);
        assertThat(DbDriver.effectiveServiceDownTime(7, 5)).isEqualTo(17);
        assertThat(DbDriver.serviceDownTimeWarning(10, 5)).hasValue("Report interval must be less than service down time."
                + " Current config: <service_down_time: 5, report_interval: 10>. Setting service_down_time to: 25");
    }
}

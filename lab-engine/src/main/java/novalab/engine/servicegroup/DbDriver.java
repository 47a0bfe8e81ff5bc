package novalab.engine.servicegroup;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Simulates nova.servicegroup.drivers.db.DbDriver.is_up together with the forced_down check and the
 * service_down_time override of nova.servicegroup.api.API. Times are simulated milliseconds.
 */
public final class DbDriver {
    /** {@code [DEFAULT] report_interval}: seconds between heartbeats. */
    public static final int REPORT_INTERVAL = 10;
    /** {@code [DEFAULT] service_down_time}: seconds without a heartbeat before a service counts as down. */
    public static final int SERVICE_DOWN_TIME = 60;
    /** nova.servicegroup.api.INITIAL_REPORTING_DELAY: seconds before a service's first heartbeat. */
    public static final int INITIAL_REPORTING_DELAY = 5;

    private DbDriver() {}

    /**
     * Whether the service is up: not forced down, and its last heartbeat ({@code last_seen_up}, else
     * {@code created_at}) is at most {@code serviceDownTimeSeconds} away from now, either way. Nova no longer
     * looks at {@code updated_at}.
     */
    public static boolean isUp(OptionalLong lastSeenUpMs, long createdAtMs, long nowMs, int serviceDownTimeSeconds,
                               boolean forcedDown) {
        if (forcedDown) {
            return false;
        }
        long lastHeartbeat = lastSeenUpMs.orElse(createdAtMs);
        return Math.abs(nowMs - lastHeartbeat) <= serviceDownTimeSeconds * 1000L;
    }

    /** The service_down_time Nova uses: {@code int(report_interval * 2.5)} when the configured one is not above report_interval. */
    public static int effectiveServiceDownTime(int reportInterval, int serviceDownTime) {
        return serviceDownTime <= reportInterval ? (int) (reportInterval * 2.5) : serviceDownTime;
    }

    /** The WARNING nova.servicegroup.api logs when it overrides service_down_time, if it does. */
    public static Optional<String> serviceDownTimeWarning(int reportInterval, int serviceDownTime) {
        if (serviceDownTime > reportInterval) {
            return Optional.empty();
        }
        return Optional.of("Report interval must be less than service down time. Current config: "
                + "<service_down_time: " + serviceDownTime + ", report_interval: " + reportInterval
                + ">. Setting service_down_time to: " + effectiveServiceDownTime(reportInterval, serviceDownTime));
    }
}

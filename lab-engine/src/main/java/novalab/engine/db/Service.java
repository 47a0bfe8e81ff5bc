package novalab.engine.db;

import java.util.Optional;

/** Simulates a row of Nova's {@code services} table: one nova-* binary on one host, with its heartbeat. */
public final class Service {
    public final int id;
    public final String uuid;
    public final String binary;
    public final String host;
    public final String topic;
    public final long createdAtMs;
    private boolean disabled;
    private Optional<String> disabledReason = Optional.empty();
    private boolean forcedDown;
    private Optional<Long> lastSeenUpMs = Optional.empty();
    private int reportCount;
    private long updatedAtMs;

    public Service(int id, String uuid, String binary, String host, String topic, long createdAtMs) {
        this.id = id;
        this.uuid = uuid;
        this.binary = binary;
        this.host = host;
        this.topic = topic;
        this.createdAtMs = createdAtMs;
        this.updatedAtMs = createdAtMs;
    }

    public boolean disabled() { return disabled; }
    public Optional<String> disabledReason() { return disabledReason; }
    public boolean forcedDown() { return forcedDown; }
    public Optional<Long> lastSeenUpMs() { return lastSeenUpMs; }
    public int reportCount() { return reportCount; }
    public long updatedAtMs() { return updatedAtMs; }

    // conductor-only writes
    public void setDisabled(boolean d, Optional<String> reason, long nowMs) {
        disabled = d;
        disabledReason = reason;
        updatedAtMs = nowMs;
    }

    public void setForcedDown(boolean f, long nowMs) {
        forcedDown = f;
        updatedAtMs = nowMs;
    }

    public void heartbeat(long nowMs) {
        lastSeenUpMs = Optional.of(nowMs);
        reportCount++;
        updatedAtMs = nowMs;
    }
}

package novalab.engine.cli.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Instances this dialect terminated: Nova forgets a deleted server, EC2 keeps showing it as
 * {@code terminated} for about an hour, so the last view is kept (per cloud) until then.
 */
final class Terminated {
    static final long VISIBLE_MS = 3_600_000L;

    record Gone(String novaReservationId, ObjectNode instance, long atMs) {}

    private static final Map<novalab.engine.Cloud, Terminated> PER_CLOUD = new java.util.WeakHashMap<>();

    private final Map<String, Gone> gone = new LinkedHashMap<>();

    /** The one record of a cloud, shared by its {@code aws} CLI and its EC2 wire endpoint. */
    static Terminated of(novalab.engine.Cloud cloud) {
        synchronized (PER_CLOUD) {
            return PER_CLOUD.computeIfAbsent(cloud, c -> new Terminated());
        }
    }

    void add(String instanceId, Gone g) { gone.put(instanceId, g); }

    /** The still-visible terminated instances at {@code nowMs}, in termination order. */
    Map<String, Gone> visible(long nowMs) {
        gone.values().removeIf(g -> nowMs - g.atMs() > VISIBLE_MS);
        return new LinkedHashMap<>(gone);
    }
}

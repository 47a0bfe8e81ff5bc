package novalab.engine.bus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import novalab.engine.common.CloudError;
import novalab.engine.common.Ids;
import novalab.engine.common.Timeline;

/**
 * The message bus (RabbitMQ's role, oslo.messaging's API): services consume topics such as
 * {@code conductor}, {@code scheduler} and {@code compute.<host>}. A {@code call} waits for the reply;
 * a {@code cast} is queued and delivered shortly after, in order, on the caller's thread. Messages to a
 * stopped service wait in its queue until it starts again, as with a durable RabbitMQ queue. Every
 * message is recorded in its request's trace, which the lab draws as the request flow.
 */
public final class MessageBus {
    /** Delivery latency of a cast, in simulated milliseconds. */
    public static final long CAST_LATENCY_MS = 50;

    /** One message as the trace shows it. */
    public record Message(long atMs, String requestId, String from, String topic, String method, boolean call,
                          String summary) {}

    private final Timeline timeline;
    private final Ids ids;
    private final Map<String, Boolean> consuming = new HashMap<>();
    private final Map<String, Deque<Runnable>> held = new HashMap<>();
    private final LinkedHashMap<String, List<Message>> traces = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Message>> e) { return size() > 32; }
    };
    private final LinkedHashMap<String, List<Reply>> replies = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<Reply>> e) { return size() > 32; }
    };
    private String lastRequestId = "";

    /**
     * The reply to the call at index {@code call} of its trace, sent after the message at index {@code after}
     * (the last one the handler caused); {@code error} names the exception the handler raised instead of answering.
     */
    public record Reply(int call, int after, java.util.Optional<String> error) {}

    public MessageBus(Timeline timeline, Ids ids) {
        this.timeline = timeline;
        this.ids = ids;
    }

    /** A service starts (or stops) consuming its topic; on start, what waited in its queue is delivered. */
    public void setConsuming(String topic, boolean on) {
        consuming.put(topic, on);
        if (on) {
            Deque<Runnable> q = held.remove(topic);
            if (q != null) {
                while (!q.isEmpty()) {
                    Runnable r = q.poll();
                    timeline.after(CAST_LATENCY_MS, "deliver " + topic, r);
                }
            }
        }
    }

    public boolean isConsuming(String topic) { return consuming.getOrDefault(topic, false); }

    /** Blocking RPC: runs the handler now and returns its reply; a stopped consumer means MessagingTimeout. */
    public <T> T call(String requestId, String from, String topic, String method, String summary, Supplier<T> handler) {
        record(requestId, from, topic, method, true, summary);
        if (!isConsuming(topic)) {
            throw new CloudError(500, "MessagingTimeout", "Timed out waiting for a reply to message ID " + ids.hex(32));
        }
        int index = traces.get(requestId).size() - 1;
        java.util.Optional<String> error = java.util.Optional.of("error");
        try {
            T reply = handler.get();
            error = java.util.Optional.empty();
            return reply;
        } catch (RuntimeException e) {
            error = java.util.Optional.of(e.getClass().getSimpleName());
            throw e;
        } finally {
            List<Message> trace = traces.getOrDefault(requestId, List.of());
            replies.computeIfAbsent(requestId, r -> new ArrayList<>()).add(new Reply(index, Math.max(index, trace.size() - 1), error));
        }
    }

    /** Fire-and-forget RPC: the handler runs when the message is delivered. */
    public void cast(String requestId, String from, String topic, String method, String summary, Runnable handler) {
        record(requestId, from, topic, method, false, summary);
        Runnable deliver = () -> {
            if (isConsuming(topic)) handler.run();
            else held.computeIfAbsent(topic, t -> new ArrayDeque<>()).add(handler);
        };
        timeline.after(CAST_LATENCY_MS, "cast " + topic + "." + method, deliver);
    }

    private void record(String requestId, String from, String topic, String method, boolean call, String summary) {
        traces.computeIfAbsent(requestId, r -> new ArrayList<>())
                .add(new Message(timeline.clock().nowMs(), requestId, from, topic, method, call, summary));
        lastRequestId = requestId;
    }

    /** Records a step that is not a bus message (an HTTP request into nova-api, a driver call), for the flow diagram. */
    public void note(String requestId, String from, String to, String what) {
        record(requestId, from, to, what, true, "");
    }

    public List<Message> trace(String requestId) { return List.copyOf(traces.getOrDefault(requestId, List.of())); }

    public String lastRequestId() { return lastRequestId; }

    /** The replies to the request's calls, in the order they were sent (notes and casts have none). */
    public List<Reply> replies(String requestId) { return List.copyOf(replies.getOrDefault(requestId, List.of())); }

    /** Messages waiting for a stopped consumer. */
    public int held(String topic) { return held.getOrDefault(topic, new ArrayDeque<>()).size(); }
}

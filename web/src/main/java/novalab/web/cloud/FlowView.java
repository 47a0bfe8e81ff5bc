package novalab.web.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import novalab.engine.bus.MessageBus;

/**
 * One request's flow across the services as a sequence diagram: a lifeline per service and a row per
 * message of the request's bus trace (HTTP request, RPC call, RPC cast, its reply, a libvirt call, a
 * cell0 write). Positions are computed here so the template only draws.
 */
public record FlowView(String requestId, String title, List<Lifeline> lifelines, List<Row> rows, int width, int height,
                       boolean buriedInCell0) {
    static final int TOP = 84, STEP = 34, SPACING = 150;

    /** A service's lifeline: its name, a second line (host or role) and its x. */
    public record Lifeline(String name, String detail, int x) {}

    /** What a row shows; the line style and the arrowhead say it as well as the text. */
    public enum Kind {
        HTTP("HTTP request", "", "solid"), CALL("RPC call", "", "solid"), CAST("RPC cast", "9 5", "open"),
        REPLY("reply", "2 4", "open"), DRIVER("libvirt call", "", "solid"), DB("database write", "", "solid");

        private final String text;
        private final String dash;
        private final String head;

        Kind(String text, String dash, String head) {
            this.text = text;
            this.dash = dash;
            this.head = head;
        }

        public String text() { return text; }

        /** {@code stroke-dasharray} ("" for a solid line). */
        public String dash() { return dash; }

        /** Which arrowhead marker: {@code solid} (filled) or {@code open}. */
        public String head() { return head; }
    }

    /** One arrow: step number (0 for replies), its y, from and to x, label, kind, the services and its time offset. */
    public record Row(int n, int y, int x1, int x2, String label, Kind kind, String from, String to, String offset, String summary) {
        public boolean self() { return x1 == x2; }

        public int labelX() { return Math.min(x1, x2) + 6; }

        /** Where the line ends: a few pixels short of the lifeline so the arrowhead touches it. */
        public int endX() { return x2 > x1 ? x2 - 2 : x2 + 2; }
    }

    public boolean empty() { return rows.isEmpty(); }

    static Optional<FlowView> of(MessageBus bus, String requestId) {
        List<MessageBus.Message> trace = bus.trace(requestId);
        if (requestId.isEmpty() || trace.isEmpty()) return Optional.empty();
        // lifelines in the order the request meets them: client, api, conductor, scheduler, then each compute with its libvirt
        List<String> order = new ArrayList<>(List.of("client", "nova-api", "nova-conductor", "nova-scheduler"));
        for (MessageBus.Message m : trace) {
            for (String s : List.of(service(m.from()), service(m.topic()))) {
                if (order.contains(s)) continue;
                if (s.startsWith("nova-compute@")) {
                    order.add(s);
                    order.add("libvirt@" + s.substring("nova-compute@".length()));
                } else if (s.startsWith("libvirt@")) {
                    order.add("nova-compute@" + s.substring("libvirt@".length()));
                    order.add(s);
                } else {
                    order.add(s);
                }
            }
        }
        List<String> used = order.stream().filter(s -> trace.stream().anyMatch(m -> service(m.from()).equals(s) || service(m.topic()).equals(s))).toList();
        Map<String, Integer> x = new LinkedHashMap<>();
        List<Lifeline> lifelines = new ArrayList<>();
        for (String s : used) {
            int xi = SPACING / 2 + x.size() * SPACING;
            x.put(s, xi);
            lifelines.add(new Lifeline(name(s), detail(s), xi));
        }
        // replies land after the last message their handler caused; an HTTP response after the API's own work
        Map<Integer, List<Row>> after = new LinkedHashMap<>();
        List<MessageBus.Reply> replies = bus.replies(requestId);
        long t0 = trace.get(0).atMs();
        List<Row> pending = new ArrayList<>();
        for (MessageBus.Reply r : replies) {
            if (r.call() >= trace.size()) continue;
            MessageBus.Message m = trace.get(r.call());
            String label = r.error().map(e -> "raises " + e).orElse("reply to " + m.method());
            after.computeIfAbsent(Math.min(r.after(), trace.size() - 1), k -> new ArrayList<>())
                    .add(row(0, x, m.topic(), m.from(), label, Kind.REPLY, "", t0, m.atMs()));
        }
        for (int i = 0; i < trace.size(); i++) {
            MessageBus.Message m = trace.get(i);
            if (kind(m) == Kind.DRIVER) {
                after.computeIfAbsent(i, k -> new ArrayList<>()).add(0, row(0, x, m.topic(), m.from(), "returns", Kind.REPLY, "", t0, m.atMs()));
            } else if (kind(m) == Kind.HTTP) {
                int last = i;
                for (int j = i + 1; j < trace.size() && trace.get(j).atMs() == m.atMs(); j++) last = j;
                after.computeIfAbsent(last, k -> new ArrayList<>()).add(row(0, x, m.topic(), m.from(), "HTTP response", Kind.REPLY, "", t0, m.atMs()));
            }
        }
        List<Row> rows = new ArrayList<>();
        boolean buried = false;
        for (int i = 0; i < trace.size(); i++) {
            MessageBus.Message m = trace.get(i);
            Kind k = kind(m);
            buried |= k == Kind.DB;
            String label = (i + 1) + ". " + shorten(m.method()) + " [" + (k == Kind.CALL ? "call" : k == Kind.CAST ? "cast" : k == Kind.HTTP ? "HTTP" : k == Kind.DRIVER ? "libvirt" : "DB") + "]";
            pending.add(row(i + 1, x, m.from(), m.topic(), label, k, m.summary(), t0, m.atMs()));
            pending.addAll(after.getOrDefault(i, List.of()));
        }
        for (int i = 0; i < pending.size(); i++) {
            Row r = pending.get(i);
            int y = TOP + 20 + i * STEP;
            rows.add(new Row(r.n(), y, r.x1(), r.x2(), r.label(), r.kind(), r.from(), r.to(), r.offset(), r.summary()));
        }
        String title = trace.get(0).method();
        int width = Math.max(SPACING * used.size(), 300);
        int height = TOP + 20 + rows.size() * STEP + 10;
        return Optional.of(new FlowView(requestId, shorten(title), lifelines, rows, width, height, buried));
    }

    private static Row row(int n, Map<String, Integer> x, String from, String to, String label, Kind kind, String summary, long t0, long at) {
        String f = service(from), t = service(to);
        return new Row(n, 0, x.getOrDefault(f, 0), x.getOrDefault(t, 0), label, kind, name(f) + detailSuffix(f), name(t) + detailSuffix(t),
                String.format(Locale.ROOT, "+%.3f s", (at - t0) / 1000.0), summary);
    }

    private static Kind kind(MessageBus.Message m) {
        String from = service(m.from()), to = service(m.topic());
        if (from.equals("client")) return Kind.HTTP;
        if (to.startsWith("libvirt@")) return Kind.DRIVER;
        if (to.equals("cell0")) return Kind.DB;
        return m.call() ? Kind.CALL : Kind.CAST;
    }

    /** A trace's {@code from} or {@code topic} as a lifeline key. */
    static String service(String s) {
        if (s.equals("conductor")) return "nova-conductor";
        if (s.equals("scheduler")) return "nova-scheduler";
        if (s.startsWith("compute.")) return "nova-compute@" + s.substring("compute.".length());
        return s;
    }

    private static String name(String key) {
        if (key.startsWith("nova-compute@")) return "nova-compute";
        if (key.startsWith("libvirt@")) return "libvirt";
        if (key.equals("cell0")) return "cell0 DB";
        if (key.equals("client")) return "openstack CLI";
        return key;
    }

    private static String detail(String key) {
        int at = key.indexOf('@');
        if (at >= 0) return "on " + key.substring(at + 1);
        return switch (key) {
            case "client" -> "your workstation";
            case "nova-api" -> "REST API";
            case "nova-conductor" -> "controller";
            case "nova-scheduler" -> "controller";
            case "cell0" -> "failed builds";
            default -> "";
        };
    }

    private static String detailSuffix(String key) {
        int at = key.indexOf('@');
        return at >= 0 ? " (" + key.substring(at + 1) + ")" : "";
    }

    /** Long ids in a label cut to their first 8 characters. */
    static String shorten(String s) {
        return s.replaceAll("([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "$1…").replace("/v2.1", "");
    }
}

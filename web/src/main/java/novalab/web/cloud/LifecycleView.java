package novalab.web.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import novalab.engine.api.ServerStatus;
import novalab.engine.compute.Instance;
import novalab.engine.compute.TaskState;
import novalab.engine.compute.VmState;

/**
 * One server's lifecycle: the vm_states Nova documents as boxes (named by the status the API shows),
 * the transitions between them, the path this server took (numbered, from the engine's record of its
 * state changes) and where it is now. Geometry is computed here; the template only draws.
 */
public record LifecycleView(String uuid, String name, String status, String current, String task, List<Node> nodes, List<Edge> edges,
                            List<Step> steps, String pathText, int width, int height) {
    static final int W = 150, H = 58;

    /** A state box: key (the status shown), the vm_state under it, its corner, and whether the server is in it now / was in it. */
    public record Node(String key, String vmState, int x, int y, boolean current, boolean visited) {
        public int cx() { return x + W / 2; }
        public int w() { return W; }
        public int h() { return H; }
    }

    /** A transition: an SVG path, its label and where the label goes, and the step numbers if this server took it. */
    public record Edge(String from, String to, String path, String label, int lx, int ly, String anchor, boolean taken, String numbers) {}

    /** One row of the text equivalent: when, vm_state, task_state, status. */
    public record Step(int n, String at, String vmState, String task, String status) {}

    /** A transition to draw: offset (parallel pairs), bend (a curve), which side its label goes on, and where along it (0..1). */
    private record Spec(String from, String to, String label, double offset, double bend, int side, double at) {
        Spec(String from, String to, String label, double offset, double bend) { this(from, to, label, offset, bend, 1, 0.5); }
    }

    private static final Map<String, int[]> AT = new LinkedHashMap<>();
    private static final Map<String, String> VM = new LinkedHashMap<>();

    static {
        place("BUILD", "building", 20, 40);
        place("ACTIVE", "active", 300, 40);
        place("VERIFY_RESIZE", "resized", 580, 40);
        place("ERROR", "error", 20, 180);
        place("SHUTOFF", "stopped", 300, 180);
        place("SHELVED", "shelved", 580, 180);
        place("DELETED", "deleted", 20, 320);
        place("SHELVED_OFFLOADED", "shelved_offloaded", 580, 320);
    }

    private static void place(String key, String vm, int x, int y) {
        AT.put(key, new int[] {x, y});
        VM.put(key, vm);
    }

    private static final List<Spec> TRANSITIONS = List.of(
            new Spec("BUILD", "ACTIVE", "spawned", 0, 0),
            new Spec("BUILD", "ERROR", "NoValidHost / failed", 0, 0, -1, 0.5),
            new Spec("ACTIVE", "SHUTOFF", "stop", 10, 0),
            new Spec("SHUTOFF", "ACTIVE", "start", 10, 0),
            new Spec("ACTIVE", "VERIFY_RESIZE", "migrate / resize", 10, 0),
            new Spec("VERIFY_RESIZE", "ACTIVE", "confirm / revert", 10, 0),
            new Spec("ACTIVE", "SHELVED", "shelve", 10, 0),
            new Spec("SHELVED", "ACTIVE", "unshelve", 10, 0),
            new Spec("SHUTOFF", "SHELVED", "shelve", 0, 0),
            new Spec("SHELVED", "SHELVED_OFFLOADED", "offload", 0, 0),
            new Spec("SHELVED_OFFLOADED", "ACTIVE", "unshelve", 0, 0, -1, 0.35),
            new Spec("ERROR", "DELETED", "delete", 0, 0, -1, 0.5));

    /** The box a state belongs in (by vm_state; a deleted instance is DELETED whatever its vm_state). */
    static String key(VmState vm, boolean deleted) {
        if (deleted) return "DELETED";
        return switch (vm) {
            case BUILDING -> "BUILD";
            case STOPPED -> "SHUTOFF";
            case RESIZED -> "VERIFY_RESIZE";
            default -> vm.name();
        };
    }

    static LifecycleView of(Instance i) {
        List<Instance.StateChange> history = i.stateHistory();
        List<Step> steps = new ArrayList<>();
        List<String> path = new ArrayList<>();
        for (Instance.StateChange c : history) {
            steps.add(new Step(steps.size() + 1, c.at(), c.vmState().value(), c.taskState().map(TaskState::value).orElse("none"),
                    ServerStatus.of(c.vmState(), c.taskState(), c.deleted())));
            String k = key(c.vmState(), c.deleted());
            if (path.isEmpty() || !path.get(path.size() - 1).equals(k)) path.add(k);
        }
        String current = key(i.vmState(), i.deleted());
        Map<String, int[]> at = new LinkedHashMap<>(AT);
        int extra = 0;
        for (String k : path) {
            // a state this layout has no place for (paused, suspended, ...): the free middle slot, then a row below
            if (at.containsKey(k)) continue;
            at.put(k, extra == 0 ? new int[] {300, 320} : new int[] {20 + 280 * ((extra - 1) % 3), 460 + 140 * ((extra - 1) / 3)});
            extra++;
        }
        List<Node> nodes = new ArrayList<>();
        at.forEach((k, p) -> nodes.add(new Node(k, VM.getOrDefault(k, k.toLowerCase(Locale.ROOT)), p[0], p[1], k.equals(current), path.contains(k))));
        // which transitions the server took, numbered in order
        Map<String, List<Integer>> taken = new LinkedHashMap<>();
        for (int s = 1; s < path.size(); s++) taken.computeIfAbsent(path.get(s - 1) + ">" + path.get(s), x -> new ArrayList<>()).add(s);
        List<Spec> specs = new ArrayList<>(TRANSITIONS);
        for (String t : taken.keySet()) {
            String[] ft = t.split(">");
            if (specs.stream().noneMatch(s -> s.from().equals(ft[0]) && s.to().equals(ft[1]))) {
                specs.add(new Spec(ft[0], ft[1], ft[1].equals("DELETED") ? "delete" : "", 0, 24));
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (Spec s : specs) {
            List<Integer> nums = taken.getOrDefault(s.from() + ">" + s.to(), List.of());
            edges.add(edge(at.get(s.from()), at.get(s.to()), s, !nums.isEmpty(),
                    String.join(", ", nums.stream().map(String::valueOf).toList())));
        }
        // reboot keeps the vm_state (ACTIVE → ACTIVE through its task states): a loop on ACTIVE, taken if the history shows one
        boolean rebooted = history.stream().anyMatch(c -> c.taskState().map(t -> t.value().startsWith("reboot")).orElse(false));
        int[] a = at.get("ACTIVE");
        edges.add(new Edge("ACTIVE", "ACTIVE", String.format(Locale.ROOT, "M%d %d C%d %d %d %d %d %d", a[0] + 95, a[1] - 2, a[0] + 95, a[1] - 34,
                a[0] + 135, a[1] - 34, a[0] + 135, a[1] - 3), rebooted ? "reboot (taken)" : "reboot", a[0] + 140, a[1] - 20, "start", rebooted, ""));
        String task = i.taskState().map(TaskState::value).orElse("none");
        return new LifecycleView(i.uuid, i.displayName, ServerStatus.of(i.vmState(), i.taskState(), i.deleted()), current, task,
                nodes, edges, steps, String.join(" → ", path), 760, extra > 1 ? 520 + 140 * ((extra - 2) / 3) : 400);
    }

    private static Edge edge(int[] a, int[] b, Spec s, boolean taken, String numbers) {
        double ax = a[0] + W / 2.0, ay = a[1] + H / 2.0, bx = b[0] + W / 2.0, by = b[1] + H / 2.0;
        double dx = bx - ax, dy = by - ay, len = Math.max(1, Math.hypot(dx, dy));
        double nx = -dy / len, ny = dx / len;
        ax += nx * s.offset(); ay += ny * s.offset(); bx += nx * s.offset(); by += ny * s.offset();
        double mx = (ax + bx) / 2 + nx * s.bend(), my = (ay + by) / 2 + ny * s.bend();
        double[] p0 = exit(ax, ay, mx, my), p2 = exit(bx, by, mx, my);
        String path = String.format(Locale.ROOT, "M%.1f %.1f Q%.1f %.1f %.1f %.1f", p0[0], p0[1], mx, my, p2[0], p2[1]);
        double t = s.at(), a0 = (1 - t) * (1 - t), a1 = 2 * t * (1 - t), a2 = t * t;
        double sx = nx * s.side(), sy = ny * s.side();
        double lx = a0 * p0[0] + a1 * mx + a2 * p2[0] + sx * 12, ly = a0 * p0[1] + a1 * my + a2 * p2[1] + sy * 12 + 4;
        String anchor = sx < -0.5 ? "end" : sx > 0.5 ? "start" : "middle";
        String label = taken ? (s.label().isEmpty() ? "step " + numbers : s.label() + " (step " + numbers + ")") : s.label();
        return new Edge(s.from(), s.to(), path, label, (int) Math.round(lx), (int) Math.round(ly), anchor, taken, numbers);
    }

    /** Where a ray from (cx, cy) toward (tx, ty) leaves the box centred at (cx, cy), with a small gap. */
    private static double[] exit(double cx, double cy, double tx, double ty) {
        double dx = tx - cx, dy = ty - cy;
        double hw = W / 2.0 + 3, hh = H / 2.0 + 3;
        double t = Math.min(dx == 0 ? Double.MAX_VALUE : hw / Math.abs(dx), dy == 0 ? Double.MAX_VALUE : hh / Math.abs(dy));
        return new double[] {cx + dx * t, cy + dy * t};
    }

    /** A short id for SVG element ids (unique per server on a page). */
    public String domId() { return uuid.replace("-", "").substring(0, 12); }

    /** The vm_state the server is in now, as Nova stores it. */
    public String currentVmState() { return currentNode().map(Node::vmState).orElse(""); }

    public Optional<Node> currentNode() { return nodes.stream().filter(Node::current).findFirst(); }
}

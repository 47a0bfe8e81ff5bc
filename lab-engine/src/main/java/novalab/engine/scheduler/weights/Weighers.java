package novalab.engine.scheduler.weights;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import novalab.engine.scheduler.SchedulerOptions;

/**
 * Simulates the loading of {@code [filter_scheduler] weight_classes} (nova.scheduler.weights.HostWeightHandler):
 * an explicit table of the weighers we have. {@code nova.scheduler.weights.all_weighers} gives RAM, CPU and
 * Disk in that order, where Nova's gives every weigher it has; dotted paths such as
 * {@code nova.scheduler.weights.ram.RAMWeigher} and, beyond Nova, bare class names are accepted.
 */
public final class Weighers {
    /** The value of {@code weight_classes} that means "every weigher". */
    public static final String ALL_WEIGHERS = "nova.scheduler.weights.all_weighers";

    private record Entry(String module, Function<SchedulerOptions, HostWeigher> factory) {}

    private static final Map<String, Entry> TABLE = Map.of(
            "RAMWeigher", new Entry("ram", o -> new RAMWeigher(o.ramWeightMultiplier())),
            "CPUWeigher", new Entry("cpu", o -> new CPUWeigher(o.cpuWeightMultiplier())),
            "DiskWeigher", new Entry("disk", o -> new DiskWeigher(o.diskWeightMultiplier())));

    private static final List<String> ALL = List.of("RAMWeigher", "CPUWeigher", "DiskWeigher");

    private Weighers() {}

    /** New weighers for the {@code weight_classes} entries, in order; throws {@link UnknownWeigher}. */
    public static List<HostWeigher> fromWeightClasses(List<String> weightClasses, SchedulerOptions opts) {
        List<HostWeigher> out = new ArrayList<>();
        for (String raw : weightClasses) {
            String name = raw.strip();
            if (name.equals(ALL_WEIGHERS) || name.equals("all_weighers")) {
                ALL.forEach(n -> out.add(TABLE.get(n).factory().apply(opts)));
            } else {
                out.add(entry(name).factory().apply(opts));
            }
        }
        return out;
    }

    /** The bare class names we know, sorted. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(TABLE.keySet()));
    }

    private static Entry entry(String name) {
        String className = name.substring(name.lastIndexOf('.') + 1);
        Entry e = TABLE.get(className);
        if (e == null || name.contains(".") && !name.equals("nova.scheduler.weights." + e.module() + "." + className)) {
            throw new UnknownWeigher(name);
        }
        return e;
    }
}

package novalab.engine.scheduler.filters;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import novalab.engine.scheduler.NamedFilter;
import novalab.engine.scheduler.SchedulerOptions;

/**
 * Simulates the lookup of {@code [filter_scheduler] enabled_filters} names in nova.scheduler.host_manager:
 * an explicit table of the filters we have, by class name, each with its upstream module. Nova matches
 * bare class names only; we also accept the dotted path, e.g. {@code nova.scheduler.filters.ram_filter.RamFilter}.
 */
public final class Filters {
    private record Entry(String module, Function<SchedulerOptions, HostFilter> factory) {}

    private static final Map<String, Entry> TABLE = Map.ofEntries(
            Map.entry("AllHostsFilter", new Entry("all_hosts_filter", o -> new AllHostsFilter())),
            Map.entry("ComputeFilter", new Entry("compute_filter", o -> new ComputeFilter())),
            Map.entry("RamFilter", new Entry("ram_filter", o -> new RamFilter())),
            Map.entry("AggregateRamFilter", new Entry("ram_filter", o -> new AggregateRamFilter())),
            Map.entry("CoreFilter", new Entry("core_filter", o -> new CoreFilter())),
            Map.entry("AggregateCoreFilter", new Entry("core_filter", o -> new AggregateCoreFilter())),
            Map.entry("DiskFilter", new Entry("disk_filter", o -> new DiskFilter())),
            Map.entry("AggregateDiskFilter", new Entry("disk_filter", o -> new AggregateDiskFilter())),
            Map.entry("AvailabilityZoneFilter", new Entry("availability_zone_filter", AvailabilityZoneFilter::new)),
            Map.entry("ImagePropertiesFilter", new Entry("image_props_filter", ImagePropertiesFilter::new)),
            Map.entry("ComputeCapabilitiesFilter", new Entry("compute_capabilities_filter", o -> new ComputeCapabilitiesFilter())),
            Map.entry("PciPassthroughFilter", new Entry("pci_passthrough_filter", o -> new PciPassthroughFilter())),
            Map.entry("NumInstancesFilter", new Entry("num_instances_filter", o -> new NumInstancesFilter())),
            Map.entry("ServerGroupAffinityFilter", new Entry("affinity_filter", o -> new ServerGroupFilters.ServerGroupAffinityFilter())),
            Map.entry("ServerGroupAntiAffinityFilter", new Entry("affinity_filter", o -> new ServerGroupFilters.ServerGroupAntiAffinityFilter())),
            Map.entry("RetryFilter", new Entry("retry_filter", o -> new ServerGroupFilters.RetryFilter())));

    private Filters() {}

    /** A new filter for {@code name} (bare class name or dotted path); throws {@link UnknownFilter}. */
    public static HostFilter create(String name, SchedulerOptions opts) {
        return entry(name).factory().apply(opts);
    }

    /** The filter with its bare class name and its Nova logger name, ready for the FilterHandler. */
    public static NamedFilter named(String name, SchedulerOptions opts) {
        String className = className(name);
        Entry e = entry(name);
        return new NamedFilter(className, "nova.scheduler.filters." + e.module(), e.factory().apply(opts));
    }

    /** {@code [filter_scheduler] enabled_filters}, in order, as named filters; throws {@link UnknownFilter}. */
    public static List<NamedFilter> enabledFilters(SchedulerOptions opts) {
        return opts.enabledFilters().stream().map(name -> named(name, opts)).toList();
    }

    /** The bare class names we know, sorted. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(TABLE.keySet()));
    }

    private static Entry entry(String name) {
        String className = className(name);
        Entry e = TABLE.get(className);
        boolean dotted = name.strip().contains(".");
        if (e == null || dotted && !name.strip().equals("nova.scheduler.filters." + e.module() + "." + className)) {
            throw new UnknownFilter(name.strip());
        }
        return e;
    }

    private static String className(String name) {
        String n = name.strip();
        return n.substring(n.lastIndexOf('.') + 1);
    }
}

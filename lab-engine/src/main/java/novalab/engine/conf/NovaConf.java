package novalab.engine.conf;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import novalab.engine.scheduler.SchedulerOptions;

/**
 * Reads nova.conf option values with oslo.config's defaults and type checks, once per parsed file. Option and section names
 * are Nova's; defaults are Zed's except where the course teaches the classic list (see
 * {@link #DEFAULT_FILTERS}).
 */
public final class NovaConf {
    /** The classic filter list the notes teach (RamFilter/CoreFilter/DiskFilter were removed upstream; the lab keeps them). */
    public static final String DEFAULT_FILTERS =
            "AvailabilityZoneFilter,ComputeFilter,RamFilter,CoreFilter,DiskFilter,ImagePropertiesFilter,PciPassthroughFilter";

    private final IniFile ini;
    private ComputeOptions computeOptions;
    private QuotaOptions quotaOptions;
    private Boolean debug;

    private static final java.util.Map<String, NovaConf> PARSED = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, NovaConf> e) { return size() > 64; }
            });

    /** The options of a nova.conf text; parsed once per distinct text (a NovaConf never changes once built). */
    public static NovaConf of(String text) {
        synchronized (PARSED) {
            return PARSED.computeIfAbsent(text, t -> new NovaConf(IniFile.parse(t)));
        }
    }

    public NovaConf(IniFile ini) {
        this.ini = ini;
    }

    /** oslo.config's complaint about a value it cannot convert; the service refuses to start. */
    public static final class ConfigError extends RuntimeException {
        public ConfigError(String message) {
            super(message, null, false, false);
        }
    }

    public String string(String section, String key, String dflt) {
        return ini.get(section, key).orElse(dflt);
    }

    public Optional<String> optional(String section, String key) {
        return ini.get(section, key).filter(v -> !v.isBlank());
    }

    public double floatOpt(String section, String key, double dflt) {
        Optional<String> v = ini.get(section, key);
        if (v.isEmpty() || v.get().isBlank()) return dflt;
        try {
            return Double.parseDouble(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigError("Value for option " + key + " from LocationInfo(location=<Locations.user: (4, True)>, detail='/etc/nova/nova.conf') is not valid: could not convert string to float: '" + v.get() + "'");
        }
    }

    public int intOpt(String section, String key, int dflt) {
        Optional<String> v = ini.get(section, key);
        if (v.isEmpty() || v.get().isBlank()) return dflt;
        try {
            return Integer.parseInt(v.get());
        } catch (NumberFormatException e) {
            throw new ConfigError("Value for option " + key + " from LocationInfo(location=<Locations.user: (4, True)>, detail='/etc/nova/nova.conf') is not valid: invalid literal for int() with base 10: '" + v.get() + "'");
        }
    }

    public List<String> listOpt(String section, String key, String dflt) {
        String v = ini.get(section, key).orElse(dflt);
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code [DEFAULT] debug}: log DEBUG lines (the scheduler's per-filter verdicts). */
    public boolean debug() {
        if (debug == null) debug = readDebug();
        return debug;
    }

    private boolean readDebug() {
        return ini.get("DEFAULT", "debug").map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")).orElse(false);
    }

    /** {@code [filter_scheduler]} and friends, as nova-scheduler reads them at start. */
    public SchedulerOptions schedulerOptions() {
        return new SchedulerOptions(
                listOpt("filter_scheduler", "enabled_filters", DEFAULT_FILTERS),
                listOpt("filter_scheduler", "weight_classes", "nova.scheduler.weights.all_weighers"),
                Math.max(1, intOpt("filter_scheduler", "host_subset_size", 1)),
                floatOpt("filter_scheduler", "ram_weight_multiplier", 1.0),
                floatOpt("filter_scheduler", "cpu_weight_multiplier", 1.0),
                floatOpt("filter_scheduler", "disk_weight_multiplier", 1.0),
                optional("filter_scheduler", "image_properties_default_architecture"),
                string("DEFAULT", "default_availability_zone", "nova"),
                intOpt("scheduler", "max_attempts", 3));
    }

    /** The options the resource tracker and compute manager read. */
    public ComputeOptions computeOptions() {
        if (computeOptions == null) computeOptions = readComputeOptions();
        return computeOptions;
    }

    private ComputeOptions readComputeOptions() {
        return new ComputeOptions(
                floatOpt("DEFAULT", "ram_allocation_ratio", 1.5),
                floatOpt("DEFAULT", "cpu_allocation_ratio", 16.0),
                floatOpt("DEFAULT", "disk_allocation_ratio", 1.0),
                intOpt("DEFAULT", "reserved_host_memory_mb", 512),
                intOpt("DEFAULT", "reserved_host_disk_mb", 0),
                intOpt("DEFAULT", "reserved_host_cpus", 0),
                intOpt("DEFAULT", "shelved_offload_time", 0),
                intOpt("DEFAULT", "report_interval", 10),
                intOpt("DEFAULT", "service_down_time", 60),
                string("DEFAULT", "default_availability_zone", "nova"));
    }

    /** {@code [quota]} limits for each project. */
    public QuotaOptions quotaOptions() {
        if (quotaOptions == null) quotaOptions = new QuotaOptions(intOpt("quota", "instances", 10), intOpt("quota", "cores", 20),
                intOpt("quota", "ram", 51200), intOpt("quota", "key_pairs", 100));
        return quotaOptions;
    }

    /** Values nova-compute and the resource tracker use; names are nova.conf's. */
    public record ComputeOptions(double ramAllocationRatio, double cpuAllocationRatio, double diskAllocationRatio,
                                 int reservedHostMemoryMb, int reservedHostDiskMb, int reservedHostCpus,
                                 int shelvedOffloadTime, int reportInterval, int serviceDownTime,
                                 String defaultAvailabilityZone) {}

    /** {@code [quota] instances, cores, ram, key_pairs}. */
    public record QuotaOptions(int instances, int cores, int ram, int keyPairs) {}
}

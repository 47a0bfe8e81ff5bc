package novalab.engine.scheduler;

import java.util.List;
import java.util.Optional;

/**
 * The nova.conf options the scheduler reads when it (re)starts, frozen. Field names are the option
 * names: {@code [filter_scheduler] enabled_filters, weight_classes, host_subset_size,
 * ram_weight_multiplier, cpu_weight_multiplier, disk_weight_multiplier,
 * image_properties_default_architecture}; {@code [DEFAULT] ram_allocation_ratio, cpu_allocation_ratio,
 * disk_allocation_ratio, reserved_host_memory_mb, default_availability_zone, service_down_time};
 * {@code [scheduler] max_attempts}.
 */
public record SchedulerOptions(List<String> enabledFilters, List<String> weightClasses, int hostSubsetSize,
                               double ramWeightMultiplier, double cpuWeightMultiplier, double diskWeightMultiplier,
                               Optional<String> imagePropertiesDefaultArchitecture,
                               String defaultAvailabilityZone, int maxAttempts) {
    public SchedulerOptions {
        enabledFilters = List.copyOf(enabledFilters);
        weightClasses = List.copyOf(weightClasses);
    }
}

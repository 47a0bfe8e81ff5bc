package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeRequestSpecs.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import novalab.engine.scheduler.NamedFilter;
import org.junit.jupiter.api.Test;

class FiltersTest {
    @Test
    void creates_a_filter_from_its_bare_class_name() {
        assertThat(Filters.create("RamFilter", options())).isInstanceOf(RamFilter.class);
    }

    @Test
    void creates_a_filter_from_its_dotted_path() {
        assertThat(Filters.create("nova.scheduler.filters.ram_filter.RamFilter", options())).isInstanceOf(RamFilter.class);
        assertThat(Filters.create("nova.scheduler.filters.image_props_filter.ImagePropertiesFilter", options()))
                .isInstanceOf(ImagePropertiesFilter.class);
    }

    @Test
    void unknown_name_fails_with_nova_message() {
        assertThatThrownBy(() -> Filters.create("FooFilter", options()))
                .isInstanceOf(UnknownFilter.class)
                .hasMessage("Scheduler Host Filter FooFilter could not be found.");
    }

    @Test
    void dotted_path_with_the_wrong_module_is_unknown() {
        assertThatThrownBy(() -> Filters.create("nova.scheduler.filters.core_filter.RamFilter", options()))
                .isInstanceOf(UnknownFilter.class)
                .hasMessage("Scheduler Host Filter nova.scheduler.filters.core_filter.RamFilter could not be found.");
    }

    @Test
    void lists_the_filters_it_knows() {
        assertThat(Filters.names()).containsExactly("AggregateCoreFilter", "AggregateDiskFilter", "AggregateRamFilter",
                "AllHostsFilter", "AvailabilityZoneFilter", "ComputeCapabilitiesFilter", "ComputeFilter", "CoreFilter",
                "DiskFilter", "ImagePropertiesFilter", "NumInstancesFilter", "PciPassthroughFilter", "RamFilter", "RetryFilter",
                "ServerGroupAffinityFilter", "ServerGroupAntiAffinityFilter");
    }

    @Test
    void enabled_filters_come_named_in_order_with_their_loggers() {
        List<NamedFilter> named = Filters.enabledFilters(options(Optional.empty(),
                List.of("ComputeFilter", "nova.scheduler.filters.ram_filter.RamFilter", "AvailabilityZoneFilter")));

        assertThat(named).extracting(NamedFilter::name, NamedFilter::logger).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ComputeFilter", "nova.scheduler.filters.compute_filter"),
                org.assertj.core.groups.Tuple.tuple("RamFilter", "nova.scheduler.filters.ram_filter"),
                org.assertj.core.groups.Tuple.tuple("AvailabilityZoneFilter", "nova.scheduler.filters.availability_zone_filter"));
    }
}

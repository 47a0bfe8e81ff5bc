package novalab.engine.scheduler;

import novalab.engine.scheduler.filters.HostFilter;

/**
 * One entry of {@code enabled_filters}: the filter, its bare class name as Nova logs it ({@code RamFilter})
 * and the logger its own debug lines come from ({@code nova.scheduler.filters.ram_filter}).
 */
public record NamedFilter(String name, String logger, HostFilter filter) {}

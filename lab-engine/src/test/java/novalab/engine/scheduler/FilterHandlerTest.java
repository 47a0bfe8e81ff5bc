package novalab.engine.scheduler;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeRequestSpecs.INSTANCE_UUID;
import static novalab.engine.scheduler.FakeRequestSpecs.options;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import novalab.engine.scheduler.filters.ComputeFilter;
import novalab.engine.scheduler.filters.Filters;
import novalab.engine.scheduler.filters.HostFilter;
import novalab.engine.scheduler.filters.RamFilter;
import org.junit.jupiter.api.Test;

class FilterHandlerTest {
    /** A hand-written filter that passes or rejects every host, counting the hosts it was asked about. */
    private static final class CountingFilter implements HostFilter {
        private final boolean passes;
        private final boolean oncePerRequest;
        int asked;

        CountingFilter(boolean passes, boolean oncePerRequest) {
            this.passes = passes;
            this.oncePerRequest = oncePerRequest;
        }

        @Override
        public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
            asked++;
            return passes;
        }

        @Override
        public boolean runFilterOncePerRequest() { return oncePerRequest; }
    }

    private static final NamedFilter COMPUTE = new NamedFilter("ComputeFilter", "nova.scheduler.filters.compute_filter", new ComputeFilter());
    private static final NamedFilter RAM = new NamedFilter("RamFilter", "nova.scheduler.filters.ram_filter", new RamFilter());

    /** Four hosts with 1024 MB of RAM each, all free, no overcommit; compute3 is disabled. */
    private static List<HostState> fourHosts() {
        return List.of(
                host("compute1").withRam(1024, 1024).withRamAllocationRatio(1.0).build(),
                host("compute2").withRam(1024, 1024).withRamAllocationRatio(1.0).build(),
                host("compute3").withRam(1024, 1024).withRamAllocationRatio(1.0).disabled().build(),
                host("compute4").withRam(1024, 1024).withRamAllocationRatio(1.0).build());
    }

    @Test
    void each_filter_narrows_the_hosts_in_order() {
        FilterHandler handler = new FilterHandler(List.of(COMPUTE, RAM));

        FilterResult result = handler.run(fourHosts(), request().withRamMb(512).build(), 0);

        assertThat(result.passed()).extracting(HostState::host).containsExactly("compute1", "compute2", "compute4");
        assertThat(result.steps()).extracting(FilterStep::filter, FilterStep::start, FilterStep::end).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ComputeFilter", 4, 3),
                org.assertj.core.groups.Tuple.tuple("RamFilter", 3, 3));
        assertThat(result.steps().get(0).rejected()).containsExactly(new Rejection("compute3",
                "(compute3, compute3) ram: 1024MB disk: 20480MB io_ops: 0 instances: 0 is disabled, reason: None"));
    }

    @Test
    void logs_per_filter_counts_like_nova_when_hosts_remain() {
        FilterHandler handler = new FilterHandler(List.of(COMPUTE, RAM));

        List<LogLine> lines = handler.logLines(handler.run(fourHosts(), request().withRamMb(512).build(), 0), INSTANCE_UUID);

        assertThat(lines).containsExactly(
                new LogLine("DEBUG", "nova.filters", "Starting with 4 host(s)"),
                new LogLine("DEBUG", "nova.scheduler.filters.compute_filter",
                        "(compute3, compute3) ram: 1024MB disk: 20480MB io_ops: 0 instances: 0 is disabled, reason: None"),
                new LogLine("DEBUG", "nova.filters", "Filter ComputeFilter returned 3 host(s)"),
                new LogLine("DEBUG", "nova.filters", "Filter RamFilter returned 3 host(s)"));
    }

    @Test
    void stops_at_the_filter_that_leaves_no_host() {
        CountingFilter later = new CountingFilter(true, false);
        FilterHandler handler = new FilterHandler(List.of(RAM, new NamedFilter("Later", "test", later)));

        FilterResult result = handler.run(fourHosts(), request().withRamMb(2048).build(), 0);

        assertThat(result.passed()).isEmpty();
        assertThat(result.steps()).extracting(FilterStep::filter).containsExactly("RamFilter");
        assertThat(later.asked).isZero();
    }

    @Test
    void logs_nova_texts_when_filtering_removed_all_hosts() {
        // given four enabled hosts with 1024 MB each; when 2048 MB are asked for
        List<HostState> hosts = fourHosts().stream().filter(h -> !h.serviceDisabled()).toList();
        List<HostState> four = new java.util.ArrayList<>(hosts);
        four.add(host("compute5").withRam(1024, 1024).withRamAllocationRatio(1.0).build());
        FilterHandler handler = new FilterHandler(List.of(COMPUTE, RAM));

        List<LogLine> lines = handler.logLines(handler.run(four, request().withRamMb(2048).build(), 0), INSTANCE_UUID);

        String ramReason = " ram: 1024MB disk: 20480MB io_ops: 0 instances: 0 does not have 2048 MB usable ram before"
                + " overcommit, it only has 1024 MB.";
        assertThat(lines).containsExactly(
                new LogLine("DEBUG", "nova.filters", "Starting with 4 host(s)"),
                new LogLine("DEBUG", "nova.filters", "Filter ComputeFilter returned 4 host(s)"),
                new LogLine("DEBUG", "nova.scheduler.filters.ram_filter", "(compute1, compute1)" + ramReason),
                new LogLine("DEBUG", "nova.scheduler.filters.ram_filter", "(compute2, compute2)" + ramReason),
                new LogLine("DEBUG", "nova.scheduler.filters.ram_filter", "(compute4, compute4)" + ramReason),
                new LogLine("DEBUG", "nova.scheduler.filters.ram_filter", "(compute5, compute5)" + ramReason),
                new LogLine("INFO", "nova.filters", "Filter RamFilter returned 0 hosts"),
                new LogLine("DEBUG", "nova.filters", "Filtering removed all hosts for the request with instance ID '"
                        + INSTANCE_UUID + "'. Filter results: [('ComputeFilter', [('compute1', 'compute1'),"
                        + " ('compute2', 'compute2'), ('compute4', 'compute4'), ('compute5', 'compute5')]),"
                        + " ('RamFilter', None)]"),
                new LogLine("INFO", "nova.filters", "Filtering removed all hosts for the request with instance ID '"
                        + INSTANCE_UUID + "'. Filter results: ['ComputeFilter: (start: 4, end: 4)',"
                        + " 'RamFilter: (start: 4, end: 0)']"));
    }

    @Test
    void skips_once_per_request_filters_after_the_first_instance() {
        FilterHandler handler = new FilterHandler(List.of(COMPUTE, RAM));

        FilterResult second = handler.run(fourHosts(), request().withRamMb(512).withInstances(2).build(), 1);

        assertThat(second.steps()).extracting(FilterStep::filter).containsExactly("RamFilter");
        assertThat(second.passed()).extracting(HostState::host)
                .containsExactly("compute1", "compute2", "compute3", "compute4");
    }

    @Test
    void runs_every_filter_for_the_first_instance() {
        CountingFilter once = new CountingFilter(true, true);
        FilterHandler handler = new FilterHandler(List.of(new NamedFilter("Once", "test", once)));

        handler.run(fourHosts(), request().build(), 0);
        handler.run(fourHosts(), request().build(), 1);

        assertThat(once.asked).isEqualTo(4);
    }

    @Test
    void down_host_is_logged_at_warning_level() {
        FilterHandler handler = new FilterHandler(List.of(COMPUTE));

        FilterResult result = handler.run(List.of(host("compute1").down().build(), host("compute2").build()), request().build(), 0);

        assertThat(result.steps().get(0).rejected()).containsExactly(new Rejection("compute1",
                "(compute1, compute1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0 has not been heard from in a while",
                "WARNING"));
        assertThat(handler.logLines(result, INSTANCE_UUID)).contains(new LogLine("WARNING", "nova.scheduler.filters.compute_filter",
                "(compute1, compute1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0 has not been heard from in a while"));
    }

    @Test
    void host_rejected_without_a_reason_is_listed_but_not_logged() {
        FilterHandler handler = new FilterHandler(List.of(new NamedFilter("Silent", "test", new CountingFilter(false, false))));

        FilterResult result = handler.run(List.of(host("compute1").build()), request().build(), 0);

        assertThat(result.steps().get(0).rejected()).containsExactly(new Rejection("compute1", ""));
        assertThat(handler.logLines(result, INSTANCE_UUID)).extracting(LogLine::message).containsExactly(
                "Starting with 1 host(s)",
                "Filter Silent returned 0 hosts",
                "Filtering removed all hosts for the request with instance ID '" + INSTANCE_UUID
                        + "'. Filter results: [('Silent', None)]",
                "Filtering removed all hosts for the request with instance ID '" + INSTANCE_UUID
                        + "'. Filter results: ['Silent: (start: 1, end: 0)']");
    }

    @Test
    void no_hosts_at_all_stop_at_the_first_filter() {
        FilterHandler handler = new FilterHandler(List.of(COMPUTE, RAM));

        FilterResult result = handler.run(List.of(), request().build(), 0);

        assertThat(result.steps()).extracting(FilterStep::filter, FilterStep::start, FilterStep::end)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ComputeFilter", 0, 0));
    }

    @Test
    void filters_from_the_options_table_log_under_their_nova_module() {
        FilterHandler handler = new FilterHandler(Filters.enabledFilters(options(Optional.empty(),
                List.of("ComputeFilter", "nova.scheduler.filters.ram_filter.RamFilter"))));

        List<LogLine> lines = handler.logLines(handler.run(fourHosts(), request().withRamMb(2048).build(), 0), INSTANCE_UUID);

        assertThat(lines).extracting(LogLine::logger).contains("nova.scheduler.filters.compute_filter",
                "nova.scheduler.filters.ram_filter");
        assertThat(lines.get(lines.size() - 1).message()).endsWith(
                "Filter results: ['ComputeFilter: (start: 4, end: 3)', 'RamFilter: (start: 3, end: 0)']");
    }
}

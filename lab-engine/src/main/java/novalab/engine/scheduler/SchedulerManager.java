package novalab.engine.scheduler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import novalab.engine.common.Ids;
import novalab.engine.common.SimClock;
import novalab.engine.scheduler.external.ExternalScheduling;
import novalab.engine.scheduler.external.StudentClassError;
import novalab.engine.scheduler.external.StudentClasses;
import novalab.engine.scheduler.external.StudentCodeRaised;
import novalab.engine.scheduler.external.StudentFilter;
import novalab.engine.scheduler.external.StudentWeigher;
import novalab.engine.scheduler.weights.HostWeigher;

/**
 * Simulates nova.scheduler.manager.SchedulerManager: {@code select_destinations} runs the enabled
 * filters, then the weighers, picks among the best {@code host_subset_size} hosts with the cloud's
 * seeded random, and consumes the choice so the next instance of a multi-create sees it. Options are
 * read once, when nova-scheduler starts (a nova.conf change needs a restart, as in reality). The course
 * teaches the pre-Placement scheduler, so capacity is checked by RamFilter/CoreFilter/DiskFilter.
 */
public final class SchedulerManager {
    private static final int KEEP_DECISIONS = 20;

    private final HostManager hostManager;
    private final Ids ids;
    private final SimClock clock;
    private final NovaLogSink log;
    private SchedulerOptions options;
    private List<NamedFilter> filters = List.of();
    private List<HostWeigher> weighers = List.of();
    private final Deque<SchedulingDecision> decisions = new ArrayDeque<>();

    /** Where the scheduler's log lines go (nova-scheduler.log). */
    @FunctionalInterface
    public interface NovaLogSink {
        void log(String level, String logger, String requestId, String message);
    }

    public SchedulerManager(HostManager hostManager, Ids ids, SimClock clock, NovaLogSink log) {
        this.hostManager = hostManager;
        this.ids = ids;
        this.clock = clock;
        this.log = log;
    }

    /** Loads filters and weighers from the options; an unknown name fails the start as Nova's does. */
    public void start(SchedulerOptions opts) {
        List<NamedFilter> fs = novalab.engine.scheduler.filters.Filters.enabledFilters(opts);
        List<HostWeigher> ws = novalab.engine.scheduler.weights.Weighers.fromWeightClasses(opts.weightClasses(), opts);
        this.options = opts;
        this.filters = List.copyOf(fs);
        this.weighers = List.copyOf(ws);
    }

    /**
     * Loads filters and weighers as {@link #start(SchedulerOptions)} does; a name that is no built-in class
     * is looked up among the student classes saved on the controller, which must compile. A missing one is
     * {@code SchedulerHostFilterNotFound} (or the weigher's equivalent) as before.
     */
    public void start(SchedulerOptions opts, StudentClasses classes) {
        List<NamedFilter> fs = new ArrayList<>();
        for (String raw : opts.enabledFilters()) {
            String name = raw.strip();
            Optional<String> source = name.contains(".") || novalab.engine.scheduler.filters.Filters.names().contains(name)
                    ? Optional.empty() : classes.filterSource().apply(name);
            if (source.isEmpty()) {
                fs.add(novalab.engine.scheduler.filters.Filters.named(name, opts));
                continue;
            }
            var cls = new ExternalScheduling.StudentClass(ExternalScheduling.Kind.FILTER, name, source.get());
            classes.runner().check(cls).ifPresent(why -> { throw new StudentClassError(name, why); });
            fs.add(new NamedFilter(name, "nova.scheduler.filters." + name, new StudentFilter(cls, classes.runner())));
        }
        List<HostWeigher> ws = new ArrayList<>();
        for (String raw : opts.weightClasses()) {
            String name = raw.strip();
            Optional<String> source = name.contains(".") || novalab.engine.scheduler.weights.Weighers.names().contains(name)
                    ? Optional.empty() : classes.weigherSource().apply(name);
            if (source.isEmpty()) {
                ws.addAll(novalab.engine.scheduler.weights.Weighers.fromWeightClasses(List.of(name), opts));
                continue;
            }
            var cls = new ExternalScheduling.StudentClass(ExternalScheduling.Kind.WEIGHER, name, source.get());
            classes.runner().check(cls).ifPresent(why -> { throw new StudentClassError(name, why); });
            ws.add(new StudentWeigher(cls, classes.runner()));
        }
        this.options = opts;
        this.filters = List.copyOf(fs);
        this.weighers = List.copyOf(ws);
    }

    public SchedulerOptions options() { return options; }

    public List<String> enabledFilterNames() { return filters.stream().map(NamedFilter::name).toList(); }

    public List<String> weigherNames() { return weighers.stream().map(HostWeigher::name).toList(); }

    /**
     * For each instance of the request, the chosen host followed by up to {@code max_attempts - 1}
     * alternates in the same cell. Throws {@link NoValidHost} ("There are not enough hosts available.")
     * when the filters leave fewer hosts than instances.
     */
    public List<List<Selection>> selectDestinations(String requestId, RequestSpec spec) {
        List<HostState> hosts = new ArrayList<>(hostManager.hostStates());
        restrictForMove(requestId, hosts, spec.schedulerHints());
        List<List<Selection>> result = new ArrayList<>();
        FilterHandler handler = new FilterHandler(filters);
        for (int index = 0; index < spec.numInstances(); index++) {
            String uuid = spec.instanceUuids().get(index);
            log.log("DEBUG", "nova.scheduler.manager", requestId, "Starting to schedule for instances: ['" + uuid + "']");
            FilterResult fr;
            List<WeighedHost> weighed;
            try {
                fr = handler.run(hosts, spec, index);
            } catch (FilterRaised e) {
                for (var line : handler.logLines(e.partial(), uuid)) log.log(line.level(), line.logger(), requestId, line.message());
                throw raised(requestId, uuid, spec, hosts, e.partial().steps(), List.of(), e.raised());
            }
            for (var line : handler.logLines(fr, uuid)) log.log(line.level(), line.logger(), requestId, line.message());
            try {
                weighed = WeightHandler.weigh(boundWeighers(fr.passed(), spec), fr.passed());
            } catch (StudentCodeRaised e) {
                throw raised(requestId, uuid, spec, hosts, fr.steps(), List.of(), e);
            }
            if (weighed.isEmpty()) {
                remember(new SchedulingDecision(requestId, uuid, clock.nowMs(), spec.flavor().name(), spec.image().name(),
                        spec.availabilityZone(), names(hosts), fr.steps(), weighed, Optional.empty(), List.of(),
                        Optional.of("There are not enough hosts available.")));
                throw new NoValidHost("There are not enough hosts available.");
            }
            log.log("DEBUG", "nova.scheduler.manager", requestId, "Weighed " + weighedText(weighed));
            int subset = Math.min(options.hostSubsetSize(), weighed.size());
            int pick = subset <= 1 ? 0 : ids.nextInt(subset);
            List<WeighedHost> ordered = new ArrayList<>(weighed);
            WeighedHost chosen = ordered.remove(pick);
            ordered.add(0, chosen);
            HostState chosenHost = chosen.host();
            List<Selection> sel = new ArrayList<>();
            sel.add(new Selection(chosenHost.host(), chosenHost.nodename(), chosenHost.cellName()));
            for (int i = 1; i < ordered.size() && sel.size() < options.maxAttempts(); i++) {
                HostState alt = ordered.get(i).host();
                if (alt.cellName().equals(chosenHost.cellName())) sel.add(new Selection(alt.host(), alt.nodename(), alt.cellName()));
            }
            log.log("DEBUG", "nova.scheduler.manager", requestId, "Selected host: (" + chosenHost.host() + ", "
                    + chosenHost.nodename() + ") ram: " + chosenHost.freeRamMb() + "MB disk: " + chosenHost.freeDiskMb()
                    + "MB io_ops: 0 instances: " + chosenHost.numInstances());
            remember(new SchedulingDecision(requestId, uuid, clock.nowMs(), spec.flavor().name(), spec.image().name(),
                    spec.availabilityZone(), names(hosts), fr.steps(), weighed, Optional.of(chosenHost.host()),
                    sel.stream().skip(1).map(Selection::serviceHost).toList(), Optional.empty()));
            result.add(sel);
            for (int i = 0; i < hosts.size(); i++) {
                if (hosts.get(i).host().equals(chosenHost.host())) hosts.set(i, hosts.get(i).withConsumed(spec));
            }
        }
        return result;
    }

    /**
     * A move's constraints (RequestSpec.ignore_hosts and requested_destination, as the lab's hints
     * {@code ignore_hosts}, {@code requested_host}, {@code requested_cell}): the source is skipped, a
     * target host or cell is kept; the filters still run on what is left.
     */
    private void restrictForMove(String requestId, List<HostState> hosts, java.util.Map<String, String> hints) {
        String ignore = hints.getOrDefault("ignore_hosts", "");
        if (!ignore.isEmpty()) {
            List<String> ignored = List.of(ignore.split(","));
            hosts.removeIf(h -> ignored.contains(h.host()));
            log.log("DEBUG", "nova.scheduler.host_manager", requestId, "Host filter ignoring hosts: " + String.join(", ", ignored));
        }
        Optional.ofNullable(hints.get("requested_host")).ifPresent(t -> hosts.removeIf(h -> !h.host().equals(t)));
        Optional.ofNullable(hints.get("requested_cell")).ifPresent(c -> hosts.removeIf(h -> !h.cellName().equals(c)));
    }

    /** The weighers for this pass, student weighers given their weights (only when more than one host is weighed). */
    private List<HostWeigher> boundWeighers(List<HostState> passed, RequestSpec spec) {
        if (passed.size() <= 1) return weighers;
        return weighers.stream().map(w -> w instanceof StudentWeigher sw ? (HostWeigher) sw.bind(passed, spec) : w).toList();
    }

    /**
     * What happens when student code raises inside select_destinations: oslo.messaging logs the exception on
     * the scheduler's side, the decision is kept with the failure, and the exception goes back to the conductor.
     */
    private StudentCodeRaised raised(String requestId, String uuid, RequestSpec spec, List<HostState> hosts,
                                     List<FilterStep> steps, List<WeighedHost> weighed, StudentCodeRaised e) {
        log.log("ERROR", "oslo_messaging.rpc.server", requestId, "Exception during message handling: " + e.raised()
                + "\n  (raised by " + e.className() + ", a class loaded from the controller)");
        remember(new SchedulingDecision(requestId, uuid, clock.nowMs(), spec.flavor().name(), spec.image().name(),
                spec.availabilityZone(), names(hosts), steps, weighed, Optional.empty(), List.of(),
                Optional.of(e.className() + " raised " + e.raised())));
        return e;
    }

    private static List<String> names(List<HostState> hosts) { return hosts.stream().map(HostState::host).toList(); }

    private static String weighedText(List<WeighedHost> weighed) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < weighed.size(); i++) {
            if (i > 0) sb.append(", ");
            var w = weighed.get(i);
            sb.append("WeighedHost [host: (").append(w.host().host()).append(", ").append(w.host().nodename())
                    .append(") ram: ").append(w.host().freeRamMb()).append("MB disk: ").append(w.host().freeDiskMb())
                    .append("MB io_ops: 0 instances: ").append(w.host().numInstances()).append(", weight: ")
                    .append(w.weight()).append("]");
        }
        return sb.append("]").toString();
    }

    private void remember(SchedulingDecision d) {
        decisions.addLast(d);
        while (decisions.size() > KEEP_DECISIONS) decisions.removeFirst();
    }

    /** The most recent decisions, oldest first. */
    public List<SchedulingDecision> decisions() { return List.copyOf(decisions); }

    public Optional<SchedulingDecision> lastDecision() { return Optional.ofNullable(decisions.peekLast()); }
}

package novalab.engine.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import novalab.engine.scheduler.external.ExternalScheduling;
import novalab.engine.scheduler.external.StudentCodeRaised;
import novalab.engine.scheduler.external.StudentFilter;
import novalab.engine.scheduler.filters.LevelledWhy;

/**
 * Simulates nova.filters.BaseFilterHandler.get_filtered_objects. It runs the enabled filters in order over the
 * hosts for the instance at {@code instanceIndex}, skipping once-per-request filters after the first
 * instance and stopping at the first filter that leaves no host.
 */
public final class FilterHandler {
    private static final String LOGGER = "nova.filters";

    private final List<NamedFilter> filters;

    public FilterHandler(List<NamedFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    public FilterResult run(List<HostState> hosts, RequestSpec spec, int instanceIndex) {
        List<HostState> remaining = List.copyOf(hosts);
        List<FilterStep> steps = new ArrayList<>();
        for (NamedFilter nf : filters) {
            if (nf.filter().runFilterOncePerRequest() && instanceIndex > 0) {
                continue;
            }
            List<HostState> passed = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            if (nf.filter() instanceof StudentFilter sf) {
                runStudentFilter(sf, nf.name(), remaining, spec, passed, rejected, steps);
                steps.add(new FilterStep(nf.name(), remaining.size(), passed.size(), rejected, passed));
                remaining = passed;
                if (remaining.isEmpty()) break;
                continue;
            }
            for (HostState host : remaining) {
                List<Rejection> reasons = new ArrayList<>();
                LevelledWhy why = (level, reason) -> reasons.add(new Rejection(host.host(), reason, level));
                if (nf.filter().hostPasses(host, spec, why)) {
                    passed.add(host);
                } else {
                    rejected.addAll(reasons.isEmpty() ? List.of(new Rejection(host.host(), "")) : reasons);
                }
            }
            steps.add(new FilterStep(nf.name(), remaining.size(), passed.size(), rejected, passed));
            remaining = passed;
            if (remaining.isEmpty()) {
                break;
            }
        }
        return new FilterResult(remaining, steps);
    }

    /**
     * Asks a student filter about all {@code remaining} hosts at once. A host it rejects gets no reason (a
     * filter of one's own logs only what it logs). If it raised on a host, filtering stops there as Nova's
     * does: the step so far, with that host as "filter raised ...", goes into a {@link FilterRaised}.
     */
    private static void runStudentFilter(StudentFilter sf, String name, List<HostState> remaining, RequestSpec spec,
                                         List<HostState> passed, List<Rejection> rejected, List<FilterStep> steps) {
        List<ExternalScheduling.HostAnswer> answers = sf.answers(remaining, spec);
        for (int i = 0; i < answers.size() && i < remaining.size(); i++) {
            HostState host = remaining.get(i);
            ExternalScheduling.HostAnswer a = answers.get(i);
            if (a.raised().isPresent()) {
                rejected.add(new Rejection(host.host(), "filter raised " + a.raised().get(), "ERROR"));
                steps.add(new FilterStep(name, remaining.size(), passed.size(), rejected, passed));
                throw new FilterRaised(new FilterResult(List.of(), steps), new StudentCodeRaised(sf.className(), a.raised().get()));
            }
            if (a.passes()) passed.add(host);
            else rejected.add(new Rejection(host.host(), ""));
        }
    }

    /**
     * The log records Nova writes for this filtering, in order: "Starting with N host(s)", each filter's own
     * reasons under its logger, "Filter X returned N host(s)", and when no host is left INFO "Filter X
     * returned 0 hosts" and "Filtering removed all hosts for the request with instance ID '...'" (its full
     * form at DEBUG, its counts form at INFO). Filters that rejected without a reason add no line; the
     * caller stamps the times. Reasons are logged under the logger of this handler's filter of that name.
     */
    public List<LogLine> logLines(FilterResult result, String instanceUuid) {
        List<LogLine> out = new ArrayList<>();
        out.add(new LogLine("DEBUG", LOGGER, "Starting with " + result.startCount() + " host(s)"));
        for (FilterStep step : result.steps()) {
            for (Rejection r : step.rejected()) {
                if (!r.reason().isEmpty()) {
                    out.add(new LogLine(r.level(), loggerOf(step.filter()), r.reason()));
                }
            }
            if (step.end() == 0) {
                out.add(new LogLine("INFO", LOGGER, "Filter " + step.filter() + " returned 0 hosts"));
            } else {
                out.add(new LogLine("DEBUG", LOGGER, "Filter " + step.filter() + " returned " + step.end() + " host(s)"));
            }
        }
        if (result.passed().isEmpty()) {
            String prefix = "Filtering removed all hosts for the request with instance ID '" + instanceUuid
                    + "'. Filter results: ";
            String full = result.steps().stream().map(FilterHandler::fullResult).collect(Collectors.joining(", ", "[", "]"));
            String part = result.steps().stream()
                    .map(s -> repr(s.filter() + ": (start: " + s.start() + ", end: " + s.end() + ")"))
                    .collect(Collectors.joining(", ", "[", "]"));
            out.add(new LogLine("DEBUG", LOGGER, prefix + full));
            out.add(new LogLine("INFO", LOGGER, prefix + part));
        }
        return out;
    }

    private String loggerOf(String filterName) {
        return filters.stream().filter(f -> f.name().equals(filterName)).map(NamedFilter::logger)
                .findFirst().orElse("nova.scheduler.filters");
    }

    /** Python's {@code str((cls_name, [(host, node), ...]))}, or {@code (cls_name, None)} for the last, empty step. */
    private static String fullResult(FilterStep step) {
        String hosts = step.passed().isEmpty() ? "None" : step.passed().stream()
                .map(h -> "(" + repr(h.host()) + ", " + repr(h.nodename()) + ")")
                .collect(Collectors.joining(", ", "[", "]"));
        return "(" + repr(step.filter()) + ", " + hosts + ")";
    }

    private static String repr(String s) {
        if (s.contains("'") && !s.contains("\"")) return "\"" + s.replace("\\", "\\\\") + "\"";
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}

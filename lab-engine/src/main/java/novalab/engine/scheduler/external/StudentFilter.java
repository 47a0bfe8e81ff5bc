package novalab.engine.scheduler.external;

import java.util.List;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import novalab.engine.scheduler.filters.HostFilter;

/**
 * A filter a student wrote, enabled by its class name in {@code enabled_filters}. The filter handler asks
 * it about all remaining hosts at once ({@link #answers}), so the sandbox runs once per filtering pass.
 */
public final class StudentFilter implements HostFilter {
    private final ExternalScheduling.StudentClass cls;
    private final ExternalScheduling runner;

    public StudentFilter(ExternalScheduling.StudentClass cls, ExternalScheduling runner) {
        this.cls = cls;
        this.runner = runner;
    }

    public String className() { return cls.className(); }

    /**
     * One answer per host, in order; a case the sandbox could not run at all (timeout, memory) is reported
     * as raised on the first host, since the pass stops there.
     */
    public List<ExternalScheduling.HostAnswer> answers(List<HostState> hosts, RequestSpec spec) {
        ExternalScheduling.CaseAnswer a = runner.run(cls, List.of(Views.caseOf(hosts, spec))).get(0);
        if (a.failure().isPresent() || a.hosts().size() != hosts.size()) {
            String why = a.failure().orElse("the sandbox gave no answer for every host");
            return List.of(new ExternalScheduling.HostAnswer(hosts.get(0).host(), false, 0, java.util.Optional.of(why)));
        }
        return a.hosts();
    }

    /** One host alone (the handler uses {@link #answers}); raises {@link StudentCodeRaised} as the batch does. */
    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        var a = answers(List.of(host), spec).get(0);
        if (a.raised().isPresent()) throw new StudentCodeRaised(cls.className(), a.raised().get());
        return a.passes();
    }
}

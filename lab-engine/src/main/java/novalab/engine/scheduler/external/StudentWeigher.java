package novalab.engine.scheduler.external;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.RequestSpec;
import novalab.engine.scheduler.weights.HostWeigher;

/**
 * A weigher a student wrote, named in {@code weight_classes}. Its multiplier is 1.0 (Nova's BaseWeigher
 * default). Before weighing, {@link #bind} asks the sandbox for every host's raw weight at once.
 */
public final class StudentWeigher implements HostWeigher {
    private final ExternalScheduling.StudentClass cls;
    private final ExternalScheduling runner;
    private final Map<String, Double> weights;

    public StudentWeigher(ExternalScheduling.StudentClass cls, ExternalScheduling runner) {
        this(cls, runner, Map.of());
    }

    private StudentWeigher(ExternalScheduling.StudentClass cls, ExternalScheduling runner, Map<String, Double> weights) {
        this.cls = cls;
        this.runner = runner;
        this.weights = weights;
    }

    /** This weigher with the weights of {@code hosts} for {@code spec}; throws {@link StudentCodeRaised}. */
    public StudentWeigher bind(List<HostState> hosts, RequestSpec spec) {
        ExternalScheduling.CaseAnswer a = runner.run(cls, List.of(Views.caseOf(hosts, spec))).get(0);
        if (a.failure().isPresent()) throw new StudentCodeRaised(cls.className(), a.failure().get());
        Map<String, Double> w = new HashMap<>();
        for (var h : a.hosts()) {
            if (h.raised().isPresent()) throw new StudentCodeRaised(cls.className(), h.raised().get());
            w.put(h.host(), h.weight());
        }
        return new StudentWeigher(cls, runner, w);
    }

    @Override
    public String name() { return cls.className(); }

    @Override
    public double weigh(HostState host) { return weights.getOrDefault(host.host(), 0.0); }

    @Override
    public double weightMultiplier(HostState host) { return 1.0; }
}

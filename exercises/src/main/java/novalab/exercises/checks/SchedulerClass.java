package novalab.exercises.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import novalab.engine.scheduler.external.ExternalScheduling;
import novalab.engine.scheduler.external.ExternalScheduling.CaseAnswer;
import novalab.engine.scheduler.external.ExternalScheduling.HostAnswer;
import novalab.engine.scheduler.external.ExternalScheduling.HostCase;
import novalab.engine.scheduler.external.ExternalScheduling.HostView;
import novalab.engine.scheduler.external.StudentClasses;

/**
 * {@code scheduler_class}: the student's filter or weigher, as saved on the controller
 * ({@code /etc/nova/filters/<class>.java} or {@code /etc/nova/weighers/<class>.java}), is run through the
 * sandbox's runner on {@code sets} hidden host sets generated from {@code seed}, and scored by the share it
 * gets right. A filter is right on a set when it keeps exactly the hosts the rule in {@code expect} keeps
 * ({@code gpus_at_least}, {@code free_ram_mb_at_least}, {@code free_vcpus_at_least}); a weigher when it
 * weighs a host with fewer free vCPUs strictly higher ({@code expect: {"stack_by": "free_vcpus"}}) or more
 * free RAM higher ({@code "spread_by": "free_ram_mb"}). A class that is missing, does not compile, raises,
 * or runs away is still graded: zero for the sets it did not answer, with a message saying why.
 */
public record SchedulerClass(CheckInfo info, ExternalScheduling.Kind kind, String className, Rule rule, long seed, int sets)
        implements Check {
    /** The rule the right answers come from. */
    public record Rule(Optional<Integer> gpusAtLeast, Optional<Integer> freeRamMbAtLeast, Optional<Integer> freeVcpusAtLeast,
                       Optional<String> stackBy, Optional<String> spreadBy) {
        boolean keeps(HostView h) {
            return gpusAtLeast.map(g -> h.gpus() >= g).orElse(true)
                    && freeRamMbAtLeast.map(m -> h.freeRamMb() >= m).orElse(true)
                    && freeVcpusAtLeast.map(v -> h.vcpus() - h.vcpusUsed() >= v).orElse(true);
        }

        /** The weigher's key: a host with a larger key must weigh strictly more. */
        double key(HostView h) {
            if (stackBy.isPresent()) return -(h.vcpus() - h.vcpusUsed());
            return h.freeRamMb();
        }
    }

    static SchedulerClass parse(CheckInfo info, Fields f) {
        String kindText = f.str("kind");
        ExternalScheduling.Kind kind = switch (kindText) {
            case "filter" -> ExternalScheduling.Kind.FILTER;
            case "weigher" -> ExternalScheduling.Kind.WEIGHER;
            default -> throw f.error("kind", "expected filter or weigher");
        };
        String cls = f.str("class");
        if (!cls.matches("[A-Za-z_$][A-Za-z0-9_$]*")) throw f.error("class", "expected a Java class name without a package");
        int sets = f.integer("sets");
        if (sets < 1 || sets > 50) throw f.error("sets", "expected 1 to 50 hidden host sets");
        long seed = f.integer("seed");
        Fields e = f.object("expect");
        Rule rule = new Rule(e.optInt("gpus_at_least"), e.optInt("free_ram_mb_at_least"), e.optInt("free_vcpus_at_least"),
                e.optStr("stack_by"), e.optStr("spread_by"));
        e.done();
        if (kind == ExternalScheduling.Kind.FILTER) {
            if (rule.stackBy().isPresent() || rule.spreadBy().isPresent()) throw f.error("expect", "a filter's rule takes gpus_at_least, free_ram_mb_at_least or free_vcpus_at_least");
            if (rule.gpusAtLeast().isEmpty() && rule.freeRamMbAtLeast().isEmpty() && rule.freeVcpusAtLeast().isEmpty()) {
                throw f.error("expect", "a filter's rule needs gpus_at_least, free_ram_mb_at_least or free_vcpus_at_least");
            }
        } else {
            if (rule.gpusAtLeast().isPresent() || rule.freeRamMbAtLeast().isPresent() || rule.freeVcpusAtLeast().isPresent()
                    || rule.stackBy().isPresent() == rule.spreadBy().isPresent()) {
                throw f.error("expect", "a weigher's rule is exactly one of stack_by: free_vcpus or spread_by: free_ram_mb");
            }
            if (!rule.stackBy().orElse("free_vcpus").equals("free_vcpus")) throw f.error("expect", "stack_by must be free_vcpus");
            if (!rule.spreadBy().orElse("free_ram_mb").equals("free_ram_mb")) throw f.error("expect", "spread_by must be free_ram_mb");
        }
        return new SchedulerClass(info, kind, cls, rule, seed, sets);
    }

    /** Where the student saves the class on the controller. */
    public String path() {
        return (kind == ExternalScheduling.Kind.FILTER ? StudentClasses.FILTERS_DIR : StudentClasses.WEIGHERS_DIR) + "/" + className + ".java";
    }

    @Override
    public Observation evaluate(Probe probe) {
        Optional<String> source = probe.cloud().controller().fs().file(path()).map(x -> x.content());
        if (source.isEmpty()) return Observation.fail("no " + path() + " on the controller");
        ExternalScheduling runner = probe.cloud().externalScheduling();
        var cls = new ExternalScheduling.StudentClass(kind, className, source.get());
        Optional<String> bad = runner.check(cls);
        if (bad.isPresent()) return Observation.fail(className + " does not compile, so it was run on no hidden host set: " + bad.get());
        List<HostCase> cases = HiddenHostSets.generate(seed, sets);
        List<CaseAnswer> answers = runner.run(cls, cases);
        int right = 0;
        List<String> raised = new ArrayList<>();
        Optional<String> firstWrong = Optional.empty();
        for (int i = 0; i < cases.size(); i++) {
            CaseAnswer a = i < answers.size() ? answers.get(i) : CaseAnswer.failed("no answer");
            if (a.failure().isPresent()) {
                raised.add(a.failure().get());
                continue;
            }
            Optional<String> r = a.hosts().stream().map(HostAnswer::raised).flatMap(Optional::stream).findFirst();
            if (r.isPresent()) {
                raised.add(className + " raised " + r.get());
                continue;
            }
            Optional<String> wrong = kind == ExternalScheduling.Kind.FILTER ? filterWrong(cases.get(i), a) : weigherWrong(cases.get(i), a);
            if (wrong.isEmpty()) right++;
            else if (firstWrong.isEmpty()) firstWrong = wrong;
        }
        String summary = className + " was right on " + right + " of " + sets + " hidden host sets";
        if (!raised.isEmpty()) summary += "; on " + raised.size() + " it gave no answer: " + raised.get(0);
        if (firstWrong.isPresent()) summary += "; for example, " + firstWrong.get();
        return Observation.partly((double) right / sets, summary);
    }

    private Optional<String> filterWrong(HostCase c, CaseAnswer a) {
        for (int j = 0; j < c.hosts().size() && j < a.hosts().size(); j++) {
            HostView h = c.hosts().get(j);
            boolean want = rule.keeps(h);
            if (a.hosts().get(j).passes() != want) {
                return Optional.of("it " + (want ? "removed" : "kept") + " a host with " + describe(h) + " (flavor " + c.request().flavorName() + ")");
            }
        }
        return a.hosts().size() == c.hosts().size() ? Optional.empty() : Optional.of("it did not answer for every host");
    }

    private Optional<String> weigherWrong(HostCase c, CaseAnswer a) {
        for (int i = 0; i < c.hosts().size(); i++) {
            for (int j = 0; j < c.hosts().size(); j++) {
                HostView hi = c.hosts().get(i), hj = c.hosts().get(j);
                if (rule.key(hi) > rule.key(hj) && !(a.hosts().get(i).weight() > a.hosts().get(j).weight())) {
                    return Optional.of("a host with " + describe(hi) + " should weigh more than one with " + describe(hj));
                }
            }
        }
        return Optional.empty();
    }

    private static String describe(HostView h) {
        return h.gpus() + " GPU(s), " + h.freeRamMb() + " MB free RAM, " + (h.vcpus() - h.vcpusUsed()) + " of " + h.vcpus() + " vCPUs free";
    }
}

package novalab.exercises.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import novalab.engine.Sandbox;
import novalab.engine.scheduler.external.ExternalScheduling;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a scheduler_class check scores, with a stand-in runner that maps a source text to a Java rule (the
 * real runners are tested in novalab.exercises.sandbox): the class is read from the controller, the hidden
 * sets come from the seed, and each set is right or wrong as a whole.
 */
class SchedulerClassCheckTest {
    private static final Map<String, Predicate<ExternalScheduling.HostView>> RULES = Map.of(
            "right", h -> h.gpus() > 0 && h.freeRamMb() >= 2048,
            "no-ram", h -> h.gpus() > 0,
            "strict", h -> h.gpus() > 0 && h.freeRamMb() > 2048,
            "all", h -> true);

    private final Sandbox box = Sandbox.create(c -> {
        c.driver = "fake";
        c.externalScheduling = new ExternalScheduling() {
            @Override public Optional<String> check(StudentClass cls) {
                return cls.source().equals("broken") ? Optional.of("GpuRamFilter.java:1: error: class, interface, enum, or record expected") : Optional.empty();
            }

            @Override public List<CaseAnswer> run(StudentClass cls, List<HostCase> cases) {
                List<CaseAnswer> out = new ArrayList<>();
                for (HostCase c : cases) {
                    if (cls.source().equals("throws")) {
                        out.add(new CaseAnswer(Optional.empty(), c.hosts().stream().map(h -> new HostAnswer(h.host(), false, 0,
                                Optional.of("java.lang.NullPointerException (GpuRamFilter.java:3)"))).toList()));
                        continue;
                    }
                    var rule = RULES.get(cls.source());
                    out.add(new CaseAnswer(Optional.empty(), c.hosts().stream().map(h -> new HostAnswer(h.host(), rule.test(h), 0, Optional.empty())).toList()));
                }
                return out;
            }
        };
    });

    private final SchedulerClass check = new SchedulerClass(new CheckInfo("f", "n", 10, "m", "", Visibility.VISIBLE),
            ExternalScheduling.Kind.FILTER, "GpuRamFilter", new SchedulerClass.Rule(Optional.of(1), Optional.of(2048), Optional.empty(),
            Optional.empty(), Optional.empty()), 2609, 10);

    @AfterEach
    void close() { box.close(); }

    private Observation with(String source) {
        box.cloud().controller().fs().write("/etc/nova/filters/GpuRamFilter.java", source, 0644, "root");
        return check.evaluate(new Probe(box.cloud()));
    }

    @Test
    void no_file_on_the_controller_fails_with_where_it_looked() {
        assertThat(check.evaluate(new Probe(box.cloud()))).isEqualTo(Observation.fail("no /etc/nova/filters/GpuRamFilter.java on the controller"));
    }

    @Test
    void the_right_rule_gets_every_hidden_set_and_all_the_points() {
        Observation o = with("right");
        assertThat(o.passed()).isTrue();
        assertThat(o.points(10)).isEqualTo(10);
        assertThat(o.observed()).isEqualTo("GpuRamFilter was right on 10 of 10 hidden host sets");
    }

    @Test
    void forgetting_free_ram_or_the_edge_costs_part_of_the_points_not_all() {
        Observation noRam = with("no-ram");
        assertThat(noRam.passed()).isFalse();
        assertThat(noRam.fraction()).isBetween(0.2, 0.8);
        assertThat(noRam.observed()).contains("for example, it kept a host with ");
        Observation strict = with("strict");
        assertThat(strict.fraction()).isGreaterThan(0.0).isLessThan(1.0);
        assertThat(strict.observed()).contains("it removed a host with ").contains("2048 MB free RAM");
        assertThat(with("all").fraction()).isLessThan(noRam.fraction());
    }

    @Test
    void a_class_that_throws_or_does_not_compile_scores_zero_with_the_reason() {
        Observation t = with("throws");
        assertThat(t.points(10)).isZero();
        assertThat(t.observed()).isEqualTo("GpuRamFilter was right on 0 of 10 hidden host sets; on 10 it gave no answer: "
                + "GpuRamFilter raised java.lang.NullPointerException (GpuRamFilter.java:3)");
        Observation b = with("broken");
        assertThat(b.points(10)).isZero();
        assertThat(b.observed()).isEqualTo("GpuRamFilter does not compile, so it was run on no hidden host set: "
                + "GpuRamFilter.java:1: error: class, interface, enum, or record expected");
    }

    @Test
    void the_hidden_sets_are_the_same_for_the_same_seed() {
        assertThat(HiddenHostSets.generate(2609, 10)).isEqualTo(HiddenHostSets.generate(2609, 10));
        assertThat(HiddenHostSets.generate(2609, 10)).isNotEqualTo(HiddenHostSets.generate(2610, 10));
    }
}

package novalab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import novalab.engine.Sandbox;
import novalab.engine.scheduler.FilterStep;
import novalab.engine.scheduler.SchedulingDecision;
import novalab.exercises.ExerciseSandbox;
import org.junit.jupiter.api.Test;

/**
 * Exercise 09-write-a-filter graded by replay, with histories as the web terminal records them (JSON Lines;
 * a here-document typed in an ssh session is one entry). The student's class really runs: compiled, then
 * run in a child JVM by the installed sandbox, on the live scheduler and on the check's hidden host sets.
 */
class WriteAFilterGradingTest {
    private static final String ID = "09-write-a-filter";

    private static String filter(String rule) {
        return "import nova.scheduler.*;\n\npublic class GpuRamFilter implements HostFilter {\n"
                + "    public boolean hostPasses(HostState host, RequestSpec spec) {\n        " + rule + "\n    }\n}\n";
    }

    /** What a student types: log in to the controller, write the class with a here-doc, enable it, restart, boot. */
    private static List<String> typed(String rule) {
        return List.of(
                "source admin-openrc.sh",
                "ssh controller",
                "mkdir -p /etc/nova/filters",
                "cat > /etc/nova/filters/GpuRamFilter.java <<'EOF'\n" + filter(rule) + "EOF",
                "cat /etc/nova/filters/GpuRamFilter.java",
                "crudini --set /etc/nova/nova.conf filter_scheduler enabled_filters ComputeFilter,RamFilter,GpuRamFilter",
                "systemctl restart nova-scheduler",
                "exit",
                "openstack server create --flavor m1.small --image cirros --network nebula_net nebula_ml --wait",
                "openstack server show nebula_ml -c status -c OS-EXT-SRV-ATTR:host -c fault");
    }

    private static String jsonLines(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        long t = 0;
        for (String l : lines) {
            sb.append("{\"t\": ").append(t).append(", \"cmd\": \"").append(l.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")).append("\"}\n");
            t += 4000;
        }
        return sb.toString();
    }

    private static GradeResult grade(String rule) {
        return Week9.grade(ID, jsonLines(typed(rule)));
    }

    private static TestResult test(GradeResult r, String id) {
        return r.tests().stream().filter(t -> t.check().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void a_correct_filter_typed_as_a_here_doc_scores_full_marks() {
        GradeResult r = grade("return host.gpus() > 0 && host.freeRamMb() >= 2048;");
        assertThat(r.gradable()).isTrue();
        assertThat(r.engineErrors()).isZero();
        assertThat(test(r, "filter-right").observed()).isEqualTo("GpuRamFilter was right on 10 of 10 hidden host sets");
        assertThat(test(r, "filter-loaded").passed()).isTrue();
        assertThat(test(r, "ml-on-gpu").passed()).as(test(r, "ml-on-gpu").observed()).isTrue();
        assertThat(r.score()).isEqualTo(1.0);
    }

    @Test
    void a_filter_that_forgets_free_ram_scores_partially_and_says_which_host_it_kept() {
        GradeResult r = grade("return host.gpus() > 0;");
        TestResult right = test(r, "filter-right");
        assertThat(right.passed()).isFalse();
        assertThat(right.points()).isBetween(1, 4);
        assertThat(right.observed()).startsWith("GpuRamFilter was right on ").contains("of 10 hidden host sets; for example, it kept a host with ")
                .contains("MB free RAM");
        assertThat(test(r, "ml-on-gpu").passed()).isTrue();
        assertThat(r.score()).isGreaterThan(0.5).isLessThan(1.0);
    }

    @Test
    void a_filter_that_throws_is_graded_with_a_message_and_its_server_is_in_error() {
        GradeResult r = grade("return host.freeRamMb() / host.gpus() >= 0;");
        assertThat(r.gradable()).isTrue();
        assertThat(r.engineErrors()).isZero();
        TestResult right = test(r, "filter-right");
        assertThat(right.points()).isZero();
        assertThat(right.observed()).contains("GpuRamFilter raised java.lang.ArithmeticException: / by zero (GpuRamFilter.java:5)");
        TestResult ml = test(r, "ml-on-gpu");
        assertThat(ml.passed()).isFalse();
        assertThat(ml.observed()).contains("ERROR");
        assertThat(r.score()).isEqualTo(0.2);
    }

    @Test
    void a_filter_that_does_not_compile_is_graded_with_the_compilers_message() {
        GradeResult r = grade("return host.gpus() > 0 &&;");
        assertThat(r.gradable()).isTrue();
        assertThat(r.engineErrors()).isZero();
        assertThat(test(r, "filter-right").observed())
                .startsWith("GpuRamFilter does not compile, so it was run on no hidden host set: GpuRamFilter.java:5: error:");
        assertThat(test(r, "filter-loaded").passed()).isFalse();
        assertThat(r.score()).isEqualTo(0.0);
    }

    @Test
    void the_decision_table_shows_the_student_filter_removing_every_host_but_compute3() {
        try (Sandbox box = ExerciseSandbox.create(Week9.exercise(ID), "fake")) {
            for (String l : typed("return host.gpus() > 0 && host.freeRamMb() >= 2048;")) box.run(l);
            SchedulingDecision d = box.cloud().scheduler().lastDecision().orElseThrow();
            FilterStep mine = d.filterSteps().stream().filter(s -> s.filter().equals("GpuRamFilter")).findFirst().orElseThrow();
            assertThat(mine.start()).isEqualTo(4);
            assertThat(mine.passed()).extracting(h -> h.host()).containsExactly("compute3");
            assertThat(mine.rejected()).extracting(x -> x.host()).containsExactly("compute1", "compute2", "compute4");
            assertThat(d.chosen()).contains("compute3");
        }
    }
}

package novalab.exercises.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import novalab.engine.scheduler.external.ExternalScheduling;
import novalab.engine.scheduler.external.ExternalScheduling.CaseAnswer;
import novalab.engine.scheduler.external.ExternalScheduling.HostAnswer;
import novalab.engine.scheduler.external.ExternalScheduling.HostCase;
import novalab.engine.scheduler.external.ExternalScheduling.HostView;
import novalab.engine.scheduler.external.ExternalScheduling.Kind;
import novalab.engine.scheduler.external.ExternalScheduling.RequestView;
import novalab.engine.scheduler.external.ExternalScheduling.StudentClass;
import org.junit.jupiter.api.Test;

/**
 * What every runner of student scheduler classes must do, whichever sandbox it runs them in: answer host by host,
 * give javac's message for a class that does not compile, report a throw with the student's line, weigh, and give
 * the same answers to the same question. Each runner's own test adds what its sandbox refuses and how it says so.
 */
abstract class StudentClassRunnerContract {
    static final RequestView SMALL = new RequestView("m1.small", 1, 2048, 20, Map.of(), "cirros");
    static final HostCase HOSTS = new HostCase(List.of(
            new HostView("gpu-full", "gpu-full", "cell2", 16384, 1024, 16, 2, 400, 400 * 1024, 1, 2, Set.of("CUSTOM_GPU")),
            new HostView("gpu-free", "gpu-free", "cell2", 16384, 8192, 16, 2, 400, 400 * 1024, 1, 1, Set.of("CUSTOM_GPU")),
            new HostView("plain", "plain", "cell1", 16384, 8192, 8, 0, 200, 200 * 1024, 0, 0, Set.of())), SMALL);

    /** The runner under test (one per test class, shared by its tests). */
    abstract ExternalScheduling runner();

    static StudentClass filter(String body) {
        return new StudentClass(Kind.FILTER, "F", "import nova.scheduler.*;\npublic class F implements HostFilter {\n"
                + "    public boolean hostPasses(HostState host, RequestSpec spec) {\n        " + body + "\n    }\n}\n");
    }

    CaseAnswer one(StudentClass c) {
        return runner().run(c, List.of(HOSTS)).get(0);
    }

    String raisedOnFirst(String body) {
        CaseAnswer a = one(filter(body));
        return a.failure().orElseGet(() -> a.hosts().get(0).raised().orElse("did not raise"));
    }

    @Test
    void a_correct_filter_answers_host_by_host() {
        CaseAnswer a = one(filter("return host.gpus() > 0 && host.freeRamMb() >= 2048;"));
        assertThat(a.failure()).isEmpty();
        assertThat(a.hosts()).extracting(HostAnswer::passes).containsExactly(false, true, false);
    }

    @Test
    void a_class_that_does_not_compile_gets_javacs_message_and_no_jvm() {
        assertThat(runner().check(filter("return host.gpus() > 0")))
                .hasValueSatisfying(m -> assertThat(m).startsWith("F.java:4: error: ';' expected"));
        assertThat(runner().check(new StudentClass(Kind.FILTER, "F", "public class F { }")))
                .contains("F does not implement nova.scheduler.HostFilter");
        assertThat(runner().check(new StudentClass(Kind.FILTER, "F", "package x; public class F { }")))
                .contains("F.java must declare `public class F` with no package line");
        assertThat(one(filter("return oops")).failure()).hasValueSatisfying(m -> assertThat(m).startsWith("F does not compile: F.java:4"));
    }

    @Test
    void a_throw_is_reported_per_host_with_the_students_line() {
        CaseAnswer a = one(filter("if (host.gpus() == 1) throw new IllegalStateException(\"one gpu\");\n return true;"));
        assertThat(a.hosts().get(0).raised()).isEmpty();
        assertThat(a.hosts().get(1).raised()).contains("java.lang.IllegalStateException: one gpu (F.java:4)");
        assertThat(raisedOnFirst("return 1 / (host.gpus() - 2) > 0;")).isEqualTo("java.lang.ArithmeticException: / by zero (F.java:4)");
    }

    @Test
    void a_weigher_gives_raw_weights_and_the_same_question_gets_the_same_answers() {
        StudentClass w = new StudentClass(Kind.WEIGHER, "W", "import nova.scheduler.*;\npublic class W implements HostWeigher {\n"
                + "    public double weigh(HostState h, RequestSpec s) { return h.vcpusUsed(); }\n}\n");
        List<CaseAnswer> first = runner().run(w, List.of(HOSTS, HOSTS));
        assertThat(first).hasSize(2);
        assertThat(first.get(1).hosts()).extracting(HostAnswer::weight).containsExactly(2.0, 2.0, 0.0);
        assertThat(runner().run(w, List.of(HOSTS, HOSTS))).isEqualTo(first);
    }
}

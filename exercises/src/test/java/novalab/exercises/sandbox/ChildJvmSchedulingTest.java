package novalab.exercises.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import novalab.engine.scheduler.external.ExternalScheduling.CaseAnswer;
import novalab.engine.scheduler.external.ExternalScheduling.HostAnswer;
import novalab.engine.scheduler.external.ExternalScheduling.HostCase;
import novalab.engine.scheduler.external.ExternalScheduling.HostView;
import novalab.engine.scheduler.external.ExternalScheduling.Kind;
import novalab.engine.scheduler.external.ExternalScheduling.RequestView;
import novalab.engine.scheduler.external.ExternalScheduling.StudentClass;
import org.junit.jupiter.api.Test;

/** The fallback runner (no pool): student filters compiled here and run in a child JVM: answers, compile errors, throws, and what the sandbox refuses. */
class ChildJvmSchedulingTest {
    private static final ChildJvmScheduling RUNNER = new ChildJvmScheduling(6_000);
    private static final RequestView SMALL = new RequestView("m1.small", 1, 2048, 20, Map.of(), "cirros");
    private static final HostCase HOSTS = new HostCase(List.of(
            new HostView("gpu-full", "gpu-full", "cell2", 16384, 1024, 16, 2, 400, 400 * 1024, 1, 2, Set.of("CUSTOM_GPU")),
            new HostView("gpu-free", "gpu-free", "cell2", 16384, 8192, 16, 2, 400, 400 * 1024, 1, 1, Set.of("CUSTOM_GPU")),
            new HostView("plain", "plain", "cell1", 16384, 8192, 8, 0, 200, 200 * 1024, 0, 0, Set.of())), SMALL);

    private static StudentClass filter(String body) {
        return new StudentClass(Kind.FILTER, "F", "import nova.scheduler.*;\npublic class F implements HostFilter {\n"
                + "    public boolean hostPasses(HostState host, RequestSpec spec) {\n        " + body + "\n    }\n}\n");
    }

    private static CaseAnswer one(StudentClass c) {
        return RUNNER.run(c, List.of(HOSTS)).get(0);
    }

    private static String raisedOnFirst(String body) {
        CaseAnswer a = one(filter(body));
        return a.failure().orElseGet(() -> a.hosts().get(0).raised().orElse("did not raise"));
    }

    @Test
    void a_correct_filter_answers_host_by_host_in_a_child_jvm() {
        CaseAnswer a = one(filter("return host.gpus() > 0 && host.freeRamMb() >= 2048;"));
        assertThat(a.failure()).isEmpty();
        assertThat(a.hosts()).extracting(HostAnswer::passes).containsExactly(false, true, false);
    }

    @Test
    void a_class_that_does_not_compile_gets_javacs_message_and_no_jvm() {
        assertThat(RUNNER.check(filter("return host.gpus() > 0")))
                .hasValueSatisfying(m -> assertThat(m).startsWith("F.java:4: error: ';' expected"));
        assertThat(RUNNER.check(new StudentClass(Kind.FILTER, "F", "public class F { }")))
                .contains("F does not implement nova.scheduler.HostFilter");
        assertThat(RUNNER.check(new StudentClass(Kind.FILTER, "F", "package x; public class F { }")))
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
    void hostile_code_is_contained_with_a_clear_message() {
        assertThat(raisedOnFirst("try { return java.nio.file.Files.exists(java.nio.file.Path.of(\"/etc/passwd\")) && java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")).isEmpty(); } catch (java.io.IOException e) { return false; }"))
                .startsWith("java.lang.SecurityException: the sandbox does not allow this: access denied (\"java.io.FilePermission\" \"/etc/passwd\" \"read\")");
        assertThat(raisedOnFirst("System.exit(3); return true;")).contains("the sandbox does not allow this").contains("exitVM.3");
        assertThat(raisedOnFirst("try { new ProcessBuilder(\"ls\").start(); } catch (java.io.IOException e) { } return true;"))
                .contains("the sandbox does not allow this").contains("execute");
        assertThat(raisedOnFirst("try { new java.net.Socket(\"127.0.0.1\", 9); } catch (java.io.IOException e) { } return true;"))
                .contains("the sandbox does not allow this").contains("SocketPermission");
        assertThat(raisedOnFirst("try { var f = Class.forName(\"novalab_sandbox.Runner\").getDeclaredMethods()[0]; f.setAccessible(true); } catch (ReflectiveOperationException e) { } return true;"))
                .contains("the sandbox does not allow this").contains("accessDeclaredMembers");
        assertThat(raisedOnFirst("long[][] a = new long[1000][]; for (int i = 0; i < a.length; i++) a[i] = new long[1_000_000]; return a.length > 0;"))
                .startsWith("java.lang.OutOfMemoryError");
        assertThat(raisedOnFirst("while (true) { if (host == null) break; } return true;"))
                .isEqualTo("F ran out of time (the sandbox stops after 6 s): is there a loop that never ends?");
    }

    @Test
    void a_weigher_gives_raw_weights_and_the_same_question_is_answered_from_the_cache() {
        StudentClass w = new StudentClass(Kind.WEIGHER, "W", "import nova.scheduler.*;\npublic class W implements HostWeigher {\n"
                + "    public double weigh(HostState h, RequestSpec s) { return h.vcpusUsed(); }\n}\n");
        List<CaseAnswer> first = RUNNER.run(w, List.of(HOSTS, HOSTS));
        assertThat(first).hasSize(2);
        assertThat(first.get(1).hosts()).extracting(HostAnswer::weight).containsExactly(2.0, 2.0, 0.0);
        long t0 = System.nanoTime();
        assertThat(RUNNER.run(w, List.of(HOSTS, HOSTS))).isEqualTo(first);
        assertThat(System.nanoTime() - t0).isLessThan(100_000_000L);
    }

}

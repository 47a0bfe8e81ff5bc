package novalab.engine;

import static novalab.engine.Scripts.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import novalab.engine.scheduler.FilterStep;
import novalab.engine.scheduler.Rejection;
import novalab.engine.scheduler.SchedulingDecision;
import novalab.engine.scheduler.external.ExternalScheduling;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A student's own filter and weigher, saved on the controller and enabled in nova.conf, through the shell.
 * The runner here is a stand-in that reads the source's intent (the real one compiles and runs it in a
 * separate JVM); what is tested is how the scheduler uses its answers.
 */
class StudentFilterScenarioTest {
    /** Answers like the Java a test writes would: "gpus() > 0", "freeRamMb() >= 2048", "throw", "vcpusUsed()". */
    static final class IntentRunner implements ExternalScheduling {
        final List<String> ran = new ArrayList<>();

        @Override
        public Optional<String> check(StudentClass cls) {
            return cls.source().contains("oops") ? Optional.of(cls.className() + ".java:2: error: ';' expected") : Optional.empty();
        }

        @Override
        public List<CaseAnswer> run(StudentClass cls, List<HostCase> cases) {
            ran.add(cls.className());
            List<CaseAnswer> out = new ArrayList<>();
            for (HostCase c : cases) {
                List<HostAnswer> hs = new ArrayList<>();
                for (HostView h : c.hosts()) {
                    String s = cls.source();
                    if (s.contains("throw") && h.host().equals("compute2")) {
                        hs.add(new HostAnswer(h.host(), false, 0, Optional.of("java.lang.IllegalStateException: no (GpuRamFilter.java:4)")));
                        continue;
                    }
                    boolean pass = (!s.contains("gpus() > 0") || h.gpus() > 0) && (!s.contains("freeRamMb() >= 2048") || h.freeRamMb() >= 2048);
                    hs.add(new HostAnswer(h.host(), pass, s.contains("vcpusUsed()") ? h.vcpusUsed() : 0, Optional.empty()));
                }
                out.add(new CaseAnswer(Optional.empty(), hs));
            }
            return out;
        }
    }

    private final IntentRunner runner = new IntentRunner();
    private final Sandbox box = Sandbox.create(c -> {
        c.driver = "fake";
        c.externalScheduling = runner;
    });

    @BeforeEach
    void admin() { ok(box, "source admin-openrc.sh"); }

    @AfterEach
    void close() { box.close(); }

    private void saveFilter(String body) {
        ok(box, "ssh controller");
        ok(box, "mkdir -p /etc/nova/filters");
        ok(box, "cat > /etc/nova/filters/GpuRamFilter.java <<'EOF'\nimport nova.scheduler.*;\npublic class GpuRamFilter implements HostFilter {\n"
                + "    public boolean hostPasses(HostState host, RequestSpec spec) {\n        " + body + "\n    }\n}\nEOF");
        ok(box, "crudini --set /etc/nova/nova.conf filter_scheduler enabled_filters ComputeFilter,RamFilter,GpuRamFilter");
        ok(box, "exit");
    }

    private SchedulingDecision boot(String name) {
        box.run("openstack server create --flavor m1.small --image cirros --network nebula_net " + name + " --wait");
        return box.cloud().scheduler().lastDecision().orElseThrow();
    }

    @Test
    void a_student_filter_is_loaded_by_name_after_a_restart_and_its_verdicts_fill_the_decision_table() {
        saveFilter("return host.gpus() > 0 && host.freeRamMb() >= 2048;");
        ok(box, "ssh controller systemctl restart nova-scheduler");
        assertThat(box.cloud().scheduler().enabledFilterNames()).containsExactly("ComputeFilter", "RamFilter", "GpuRamFilter");
        SchedulingDecision d = boot("g1");
        FilterStep step = d.filterSteps().get(2);
        assertThat(step.filter()).isEqualTo("GpuRamFilter");
        assertThat(step.start()).isEqualTo(4);
        assertThat(step.end()).isEqualTo(1);
        assertThat(step.rejected()).extracting(Rejection::host).containsExactly("compute1", "compute2", "compute4");
        assertThat(d.chosen()).contains("compute3");
        assertThat(ok(box, "openstack server show g1 -f value -c OS-EXT-SRV-ATTR:host").stdout()).isEqualTo("compute3\n");
        assertThat(ok(box, "ssh controller \"grep 'GpuRamFilter returned' /var/log/nova/nova-scheduler.log\"").stdout())
                .contains("Filter GpuRamFilter returned 1 host(s)");
    }

    @Test
    void saving_the_file_without_restarting_the_scheduler_changes_nothing() {
        saveFilter("return host.gpus() > 0;");
        SchedulingDecision d = boot("a1");
        assertThat(d.filterSteps()).extracting(FilterStep::filter).doesNotContain("GpuRamFilter");
        assertThat(runner.ran).isEmpty();
    }

    @Test
    void a_student_filter_that_raises_fails_the_request_as_nova_does_and_the_table_says_so() {
        saveFilter("throw new IllegalStateException(\"no\");");
        ok(box, "ssh controller systemctl restart nova-scheduler");
        SchedulingDecision d = boot("t1");
        assertThat(d.chosen()).isEmpty();
        assertThat(d.failure()).contains("GpuRamFilter raised java.lang.IllegalStateException: no (GpuRamFilter.java:4)");
        FilterStep step = d.filterSteps().get(d.filterSteps().size() - 1);
        assertThat(step.filter()).isEqualTo("GpuRamFilter");
        assertThat(step.rejected()).anySatisfy(r -> {
            assertThat(r.host()).isEqualTo("compute2");
            assertThat(r.reason()).isEqualTo("filter raised java.lang.IllegalStateException: no (GpuRamFilter.java:4)");
        });
        String show = ok(box, "openstack server show t1 -f value -c status -c fault").stdout();
        assertThat(show).contains("ERROR").contains("java.lang.IllegalStateException: no (GpuRamFilter.java:4)");
        assertThat(ok(box, "ssh controller \"grep 'Exception during message handling' /var/log/nova/nova-scheduler.log\"").stdout())
                .contains("java.lang.IllegalStateException: no");
    }

    @Test
    void a_student_filter_that_does_not_compile_makes_the_scheduler_fail_to_restart_with_the_compiler_message() {
        saveFilter("return oops");
        ExecResult r = box.run("ssh controller systemctl restart nova-scheduler");
        assertThat(r.status()).isEqualTo(1);
        assertThat(ok(box, "ssh controller grep CRITICAL /var/log/nova/nova-scheduler.log").stdout())
                .contains("Could not load GpuRamFilter: GpuRamFilter.java:2: error: ';' expected");
    }

    @Test
    void a_name_with_no_saved_class_is_still_scheduler_host_filter_not_found() {
        ok(box, "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler enabled_filters RamFilter,GpuRamFilter");
        assertThat(box.run("ssh controller systemctl restart nova-scheduler").status()).isEqualTo(1);
        assertThat(ok(box, "ssh controller grep CRITICAL /var/log/nova/nova-scheduler.log").stdout())
                .contains("Scheduler Host Filter GpuRamFilter could not be found.");
    }

    @Test
    void a_student_weigher_in_weight_classes_stacks_by_vcpus_used() {
        ok(box, "ssh controller mkdir -p /etc/nova/weighers");
        ok(box, "ssh controller \"echo 'public class StackByVcpu implements HostWeigher { public double weigh(HostState h, RequestSpec s) { return h.vcpusUsed(); } }' > /etc/nova/weighers/StackByVcpu.java\"");
        ok(box, "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler weight_classes StackByVcpu");
        ok(box, "ssh controller systemctl restart nova-scheduler");
        assertThat(box.cloud().scheduler().weigherNames()).containsExactly("StackByVcpu");
        List<String> hosts = new ArrayList<>();
        for (String n : List.of("w1", "w2", "w3")) hosts.add(boot(n).chosen().orElseThrow());
        assertThat(hosts.get(1)).isEqualTo(hosts.get(0));
        assertThat(hosts.get(2)).isEqualTo(hosts.get(0));
        assertThat(box.cloud().scheduler().lastDecision().orElseThrow().weighed().get(0).raw()).containsKey("StackByVcpu");
    }
}

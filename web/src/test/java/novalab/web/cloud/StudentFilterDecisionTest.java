package novalab.web.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import novalab.web.Role;
import novalab.web.WebTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A filter the student wrote in the lab terminal appears in the cloud view's decision table like a built-in one. */
class StudentFilterDecisionTest {
    /** A student's terminal session that saves, enables and loads GpuRamFilter, then boots ml1 (also used by ExerciseCloudViewTest). */
    static final java.util.List<String> GPU_FILTER_SESSION = java.util.List.of(
            "source admin-openrc.sh",
            "ssh controller",
            "mkdir -p /etc/nova/filters",
            "cat > /etc/nova/filters/GpuRamFilter.java <<'EOF'\nimport nova.scheduler.*;\n\npublic class GpuRamFilter implements HostFilter {\n"
                    + "    public boolean hostPasses(HostState host, RequestSpec spec) {\n"
                    + "        return host.gpus() > 0 && host.freeRamMb() >= 2048;\n    }\n}\nEOF",
            "crudini --set /etc/nova/nova.conf filter_scheduler enabled_filters ComputeFilter,RamFilter,GpuRamFilter",
            "systemctl restart nova-scheduler",
            "exit",
            "openstack server create --flavor m1.small --image cirros --network nebula_net ml1 --wait");

    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse");
    }

    @Test
    void the_decision_table_shows_the_students_filter_keeping_only_the_gpu_host() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            for (String line : GPU_FILTER_SESSION) {
                client.postJson("/lab/run", "line", line);
            }
            String panel = client.get("/cloud/panel").body();
            assertThat(panel).contains("<th scope=\"row\">GpuRamFilter</th><td>4 → 1</td>")
                    .contains("<li><strong>compute1</strong>: rejected (the filter logged no reason)</li>",
                            "<strong>compute2</strong>", "<strong>compute4</strong>")
                    .contains("Winner: <strong>compute3</strong>", "ml1 (active)");
        });
    }
}

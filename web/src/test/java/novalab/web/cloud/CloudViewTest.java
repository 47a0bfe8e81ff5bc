package novalab.web.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import novalab.web.Role;
import novalab.web.WebTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudViewTest {
    @TempDir Path data;

    @BeforeEach
    void accounts() {
        WebTests.accounts(data, Role.STUDENT, "ada", "correct horse");
    }

    @Test
    void the_hosts_are_drawn_by_cell_with_bars_and_the_last_decision_is_a_table() throws Exception {
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            assertThat(client.get("/cloud").body()).contains("<h3>cell1</h3>", "<h3>cell2</h3>", "<svg class=\"hosts\"",
                    "No server has been scheduled in this sandbox yet.");
            client.postJson("/lab/run", "line", "source nebula-openrc.sh");
            client.postJson("/lab/run", "line", "openstack server create --flavor m1.small --image cirros --network nebula_net web1 --wait");
            String panel = client.get("/cloud/panel").body();
            // m1.small (2048 MB) went to compute1: the spreading winner of the two emptiest 16 GB hosts
            assertThat(panel).contains("Winner: <strong>compute1</strong>", "web1 (active)")
                    .contains("<th scope=\"row\">ImagePropertiesFilter</th><td>4 → 3</td>")
                    .contains("<strong>compute4</strong>:")
                    .contains("<th scope=\"row\">compute1 (chosen)</th>");
        });
    }
}

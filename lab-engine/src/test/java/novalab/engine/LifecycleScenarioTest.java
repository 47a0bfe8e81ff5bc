package novalab.engine;

import static novalab.engine.Scripts.ok;
import static org.assertj.core.api.Assertions.assertThat;

import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notes' section 4: BUILD's steps, stop/start, shelve/unshelve freeing and re-claiming RAM, 409s. */
class LifecycleScenarioTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @BeforeEach
    void admin() { ok(box, "source admin-openrc.sh"); }

    @AfterEach
    void close() { box.close(); }

    private int usedRam(String host) {
        String v = ok(box, "openstack hypervisor show " + host + " -f value -c memory_mb_used").stdout().trim();
        return Integer.parseInt(v);
    }

    @Test
    void a_student_who_polls_sees_build_pass_through_its_task_states() {
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net vm");
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            seen.append(ok(box, "openstack server show vm -f value -c status -c OS-EXT-STS:task_state").stdout().replace('\n', ' ')).append('|');
            ok(box, "sleep 1");
        }
        assertThat(seen.toString()).contains("scheduling BUILD").contains("networking BUILD")
                .contains("block_device_mapping BUILD").contains("spawning BUILD").contains("None ACTIVE");
    }

    @Test
    void stop_keeps_resources_claimed_and_shelve_frees_them_until_unshelve() {
        ok(box, "openstack server create --flavor m1.medium --image cirros --network nebula_net vm --wait");
        String host = ok(box, "openstack server show vm -f value -c OS-EXT-SRV-ATTR:host").stdout().trim();
        int running = usedRam(host);
        ok(box, "openstack server stop vm");
        ok(box, "sleep 5");
        assertThat(ok(box, "openstack server show vm -f value -c status").stdout()).isEqualTo("SHUTOFF\n");
        assertThat(usedRam(host)).isEqualTo(running);
        ok(box, "openstack server start vm");
        ok(box, "sleep 5");
        ok(box, "openstack server shelve vm");
        ok(box, "sleep 10");
        assertThat(ok(box, "openstack server show vm -f value -c status").stdout()).isEqualTo("SHELVED_OFFLOADED\n");
        assertThat(usedRam(host)).isEqualTo(running - 4096);
        ok(box, "openstack server unshelve vm");
        ok(box, "sleep 10");
        assertThat(ok(box, "openstack server show vm -f value -c status").stdout()).isEqualTo("ACTIVE\n");
        String newHost = ok(box, "openstack server show vm -f value -c OS-EXT-SRV-ATTR:host").stdout().trim();
        assertThat(usedRam(newHost)).isGreaterThanOrEqualTo(512 + 4096);
    }

    @Test
    void with_offloading_disabled_a_shelved_server_keeps_its_host_and_unshelves_in_place() {
        ok(box, "ssh controller crudini --set /etc/nova/nova.conf DEFAULT shelved_offload_time -1");
        ok(box, "ssh controller systemctl restart nova-scheduler");
        ok(box, "openstack server create --flavor m1.medium --image cirros --network nebula_net vm --wait");
        String host = ok(box, "openstack server show vm -f value -c OS-EXT-SRV-ATTR:host").stdout().trim();
        int running = usedRam(host);
        ok(box, "openstack server shelve vm");
        ok(box, "sleep 10");
        assertThat(ok(box, "openstack server show vm -f value -c status").stdout()).isEqualTo("SHELVED\n");
        assertThat(usedRam(host)).isEqualTo(running);
        ok(box, "openstack server unshelve vm");
        ok(box, "sleep 5");
        assertThat(ok(box, "openstack server show vm -f value -c status -c OS-EXT-SRV-ATTR:host").stdout())
                .isEqualTo(host + "\nACTIVE\n");
        assertThat(ok(box, "ssh " + host + " virsh list").stdout()).contains("running");
    }

    @Test
    void with_nova_conductor_stopped_a_build_waits_in_its_queue_and_completes_when_it_returns() {
        ok(box, "ssh controller systemctl stop nova-conductor");
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net vm");
        ok(box, "sleep 30");
        assertThat(ok(box, "openstack server show vm -f value -c status -c OS-EXT-STS:task_state").stdout()).isEqualTo("scheduling\nBUILD\n");
        ok(box, "ssh controller systemctl start nova-conductor");
        ok(box, "sleep 15");
        assertThat(ok(box, "openstack server show vm -f value -c status").stdout()).isEqualTo("ACTIVE\n");
    }

    @Test
    void starting_an_active_server_is_a_409_with_novas_message() {
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net vm --wait");
        String id = ok(box, "openstack server show vm -f value -c id").stdout().trim();
        ExecResult r = box.run("openstack server start vm");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("Cannot 'start' instance " + id + " while it is in vm_state active (HTTP 409) (Request-ID: req-");
    }

    @Test
    void the_console_log_of_an_offloaded_server_is_a_409_naming_the_servers_action_url() {
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net vm --wait");
        String id = ok(box, "openstack server show vm -f value -c id").stdout().trim();
        ok(box, "openstack server shelve vm");
        ok(box, "sleep 10");
        ExecResult r = box.run("openstack console log show vm");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("ConflictException: 409: Client Error for url: http://controller:8774/v2.1/servers/" + id
                + "/action, Instance " + id + " is not ready\n");
    }

    @Test
    void deleting_a_server_frees_its_host_and_it_disappears() {
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net vm --wait");
        ok(box, "openstack server delete vm --wait");
        ExecResult r = box.run("openstack server show vm");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).isEqualTo("No server with a name or ID of 'vm' exists.\n");
    }
}

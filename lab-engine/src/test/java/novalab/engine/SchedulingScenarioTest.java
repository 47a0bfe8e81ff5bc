package novalab.engine;

import static novalab.engine.Scripts.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notes' section 3 observed through the shell: filters, NoValidHost, zones, image properties, weighers. */
class SchedulingScenarioTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @BeforeEach
    void admin() { ok(box, "source admin-openrc.sh"); }

    @AfterEach
    void close() { box.close(); }

    private String host(String server) {
        return ok(box, "openstack server show " + server + " -f value -c OS-EXT-SRV-ATTR:host").stdout().trim();
    }

    @Test
    void a_flavor_larger_than_every_host_ends_in_error_with_novalidhost() {
        ok(box, "openstack flavor create --ram 20480 --disk 10 --vcpus 4 m1.huge");
        ExecResult r = box.run("openstack server create --flavor m1.huge --image cirros --network nebula_net big --wait");
        assertThat(r.status()).isZero();
        assertThat(r.stdout()).isEqualTo("Error creating server\n");
        assertThat(r.stderr()).isEqualTo("Error creating server: big\n");
        String show = ok(box, "openstack server show big").stdout();
        assertThat(show).containsPattern("\\| status +\\| ERROR +\\|")
                .contains("'message': 'No valid host was found. There are not enough hosts available.'");
        String log = ok(box, "ssh controller \"grep 'returned 0 hosts' /var/log/nova/nova-scheduler.log\"").stdout();
        assertThat(log).contains("Filter RamFilter returned 0 hosts");
    }

    @Test
    void a_disabled_compute_service_gets_no_new_servers() {
        ok(box, "openstack compute service set --disable --disable-reason maintenance compute3 nova-compute");
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net a --wait");
        assertThat(host("a")).isNotEqualTo("compute3");
        assertThat(ok(box, "openstack compute service list --service nova-compute -f value -c Host -c Status").stdout())
                .contains("compute3 disabled");
    }

    @Test
    void a_stopped_nova_compute_is_down_after_service_down_time_and_filtered_out() {
        ok(box, "ssh compute3 systemctl stop nova-compute");
        ok(box, "sleep 70");
        assertThat(ok(box, "openstack compute service list --host compute3 -f value -c State").stdout()).isEqualTo("down\n");
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net a --wait");
        assertThat(host("a")).isNotEqualTo("compute3");
    }

    @Test
    void an_availability_zone_request_lands_in_that_zone() {
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net --availability-zone az1 a --wait");
        assertThat(host("a")).isIn("compute1", "compute2");
        assertThat(ok(box, "openstack server show a -f value -c OS-EXT-AZ:availability_zone").stdout()).isEqualTo("az1\n");
    }

    @Test
    void image_properties_send_arm_gpu_and_secure_boot_images_to_the_right_hosts() {
        ok(box, "openstack server create --flavor m1.small --image ubuntu-22.04-arm64 --network nebula_net arm --wait");
        ok(box, "openstack flavor create --ram 4096 --disk 20 --vcpus 2 g1.large");
        ok(box, "openstack server create --flavor g1.large --image ubuntu-22.04-cuda --network nebula_net gpu --wait");
        ok(box, "openstack server create --flavor m1.small --image ubuntu-22.04-secureboot --network nebula_net sb --wait");
        assertThat(host("arm")).isEqualTo("compute4");
        assertThat(host("gpu")).isEqualTo("compute3");
        assertThat(host("sb")).isEqualTo("compute1");
    }

    @Test
    void a_flavor_asking_for_a_gpu_lands_on_the_gpu_host_through_the_pci_passthrough_filter() {
        ok(box, "openstack flavor create --ram 2048 --disk 10 --vcpus 2 --property pci_passthrough:alias=gpu:1 g1.gpu");
        ok(box, "openstack server create --flavor g1.gpu --image cirros --network nebula_net g1 --wait");
        ok(box, "openstack server create --flavor g1.gpu --image cirros --network nebula_net g2 --wait");
        assertThat(host("g1")).isEqualTo("compute3");
        assertThat(host("g2")).isEqualTo("compute3");
        ExecResult third = box.run("openstack server create --flavor g1.gpu --image cirros --network nebula_net g3 --wait");
        assertThat(third.stdout()).isEqualTo("Error creating server\n");
    }

    @Test
    void zeds_default_filter_list_loads_too() {
        ok(box, "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler enabled_filters "
                + "ComputeFilter,ComputeCapabilitiesFilter,ImagePropertiesFilter,ServerGroupAntiAffinityFilter,ServerGroupAffinityFilter");
        ok(box, "ssh controller systemctl restart nova-scheduler");
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net z --wait");
    }

    @Test
    void spreading_is_the_default_and_a_negative_ram_multiplier_stacks_after_a_scheduler_restart() {
        for (String n : List.of("s1", "s2", "s3")) {
            ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net " + n + " --wait");
        }
        List<String> spread = List.of(host("s1"), host("s2"), host("s3"));
        ok(box, "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier -1.0");
        ok(box, "ssh controller systemctl restart nova-scheduler");
        for (String n : List.of("t1", "t2", "t3")) {
            ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net " + n + " --wait");
        }
        List<String> stacked = List.of(host("t1"), host("t2"), host("t3"));
        assertThat(spread).containsExactly("compute1", "compute3", "compute1");
        // stacking fills the fullest host: compute1 and compute2 tie at 11776 MB free, the stable sort keeps compute1
        assertThat(stacked).containsExactly("compute1", "compute1", "compute1");
    }

    @Test
    void a_bad_value_in_nova_conf_makes_the_scheduler_fail_to_restart() {
        ok(box, "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler enabled_filters RamFilter,NoSuchFilter");
        ExecResult r = box.run("ssh controller systemctl restart nova-scheduler");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith("Job for nova-scheduler.service failed because the control process exited with error code.");
        assertThat(ok(box, "ssh controller systemctl is-active nova-scheduler || true").stdout()).isEqualTo("failed\n");
    }
}

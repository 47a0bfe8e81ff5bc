package novalab.engine;

import static novalab.engine.Scripts.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's course through operator commands alone: weighers, disabled and stopped services, AZ aggregates, cold migration. */
class OperatorScenarioTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @BeforeEach
    void admin() { ok(box, "source admin-openrc.sh"); }

    @AfterEach
    void close() { box.close(); }

    private String host(String server) {
        return ok(box, "openstack server show " + server + " -f value -c OS-EXT-SRV-ATTR:host").stdout().trim();
    }

    private String instanceName(String server) {
        return ok(box, "openstack server show " + server + " -f value -c OS-EXT-SRV-ATTR:instance_name").stdout().trim();
    }

    private void boot(String name, String... extra) {
        ok(box, "openstack server create --flavor m1.small --image cirros --network nebula_net " + String.join(" ", extra) + " " + name + " --wait");
    }

    @Test
    void an_aggregate_made_into_a_new_zone_takes_a_host_only_after_it_left_its_old_zone() {
        String created = ok(box, "openstack aggregate create --zone az3 agg3").stdout();
        assertThat(created).containsPattern("\\| availability_zone +\\| az3 +\\|").containsPattern("\\| name +\\| agg3 +\\|");
        ExecResult refused = box.run("openstack aggregate add host agg3 compute2");
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.stderr()).isEqualTo("BadRequestException: 400: Client Error for url: http://controller:8774/v2.1/os-aggregates/4/action, "
                + "Cannot add host to aggregate 4. Reason: One or more hosts already in availability zone(s) ['az1'].\n");
        ok(box, "openstack aggregate remove host az1-hosts compute2");
        assertThat(ok(box, "openstack aggregate add host agg3 compute2").stdout()).containsPattern("\\| hosts +\\| compute2 +\\|");
        assertThat(ok(box, "openstack availability zone list -f value").stdout()).contains("az3 available");
        boot("z", "--availability-zone az3");
        assertThat(host("z")).isEqualTo("compute2");
        assertThat(ok(box, "openstack server show z -f value -c OS-EXT-AZ:availability_zone").stdout()).isEqualTo("az3\n");
        ExecResult stuck = box.run("openstack server migrate z");
        assertThat(stuck.stderr()).startsWith("No valid host was found. No valid host found for cold migrate (HTTP 400) (Request-ID: req-");
        assertThat(ok(box, "openstack server show z -f value -c status").stdout()).isEqualTo("ACTIVE\n");
        boot("free");
        assertThat(host("free")).isEqualTo("compute1");
        ok(box, "openstack server migrate --wait free");
        assertThat(host("free")).isEqualTo("compute2");
        assertThat(ok(box, "openstack server show free -f value -c OS-EXT-AZ:availability_zone").stdout()).isEqualTo("az3\n");
        ok(box, "openstack aggregate set --property ssd=true agg3");
        assertThat(ok(box, "openstack aggregate show agg3 -f value -c properties").stdout()).isEqualTo("{'ssd': 'true'}\n");
        ExecResult busy = box.run("openstack aggregate delete agg3");
        assertThat(busy.stderr()).contains("Cannot remove host from aggregate 4. Reason: Host aggregate is not empty.").endsWith("1 of 1 aggregates failed to delete.\n");
    }

    @Test
    void a_cold_migration_moves_the_guest_to_another_host_of_its_cell_and_waits_for_confirmation() {
        boot("m");
        String from = host("m");
        String name = instanceName("m");
        assertThat(ok(box, "openstack server migrate --wait m").stdout()).isEqualTo("Complete\n");
        String to = host("m");
        assertThat(to).isNotEqualTo(from);
        assertThat(List.of(from, to)).allMatch(h -> h.equals("compute1") || h.equals("compute2"));
        assertThat(ok(box, "openstack server show m -f value -c status").stdout()).isEqualTo("VERIFY_RESIZE\n");
        assertThat(ok(box, "ssh " + to + " virsh list --all").stdout()).containsPattern(name + " +running");
        assertThat(ok(box, "ssh " + from + " virsh list --all").stdout()).containsPattern(name + " +shut off");
        assertThat(ok(box, "openstack server migration list --server m -f value -c 'Source Compute' -c 'Dest Compute' -c Status").stdout())
                .isEqualTo(from + " " + to + " finished\n");
        ok(box, "openstack server migrate confirm m");
        ok(box, "sleep 5");
        assertThat(ok(box, "openstack server show m -f value -c status").stdout()).isEqualTo("ACTIVE\n");
        assertThat(ok(box, "ssh " + from + " virsh list --all").stdout()).doesNotContain(name);
        assertThat(ok(box, "openstack server migration list -f value -c Status").stdout()).isEqualTo("confirmed\n");
        assertThat(ok(box, "openstack server event list m -f value -c Action").stdout()).contains("migrate").contains("confirmResize");
        String req = ok(box, "openstack server event list m -f value -c 'Request ID' -c Action | grep ' migrate$' | cut -d' ' -f1").stdout().trim();
        assertThat(ok(box, "openstack server event show m " + req + " -f json -c events | grep '\"event\"'").stdout())
                .containsSubsequence("conductor_migrate_server", "compute_prep_resize", "compute_resize_instance", "compute_finish_resize");
    }

    @Test
    void a_migration_to_a_named_host_needs_microversion_2_56() {
        boot("m");
        String target = host("m").equals("compute1") ? "compute2" : "compute1";
        ExecResult old = box.run("openstack server migrate --host " + target + " m");
        assertThat(old.status()).isEqualTo(1);
        assertThat(old.stderr()).isEqualTo("--os-compute-api-version 2.56 or greater is required to use --host without --live-migration.\n");
        ok(box, "openstack --os-compute-api-version 2.56 server migrate --host " + target + " --wait m");
        assertThat(host("m")).isEqualTo(target);
        ok(box, "openstack server resize confirm m");
    }

    @Test
    void a_negative_ram_weight_multiplier_turns_spreading_into_stacking_after_a_scheduler_restart() {
        boot("s1");
        boot("s2");
        assertThat(host("s2")).isNotEqualTo(host("s1"));
        ok(box, "ssh controller crudini --set /etc/nova/nova.conf filter_scheduler ram_weight_multiplier -1.0");
        ok(box, "ssh controller systemctl restart nova-scheduler");
        boot("t1");
        boot("t2");
        assertThat(host("t2")).isEqualTo(host("t1"));
        String weighed = ok(box, "ssh controller grep -c 'Weighed' /var/log/nova/nova-scheduler.log").stdout().trim();
        assertThat(Integer.parseInt(weighed)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void a_disabled_service_shows_in_the_service_list_and_gets_no_servers() {
        for (String h : List.of("compute2", "compute3", "compute4")) {
            ok(box, "openstack compute service set --disable --disable-reason maintenance " + h + " nova-compute");
        }
        assertThat(ok(box, "openstack compute service list --long --service nova-compute -f value -c Host -c Status -c 'Disabled Reason'").stdout())
                .contains("compute1 enabled None").contains("compute3 disabled maintenance");
        assertThat(ok(box, "openstack hypervisor show compute3 -f value -c status").stdout()).isEqualTo("disabled\n");
        boot("a");
        boot("b");
        assertThat(List.of(host("a"), host("b"))).containsOnly("compute1");
    }

    @Test
    void a_stopped_nova_compute_goes_down_after_service_down_time_and_the_scheduler_skips_it() {
        ok(box, "ssh compute1 systemctl stop nova-compute");
        assertThat(ok(box, "openstack compute service list --host compute1 -f value -c State").stdout()).isEqualTo("up\n");
        ok(box, "sleep 70");
        assertThat(ok(box, "openstack compute service list --host compute1 -f value -c State").stdout()).isEqualTo("down\n");
        assertThat(ok(box, "openstack hypervisor list -f value -c 'Hypervisor Hostname' -c State").stdout()).contains("compute1 down");
        for (String n : List.of("a", "b", "c")) boot(n);
        assertThat(List.of(host("a"), host("b"), host("c"))).doesNotContain("compute1");
        ok(box, "ssh compute1 systemctl start nova-compute");
        ok(box, "sleep 15");
        assertThat(ok(box, "openstack compute service list --host compute1 -f value -c State").stdout()).isEqualTo("up\n");
    }

    @Test
    void the_logs_on_the_controller_and_the_compute_node_trace_one_boot_by_its_request_id() {
        boot("vm");
        String api = ok(box, "ssh controller \"grep 'POST /v2.1/servers\\\"' /var/log/nova/nova-api.log\"").stdout();
        assertThat(api).containsPattern("INFO nova.api.openstack.requestlog \\[req-[0-9a-f-]{36} [0-9a-f]{32} [0-9a-f]{32} - default default\\] "
                + "198.51.100.23 \"POST /v2.1/servers\" status: 202 len: \\d+ microversion: 2.1 time: \\d\\.\\d{6}\n");
        String req = api.substring(api.indexOf("[req-") + 1, api.indexOf("[req-") + 41);
        String host = host("vm");
        assertThat(ok(box, "ssh controller grep " + req + " /var/log/nova/nova-conductor.log").stdout())
                .contains("Selected host: " + host + "; Selected node: " + host).contains("casting build_and_run_instance to compute." + host);
        assertThat(ok(box, "ssh " + host + " grep " + req + " /var/log/nova/nova-compute.log").stdout())
                .contains("Claim successful on node " + host).contains("Took 7.00 seconds to build instance.");
        ExecResult missing = box.run("openstack server show nosuch");
        assertThat(missing.status()).isEqualTo(1);
        // OSC's find: GET by id (404), then a list filtered by name
        assertThat(ok(box, "ssh controller tail -2 /var/log/nova/nova-api.log").stdout()).contains("\"GET /v2.1/servers/nosuch\" status: 404")
                .contains("\"GET /v2.1/servers?name=nosuch\" status: 200");
    }

    @Test
    void a_compute_node_shows_its_cpus_and_the_memory_its_guests_take() {
        assertThat(ok(box, "ssh compute2 nproc").stdout()).isEqualTo("6\n");
        String idle = ok(box, "ssh compute2 free -m").stdout();
        assertThat(idle).startsWith("               total        used        free      shared  buff/cache   available\n")
                .containsPattern("Mem: +11981 +612 ");
        ok(box, "openstack compute service set --disable compute1 nova-compute");
        boot("vm", "--availability-zone az1");
        assertThat(host("vm")).isEqualTo("compute2");
        assertThat(ok(box, "ssh compute2 free -m").stdout()).containsPattern("Mem: +11981 +2684 ");
        String dominfo = ok(box, "ssh compute2 virsh dominfo " + instanceName("vm")).stdout();
        assertThat(dominfo).contains("State:          running\n").contains("Max memory:     2097152 KiB\n");
    }

    @Test
    void a_security_group_rule_shows_up_at_once_in_the_compute_nodes_flows_and_in_iptables_hybrid_chains() {
        ok(box, "openstack security group create web");
        ok(box, "openstack security group rule create --protocol tcp --dst-port 22 web");
        boot("vm", "--security-group web", "--availability-zone az1");
        String host = host("vm");
        String flows = ok(box, "ssh " + host + " ovs-ofctl dump-flows br-int table=82").stdout();
        assertThat(flows).contains("table=82, n_packets=0, n_bytes=0, priority=77,ct_state=+new-est,tcp,reg5=0x3,tp_dst=22 actions=")
                .doesNotContain("tp_dst=80 ");
        ok(box, "openstack security group rule create --protocol tcp --dst-port 80 --remote-ip 10.0.0.0/8 web");
        assertThat(ok(box, "ssh " + host + " ovs-ofctl dump-flows br-int table=82").stdout())
                .contains("priority=77,ct_state=+new-est,tcp,reg5=0x3,nw_src=10.0.0.0/8,tp_dst=80 actions=ct(commit,zone=NXM_NX_REG6[0..15]),output:3");
        assertThat(ok(box, "ssh " + host + " iptables -S").stdout()).isEqualTo("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n-P OUTPUT ACCEPT\n");
        ok(box, "ssh " + host + " crudini --set /etc/neutron/plugins/ml2/openvswitch_agent.ini securitygroup firewall_driver iptables_hybrid");
        ok(box, "ssh " + host + " systemctl restart neutron-openvswitch-agent");
        String port = ok(box, "openstack port list --server vm -f value -c ID").stdout().trim();
        String chain = "neutron-openvswi-i" + port.substring(0, 10);
        String rules = ok(box, "ssh " + host + " iptables -S " + chain).stdout();
        assertThat(rules).startsWith("-N " + chain + "\n").contains("-A " + chain + " -p tcp -m tcp --dport 22 -j RETURN\n")
                .contains("-A " + chain + " -s 10.0.0.0/8 -p tcp -m tcp --dport 80 -j RETURN\n")
                .endsWith("-A " + chain + " -m comment --comment \"Send unmatched traffic to the fallback chain.\" -j neutron-openvswi-sg-fallback\n");
        assertThat(ok(box, "ssh " + host + " ovs-ofctl dump-flows br-int").stdout()).doesNotContain("table=82");
    }

    @Test
    void reverting_a_migration_restarts_the_old_guest_and_releases_the_new_one() {
        boot("m");
        String from = host("m");
        String name = instanceName("m");
        ok(box, "openstack server migrate --wait m");
        String to = host("m");
        ExecResult early = box.run("openstack server migrate m");
        assertThat(early.stderr()).startsWith("Cannot 'migrate' instance ").contains("while it is in vm_state resized (HTTP 409)");
        ok(box, "openstack server migrate revert m");
        assertThat(ok(box, "openstack server show m -f value -c status").stdout()).isEqualTo("REVERT_RESIZE\n");
        ok(box, "sleep 10");
        assertThat(ok(box, "openstack server show m -f value -c status -c OS-EXT-SRV-ATTR:host").stdout()).isEqualTo(from + "\nACTIVE\n");
        assertThat(ok(box, "ssh " + from + " virsh list").stdout()).containsPattern(name + " +running");
        assertThat(ok(box, "ssh " + to + " virsh list --all").stdout()).doesNotContain(name);
        assertThat(ok(box, "openstack hypervisor show " + to + " -f value -c running_vms").stdout()).isEqualTo("0\n");
    }

    @Test
    void a_live_migration_of_a_local_disk_at_microversion_2_1_fails_the_shared_storage_check() {
        boot("m");
        String from = host("m");
        ExecResult r = box.run("openstack server migrate --live-migration m");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.stderr()).startsWith(from + " is not on shared storage: Shared storage live-migration requires either shared storage "
                + "or boot-from-volume with no local disks. (HTTP 400) (Request-ID: req-");
        assertThat(box.run("openstack server migrate --live-migration --host compute2 m").stderr())
                .isEqualTo("--os-compute-api-version 2.30 or greater is required when using --host\n");
        assertThat(box.run("openstack server migrate --block-migration m").stderr())
                .isEqualTo("--live-migration must be specified if --block-migration or --disk-overcommit is specified\n");
        assertThat(host("m")).isEqualTo(from);
    }
}

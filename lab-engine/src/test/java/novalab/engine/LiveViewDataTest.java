package novalab.engine;

import static novalab.engine.Scripts.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import novalab.engine.bus.MessageBus;
import novalab.engine.cli.net.Reachability;
import novalab.engine.compute.Instance;
import novalab.engine.compute.VmState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the web lab's live views read from a cloud: call replies, libvirt calls, cell0 burials, state history, reachability. */
class LiveViewDataTest {
    private final Sandbox box = Sandbox.create(c -> c.driver = "fake");

    @AfterEach
    void close() { box.close(); }

    private Instance server(String name) {
        return box.cloud().db().instances().stream().filter(i -> i.displayName.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void a_boot_traces_its_replies_and_libvirt_call_and_records_each_state() {
        ok(box, "source nebula-openrc.sh");
        ok(box, "openstack server create --flavor m1.tiny --image cirros --network nebula_net vm --wait");
        MessageBus bus = box.cloud().bus();
        String rid = bus.lastRequestId();
        List<MessageBus.Message> trace = bus.trace(rid);
        assertThat(trace).extracting(MessageBus.Message::method).startsWith("POST /v2.1/servers", "schedule_and_build_instances",
                "select_destinations", "build_and_run_instance").contains("spawn: defineXML + createWithFlags");
        int select = trace.stream().map(MessageBus.Message::method).toList().indexOf("select_destinations");
        assertThat(bus.replies(rid)).first().isEqualTo(new MessageBus.Reply(select, select, java.util.Optional.empty()));
        assertThat(server("vm").stateHistory()).extracting(Instance.StateChange::vmState)
                .containsExactly(VmState.BUILDING, VmState.BUILDING, VmState.BUILDING, VmState.BUILDING, VmState.ACTIVE);
        ok(box, "openstack server stop vm");
        ok(box, "sleep 5");
        assertThat(server("vm").stateHistory()).extracting(Instance.StateChange::vmState).endsWith(VmState.ACTIVE, VmState.STOPPED);
        assertThat(bus.trace(bus.lastRequestId())).extracting(MessageBus.Message::method).contains("stop_instance", "power_off: shutdown");
    }

    @Test
    void no_valid_host_raises_through_the_reply_and_buries_in_cell0() {
        ok(box, "source admin-openrc.sh");
        ok(box, "openstack flavor create --ram 20480 --disk 10 --vcpus 4 m1.huge");
        ok(box, "openstack server create --flavor m1.huge --image cirros --network nebula_net big --wait");
        MessageBus bus = box.cloud().bus();
        String rid = bus.lastRequestId();
        assertThat(bus.trace(rid)).extracting(MessageBus.Message::topic).endsWith("scheduler", "cell0");
        assertThat(bus.replies(rid)).singleElement().extracting(MessageBus.Reply::error).isEqualTo(java.util.Optional.of("NoValidHost"));
        assertThat(server("big").stateHistory()).extracting(Instance.StateChange::vmState).containsExactly(VmState.BUILDING, VmState.ERROR);
    }

    @Test
    void reachability_names_the_rule_that_lets_ssh_in_and_none_for_http() {
        ok(box, "source nebula-openrc.sh");
        ok(box, "openstack security group create web");
        ok(box, "openstack security group rule create --proto tcp --dst-port 22 web");
        ok(box, "openstack server create --flavor m1.tiny --image cirros --network nebula_net --security-group web vm --wait");
        assertThat(Reachability.probe(box.cloud(), server("vm"))).allMatch(r -> r.verdict() == Reachability.Verdict.NO_ROUTE);
        ok(box, "openstack floating ip create public --floating-ip-address 203.0.113.77");
        ok(box, "openstack server add floating ip vm 203.0.113.77");
        List<Reachability.Result> probes = Reachability.probe(box.cloud(), server("vm"));
        assertThat(probes.get(0).verdict()).isEqualTo(Reachability.Verdict.ANSWERED);
        assertThat(probes.get(0).rule()).hasValueSatisfying(r -> assertThat(r.portRangeMin().getAsInt()).isEqualTo(22));
        assertThat(probes.get(1).verdict()).isEqualTo(Reachability.Verdict.NO_RULE);
        assertThat(probes.get(1).rule()).isEmpty();
        // the same verdicts the student's own tools meet
        assertThat(box.run("curl -m 2 http://203.0.113.77/").status()).isNotZero();
    }
}

package novalab.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import novalab.engine.compute.TaskState;
import novalab.engine.compute.VmState;
import org.junit.jupiter.api.Test;

/** Vector L of nova-test-vectors.md: (vm_state, task_state) → API status. */
class ServerStatusTest {
    private static String status(VmState vm, TaskState task) { return ServerStatus.of(vm, Optional.ofNullable(task), false); }

    @Test
    void active_without_a_task_is_active_and_while_powering_off_still_active() {
        assertThat(status(VmState.ACTIVE, null)).isEqualTo("ACTIVE");
        assertThat(status(VmState.ACTIVE, TaskState.POWERING_OFF)).isEqualTo("ACTIVE");
    }

    @Test
    void reboot_task_states_map_to_reboot_and_hard_reboot() {
        assertThat(status(VmState.ACTIVE, TaskState.REBOOTING)).isEqualTo("REBOOT");
        assertThat(status(VmState.ACTIVE, TaskState.REBOOT_STARTED)).isEqualTo("REBOOT");
        assertThat(status(VmState.ACTIVE, TaskState.REBOOTING_HARD)).isEqualTo("HARD_REBOOT");
    }

    @Test
    void building_stopped_shelved_and_error_have_their_own_statuses() {
        assertThat(status(VmState.BUILDING, TaskState.SPAWNING)).isEqualTo("BUILD");
        assertThat(status(VmState.STOPPED, null)).isEqualTo("SHUTOFF");
        assertThat(status(VmState.SHELVED_OFFLOADED, TaskState.UNSHELVING)).isEqualTo("SHELVED_OFFLOADED");
        assertThat(status(VmState.SOFT_DELETED, null)).isEqualTo("SOFT_DELETED");
        assertThat(status(VmState.ERROR, null)).isEqualTo("ERROR");
    }

    @Test
    void a_deleted_instance_is_deleted_whatever_its_states() {
        assertThat(ServerStatus.of(VmState.ACTIVE, Optional.empty(), true)).isEqualTo("DELETED");
    }
}

package novalab.engine.scheduler.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import novalab.engine.scheduler.FakeHostStates;
import novalab.engine.scheduler.SchedulerOptions;
import org.junit.jupiter.api.Test;

class WeighersTest {
    // ram 2.0, cpu 3.0, disk 4.0 so that each weigher shows which option it read
    private final SchedulerOptions opts = new SchedulerOptions(List.of(), List.of(), 1, 2.0, 3.0, 4.0,
            Optional.empty(), "nova", 3);

    @Test
    void all_weighers_gives_ram_cpu_and_disk_in_that_order() {
        List<HostWeigher> weighers = Weighers.fromWeightClasses(List.of("nova.scheduler.weights.all_weighers"), opts);

        assertThat(weighers).extracting(HostWeigher::name).containsExactly("RAMWeigher", "CPUWeigher", "DiskWeigher");
        assertThat(weighers).extracting(w -> w.weightMultiplier(FakeHostStates.host("h").build()))
                .containsExactly(2.0, 3.0, 4.0);
    }

    @Test
    void dotted_and_bare_names_are_accepted_in_the_given_order() {
        List<HostWeigher> weighers = Weighers.fromWeightClasses(
                List.of("nova.scheduler.weights.disk.DiskWeigher", "RAMWeigher"), opts);

        assertThat(weighers).extracting(HostWeigher::name).containsExactly("DiskWeigher", "RAMWeigher");
    }

    @Test
    void unknown_weigher_fails_with_a_class_not_found_message() {
        assertThatThrownBy(() -> Weighers.fromWeightClasses(List.of("nova.scheduler.weights.io_ops.IoOpsWeigher"), opts))
                .isInstanceOf(UnknownWeigher.class)
                .hasMessage("Class nova.scheduler.weights.io_ops.IoOpsWeigher could not be found: no such weigher in "
                        + "nova.scheduler.weights (known: CPUWeigher, DiskWeigher, RAMWeigher)");
    }

    @Test
    void dotted_path_with_the_wrong_module_is_unknown() {
        assertThatThrownBy(() -> Weighers.fromWeightClasses(List.of("nova.scheduler.weights.cpu.RAMWeigher"), opts))
                .isInstanceOf(UnknownWeigher.class);
    }
}

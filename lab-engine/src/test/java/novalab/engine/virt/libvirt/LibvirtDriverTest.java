package novalab.engine.virt.libvirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import novalab.engine.virt.AvailableResource;
import novalab.engine.virt.HypervisorError;
import novalab.engine.virt.InstanceInfo;
import novalab.engine.virt.InstanceSpec;
import novalab.engine.virt.PowerState;
import novalab.engine.virt.Specs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Runs against libvirt's real test driver (libvirt0 must be installed, as in CI). */
class LibvirtDriverTest {
    private final LibvirtDriver driver = new LibvirtDriver(Specs.computeHost("compute-01"));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void libvirt_is_available_in_this_jvm() {
        assertThat(LibvirtDriver.available()).isTrue();
    }

    @Test
    void constructing_a_driver_or_asking_about_an_empty_host_opens_no_connection() {
        assertThat(driver.connected()).isFalse();

        assertThat(driver.listInstances()).isEmpty();
        assertThat(driver.getInfo("instance-00000001")).isEmpty();
        assertThat(driver.domainXml("instance-00000001")).isEmpty();
        driver.destroy("instance-00000001");

        assertThat(driver.connected()).isFalse();
    }

    @Test
    void reports_the_host_resources_without_opening_a_connection_before_the_first_spawn() {
        AvailableResource resources = driver.getAvailableResource();

        assertThat(driver.connected()).isFalse();
        assertThat(List.of(resources.vcpus(), resources.memoryMb(), resources.localGb())).containsExactly(32, 65536, 500);
        assertThat(List.of(resources.vcpusUsed(), resources.memoryMbUsed(), resources.localGbUsed())).containsExactly(0, 0, 0);
    }

    @Test
    void measures_running_guests_through_libvirt_and_disks_of_all_defined_guests() {
        driver.spawn(Specs.instance(1).flavor("m1.medium", 4096, 2, 40).build());
        driver.spawn(Specs.instance(2).build());
        driver.powerOff("instance-00000002");

        AvailableResource resources = driver.getAvailableResource();

        assertThat(List.of(resources.vcpus(), resources.memoryMb())).containsExactly(32, 65536);
        assertThat(List.of(resources.vcpusUsed(), resources.memoryMbUsed(), resources.localGbUsed()))
                .containsExactly(2, 4096, 60);
        assertThat(resources.diskAvailableLeast()).isEqualTo(440);
        assertThat(resources.hypervisorType()).isEqualTo("QEMU");
        assertThat(resources.hypervisorHostname()).isEqualTo("compute-01");
    }

    @Test
    void spawn_defines_and_starts_a_running_domain_that_libvirt_lists() {
        InstanceSpec spec = Specs.instance(10).build();

        driver.spawn(spec);

        assertThat(driver.connected()).isTrue();
        assertThat(driver.getInfo("instance-0000000a"))
                .contains(new InstanceInfo("instance-0000000a", PowerState.RUNNING, 2048 * 1024, 1));
        assertThat(driver.listInstances()).containsExactly("instance-0000000a");
        try (Guest guest = domain("instance-0000000a")) {
            assertThat(guest.isActive()).isTrue();
            assertThat(guest.id()).isPositive();
        }
    }

    @Test
    void power_off_shuts_the_domain_off_and_power_on_starts_it_again() {
        driver.spawn(Specs.instance(1).build());

        driver.powerOff("instance-00000001");
        assertThat(state("instance-00000001")).isEqualTo(PowerState.SHUTDOWN);
        try (Guest guest = domain("instance-00000001")) {
            assertThat(guest.isActive()).isFalse();
        }
        assertThat(driver.listInstances()).containsExactly("instance-00000001");

        driver.powerOn("instance-00000001");
        assertThat(state("instance-00000001")).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void soft_and_hard_reboots_leave_the_domain_running_under_a_new_domain_id() {
        driver.spawn(Specs.instance(1).build());
        int firstId = domainId("instance-00000001");

        driver.reboot("instance-00000001", false);
        int afterSoft = domainId("instance-00000001");
        driver.reboot("instance-00000001", true);

        assertThat(state("instance-00000001")).isEqualTo(PowerState.RUNNING);
        assertThat(afterSoft).isNotEqualTo(firstId);
        assertThat(domainId("instance-00000001")).isNotEqualTo(afterSoft);
    }

    @Test
    void reboot_starts_a_stopped_guest() {
        driver.spawn(Specs.instance(1).build());
        driver.powerOff("instance-00000001");

        driver.reboot("instance-00000001", false);

        assertThat(state("instance-00000001")).isEqualTo(PowerState.RUNNING);
    }

    @Test
    void destroy_removes_the_domain_from_libvirt() {
        driver.spawn(Specs.instance(1).build());
        driver.spawn(Specs.instance(2).named("db").build());

        driver.destroy("instance-00000001");

        assertThat(driver.listInstances()).containsExactly("instance-00000002");
        assertThat(driver.getInfo("instance-00000001")).isEmpty();
        assertThat(driver.domainXml("instance-00000001")).isEmpty();
        assertThat(driver.consoleLog("instance-00000001")).isEmpty();
    }

    @Test
    void destroy_also_removes_a_stopped_domain() {
        driver.spawn(Specs.instance(1).build());
        driver.powerOff("instance-00000001");

        driver.destroy("instance-00000001");

        assertThat(driver.listInstances()).isEmpty();
    }

    @Test
    void reports_each_flavors_memory_and_vcpus_as_libvirt_counts_them() {
        driver.spawn(Specs.instance(1).flavor("m1.large", 8192, 4, 80).build());
        driver.spawn(Specs.instance(2).flavor("m1.tiny", 512, 1, 1).build());

        assertThat(driver.getInfo("instance-00000001").map(i -> List.of(i.memoryKib(), i.vcpus())))
                .contains(List.of(8388608, 4));
        assertThat(driver.getInfo("instance-00000002").map(i -> List.of(i.memoryKib(), i.vcpus())))
                .contains(List.of(524288, 1));
        driver.powerOff("instance-00000001");
        assertThat(driver.getInfo("instance-00000001").map(InstanceInfo::memoryKib)).contains(8388608);
    }

    @Test
    void two_hosts_have_independent_hypervisors() {
        try (Closing other = new Closing(new LibvirtDriver(Specs.computeHost("compute-02")))) {
            driver.spawn(Specs.instance(1).build());
            other.driver.spawn(Specs.instance(2).build());

            driver.powerOff("instance-00000001");

            assertThat(driver.listInstances()).containsExactly("instance-00000001");
            assertThat(other.driver.listInstances()).containsExactly("instance-00000002");
            assertThat(other.driver.getInfo("instance-00000001")).isEmpty();
            assertThat(other.driver.getInfo("instance-00000002").map(InstanceInfo::state)).contains(PowerState.RUNNING);
        }
    }

    @Test
    void keeps_novas_xml_as_the_domain_xml_and_the_first_boot_as_the_console_log() {
        InstanceSpec spec = Specs.instance(1).build();

        driver.spawn(spec);

        assertThat(driver.domainXml("instance-00000001")).contains(GuestConfig.of(spec, driver.host()).toXml());
        assertThat(driver.consoleLog("instance-00000001").orElseThrow())
                .startsWith("[    0.000000] Linux version")
                .endsWith("nebula-web-01 login: \n");
    }

    @Test
    void defines_every_guest_variant_nova_writes_on_the_test_driver() {
        driver.spawn(Specs.instance(1).pci("gpu", 2).ephemeral(10, 512).build());
        driver.spawn(Specs.instance(2).property("os_secure_boot", "required").build());
        driver.spawn(Specs.instance(3).vifs().cirros().build());
        try (Closing arm = new Closing(new LibvirtDriver(Specs.armHost("arm-01")))) {
            arm.driver.spawn(Specs.instance(4).build());
            assertThat(arm.driver.getInfo("instance-00000004").map(InstanceInfo::state)).contains(PowerState.RUNNING);
        }

        assertThat(driver.listInstances()).containsExactly("instance-00000001", "instance-00000002", "instance-00000003");
    }

    @Test
    void power_actions_on_an_unknown_guest_raise_instance_not_found() {
        driver.spawn(Specs.instance(1).build());

        assertThatThrownBy(() -> driver.powerOff("instance-000000ff"))
                .isInstanceOf(HypervisorError.class)
                .hasMessage("Instance instance-000000ff could not be found.")
                .satisfies(e -> assertThat(((HypervisorError) e).code()).isEqualTo("InstanceNotFound"));
        assertThatThrownBy(() -> driver.reboot("instance-000000ff", true)).isInstanceOf(HypervisorError.class);
    }

    @Test
    void spawning_a_name_twice_is_refused_as_libvirt_refuses_it() {
        InstanceSpec spec = Specs.instance(1).build();
        driver.spawn(spec);

        assertThatThrownBy(() -> driver.spawn(spec))
                .isInstanceOf(HypervisorError.class)
                .hasMessage("operation failed: domain 'instance-00000001' already exists with uuid " + spec.uuid());
    }

    @Test
    void a_guest_asking_for_more_gpus_than_are_free_fails_and_takes_none() {
        driver.spawn(Specs.instance(1).pci("gpu", 1).build());

        assertThatThrownBy(() -> driver.spawn(Specs.instance(2).pci("gpu", 2).build()))
                .isInstanceOf(HypervisorError.class)
                .hasMessage("PCI device request [{'count': 2, 'alias_name': 'gpu'}] failed");
        driver.spawn(Specs.instance(3).pci("gpu", 1).build());
        assertThat(driver.domainXml("instance-00000003").orElseThrow()).contains("bus=\"0x82\"");
    }

    @Test
    void a_destroyed_guest_gives_its_gpu_back() {
        driver.spawn(Specs.instance(1).pci("gpu", 2).build());
        driver.destroy("instance-00000001");

        driver.spawn(Specs.instance(2).pci("gpu", 2).build());

        assertThat(driver.domainXml("instance-00000002").orElseThrow()).contains("bus=\"0x81\"", "bus=\"0x82\"");
    }

    @Test
    void a_closed_driver_reports_the_hypervisor_unavailable() {
        driver.spawn(Specs.instance(1).build());

        driver.close();

        assertThatThrownBy(driver::listInstances)
                .isInstanceOf(HypervisorError.class)
                .hasMessage("Connection to the hypervisor is broken on host: compute-01");
    }

    @Test
    void stamps_later_boots_with_the_clock_it_was_given() {
        Instant[] now = {Instant.parse("2026-09-14T10:30:00Z")};
        try (Closing clocked = new Closing(new LibvirtDriver(Specs.computeHost("compute-03"), () -> now[0]))) {
            clocked.driver.spawn(Specs.instance(1).build());

            clocked.driver.reboot("instance-00000001", true);

            assertThat(clocked.driver.consoleLog("instance-00000001").orElseThrow())
                    .contains("running 'init' at Mon, 14 Sep 2026 10:30:0");
        }
    }

    private PowerState state(String name) {
        return driver.getInfo(name).map(InstanceInfo::state).orElseThrow();
    }

    private Guest domain(String name) {
        return driver.libvirtHost().getGuest(name);
    }

    private int domainId(String name) {
        try (Guest guest = domain(name)) {
            return guest.id();
        }
    }

    private record Closing(LibvirtDriver driver) implements AutoCloseable {
        @Override
        public void close() {
            driver.close();
        }
    }
}

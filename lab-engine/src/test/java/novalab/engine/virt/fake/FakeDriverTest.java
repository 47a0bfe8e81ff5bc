package novalab.engine.virt.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import novalab.engine.virt.HypervisorError;
import novalab.engine.virt.InstanceInfo;
import novalab.engine.virt.PowerState;
import novalab.engine.virt.Specs;
import novalab.engine.virt.libvirt.GuestConfig;
import org.junit.jupiter.api.Test;

class FakeDriverTest {
    private final FakeDriver driver = new FakeDriver(Specs.computeHost("compute-01"));

    @Test
    void names_itself_as_nova_conf_does() {
        assertThat(driver.name()).isEqualTo("fake.FakeDriver");
    }

    @Test
    void spawn_keeps_a_running_guest_with_novas_xml_and_its_first_boot() {
        var spec = Specs.instance(1).build();

        driver.spawn(spec);

        assertThat(driver.getInfo("instance-00000001"))
                .contains(new InstanceInfo("instance-00000001", PowerState.RUNNING, 2097152, 1));
        assertThat(driver.listInstances()).containsExactly("instance-00000001");
        assertThat(driver.domainXml("instance-00000001")).contains(GuestConfig.of(spec, driver.host()).toXml());
        assertThat(driver.consoleLog("instance-00000001").orElseThrow()).contains("DHCPACK of 10.0.0.12 from 10.0.0.2");
    }

    @Test
    void power_off_then_on_goes_shutdown_then_running() {
        driver.spawn(Specs.instance(1).build());

        driver.powerOff("instance-00000001");
        assertThat(driver.getInfo("instance-00000001").map(InstanceInfo::state)).contains(PowerState.SHUTDOWN);
        assertThat(driver.consoleLog("instance-00000001").orElseThrow()).endsWith("reboot: Power down\n");

        driver.powerOn("instance-00000001");
        assertThat(driver.getInfo("instance-00000001").map(InstanceInfo::state)).contains(PowerState.RUNNING);
    }

    @Test
    void stopping_a_stopped_guest_changes_nothing() {
        driver.spawn(Specs.instance(1).build());
        driver.powerOff("instance-00000001");
        String log = driver.consoleLog("instance-00000001").orElseThrow();

        driver.powerOff("instance-00000001");

        assertThat(driver.consoleLog("instance-00000001")).contains(log);
    }

    @Test
    void destroy_forgets_the_guest_and_ignores_unknown_ones() {
        driver.spawn(Specs.instance(1).build());

        driver.destroy("instance-00000001");
        driver.destroy("instance-00000001");

        assertThat(driver.listInstances()).isEmpty();
        assertThat(driver.consoleLog("instance-00000001")).isEmpty();
    }

    @Test
    void power_on_of_an_unknown_guest_raises_instance_not_found() {
        assertThatThrownBy(() -> driver.powerOn("instance-00000009"))
                .isInstanceOf(HypervisorError.class)
                .hasMessage("Instance instance-00000009 could not be found.");
    }
}

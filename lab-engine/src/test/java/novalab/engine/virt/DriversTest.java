package novalab.engine.virt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DriversTest {

    @Test
    void libvirt_is_the_default_where_it_loads() {
        assertThat(Drivers.defaultKind()).isEqualTo("libvirt");
    }

    @Test
    void creates_drivers_by_short_and_nova_conf_names() {
        HostSpec host = Specs.computeHost("compute-01");

        assertThat(Drivers.create("libvirt", host).name()).isEqualTo("libvirt.LibvirtDriver");
        assertThat(Drivers.create("fake.FakeDriver", host).name()).isEqualTo("fake.FakeDriver");
    }

    @Test
    void refuses_an_unknown_driver() {
        assertThatThrownBy(() -> Drivers.create("xenapi", Specs.computeHost("compute-01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xenapi");
    }
}

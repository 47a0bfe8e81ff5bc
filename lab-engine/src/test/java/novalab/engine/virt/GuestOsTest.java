package novalab.engine.virt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GuestOsTest {

    @Test
    void picks_the_profile_from_os_distro_and_os_version() {
        GuestOs focal = GuestOs.of(Map.of("os_distro", "ubuntu", "os_version", "20.04"), "", "x86_64");

        assertThat(focal.prettyName()).isEqualTo("Ubuntu 20.04.6 LTS");
        assertThat(focal.defaultUser()).isEqualTo("ubuntu");
        assertThat(focal.osRelease()).contains("VERSION_CODENAME=focal\n");
    }

    @Test
    void falls_back_to_the_image_name_when_properties_are_missing() {
        GuestOs cirros = GuestOs.of(Map.of(), "cirros-0.5.2-x86_64-disk", "x86_64");

        assertThat(cirros.distro()).isEqualTo("cirros");
        assertThat(cirros.version()).isEqualTo("0.5.2");
        assertThat(cirros.defaultUser()).isEqualTo("cirros");
    }

    @Test
    void treats_an_unknown_image_as_ubuntu_jammy() {
        assertThat(GuestOs.of(Map.of(), "my-golden-image", "x86_64").prettyName()).isEqualTo("Ubuntu 22.04.3 LTS");
    }

    @Test
    void prints_uname_a_with_the_hostname_as_ubuntu_and_busybox_do() {
        GuestOs jammyArm = GuestOs.of(Map.of("os_distro", "ubuntu"), "", "aarch64");
        GuestOs cirros = GuestOs.of(Map.of("os_distro", "cirros"), "", "x86_64");

        assertThat(jammyArm.uname("nebula-web-01")).isEqualTo(
                "Linux nebula-web-01 5.15.0-91-generic #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023 "
                + "aarch64 aarch64 aarch64 GNU/Linux");
        assertThat(cirros.uname("c1")).isEqualTo(
                "Linux c1 5.15.0-71-generic #78-Ubuntu SMP Tue Apr 18 09:00:29 UTC 2023 x86_64 GNU/Linux");
    }

    @Test
    void the_image_architecture_wins_over_the_hosts() {
        InstanceSpec spec = Specs.instance(1).property("hw_architecture", "aarch64").build();

        assertThat(GuestOs.of(spec, Specs.computeHost("compute-01")).arch()).isEqualTo("aarch64");
    }

    @Test
    void os_release_of_cirros_names_its_version() {
        assertThat(GuestOs.of(Map.of("os_distro", "cirros", "os_version", "0.6.2"), "", "x86_64").osRelease())
                .contains("ID=cirros\n", "PRETTY_NAME=\"CirrOS 0.6.2\"\n");
    }
}

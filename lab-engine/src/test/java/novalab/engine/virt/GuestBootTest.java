package novalab.engine.virt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GuestBootTest {
    private final HostSpec host = Specs.computeHost("compute-01");

    @Test
    void an_ubuntu_console_shows_the_ip_hostname_mac_and_injected_key() {
        String console = GuestBoot.firstBoot(Specs.instance(1).build(), host);

        assertThat(console)
                .contains("DHCPACK of 10.0.0.12 from 10.0.0.2")
                .contains("|  ens3  | True |          10.0.0.12           | 255.255.255.0 | global | fa:16:3e:5d:c7:9e |")
                .contains("Hostname set to <nebula-web-01> (static)")
                .contains("ci-info: | ssh-rsa | " + Specs.KEY_FINGERPRINT + " |    -    | alice@laptop |")
                .contains("Authorized keys from /home/ubuntu/.ssh/authorized_keys for user ubuntu")
                .contains("-----BEGIN SSH HOST KEY FINGERPRINTS-----")
                .endsWith("\nUbuntu 22.04.3 LTS nebula-web-01 ttyS0\n\nnebula-web-01 login: \n");
    }

    @Test
    void cloud_init_runs_at_the_boot_instant_in_rfc_2822() {
        String console = GuestBoot.firstBoot(Specs.instance(1).bootedAt(Instant.parse("2026-09-14T09:00:07Z")).build(), host);

        assertThat(console).containsPattern(
                "cloud-init\\[\\d+\\]: Cloud-init v\\. 22\\.2 running 'init' at Mon, 14 Sep 2026 09:00:1[1-2] \\+0000\\. "
                + "Up 4\\.\\d\\d seconds\\.");
    }

    @Test
    void the_kernel_reports_the_flavors_memory_and_vcpus() {
        String console = GuestBoot.firstBoot(Specs.instance(1).flavor("m1.medium", 4096, 2, 40).build(), host);

        assertThat(console)
                .startsWith("[    0.000000] Linux version 5.15.0-91-generic ")
                .contains("Command line: BOOT_IMAGE=/boot/vmlinuz-5.15.0-91-generic root=LABEL=cloudimg-rootfs ro "
                          + "console=tty1 console=ttyS0")
                .containsPattern("Memory: \\d+K/4193768K available")
                .contains("smpboot: Allowing 2 CPUs, 0 hotplug CPUs", "smp: Brought up 1 node, 2 CPUs")
                .contains("smpboot: CPU0: Intel Xeon Processor (Cascadelake)")
                .contains("virtio_net virtio0 ens3: renamed from eth0")
                .contains("EXT4-fs (vda1): mounted filesystem");
    }

    @Test
    void a_cirros_console_shows_the_udhcpc_lease_the_metadata_and_the_cirros_login() {
        String console = GuestBoot.firstBoot(Specs.instance(10).cirros().build(), host);

        assertThat(console)
                .contains("udhcpc: lease of 10.0.0.12 obtained from 10.0.0.2, lease time 86400")
                .contains("successful after 1/20 tries")
                .contains("iid=i-0000000a")
                .contains("if-info: eth0,up,10.0.0.12,24,fe80::f816:3eff:fe5d:c79e/64,")
                .contains("local-hostname: nebula-web-01.novalocal")
                .endsWith("login as 'cirros' user. default password: 'gocubsgo'. use 'sudo' for root.\n"
                          + "nebula-web-01 login: \n");
    }

    @Test
    void a_guest_without_a_port_shows_the_dhcp_and_metadata_failures_and_keeps_the_image_hostname() {
        String ubuntu = GuestBoot.firstBoot(Specs.instance(1).vifs().build(), host);
        String cirros = GuestBoot.firstBoot(Specs.instance(2).cirros().vifs().build(), host);

        assertThat(ubuntu)
                .contains("Did not find a fallback interface on OpenStack.")
                .contains("[Errno 101] Network is unreachable")
                .contains("Datasource DataSourceNone.")
                .doesNotContain("Authorized keys")
                .endsWith("ubuntu login: \n");
        assertThat(cirros)
                .contains("udhcpc: no lease, failing", "failed 20/20", "failed to read iid from metadata. tried 20")
                .endsWith("cirros login: \n");
    }

    @Test
    void a_second_port_shows_as_a_second_nic() {
        InstanceSpec spec = Specs.instance(1).vifs(Specs.vif(Specs.PORT, Specs.MAC, "10.0.0.12"),
                new InstanceSpec.Vif("7c1d0e2f-3a4b-4c5d-8e9f-0a1b2c3d4e5f", "net-2", "storage", "fa:16:3e:01:02:03",
                        "192.168.7.40", "192.168.7.0/25", "192.168.7.1", 9000)).build();

        assertThat(GuestBoot.firstBoot(spec, host))
                .contains("virtio_net virtio1 ens4: renamed from eth1")
                .contains("|  ens4  | True |         192.168.7.40         | 255.255.255.128 | global | fa:16:3e:01:02:03 |");
        assertThat(GuestBoot.firstBoot(Specs.instance(2).cirros().vifs(spec.vifs().toArray(InstanceSpec.Vif[]::new))
                .build(), host)).contains("if-info: eth1,down,,,");
    }

    @Test
    void an_ipv6_only_port_boots_without_dhcpv4() {
        InstanceSpec spec = Specs.instance(1).vifs(new InstanceSpec.Vif(Specs.PORT, "net-6", "v6", Specs.MAC,
                "fd00:10::5", "fd00:10::/64", "fd00:10::1", 1450)).build();

        assertThat(GuestBoot.firstBoot(spec, host)).contains("fd00:10::5", "fe80::f816:3eff:fe5d:c79e/64");
    }

    @Test
    void a_guest_without_a_key_reports_no_authorized_keys() {
        assertThat(GuestBoot.firstBoot(Specs.instance(1).noKey().build(), host))
                .contains("ci-info: no authorized SSH keys fingerprints found for user ubuntu.");
    }

    @Test
    void an_aarch64_guest_boots_like_arm_hardware() {
        String console = GuestBoot.firstBoot(Specs.instance(1).build(), Specs.armHost("arm-01"));

        assertThat(console)
                .startsWith("[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]\n")
                .contains("Machine model: linux,dummy-virt", "efi: EFI v2.70 by EDK II",
                        "virtio_net virtio0 enp1s0: renamed from eth0", "Detected architecture arm64.")
                .endsWith("Ubuntu 22.04.3 LTS nebula-web-01 ttyAMA0\n\nnebula-web-01 login: \n");
    }

    @Test
    void a_secure_boot_guest_says_so_on_its_console() {
        assertThat(GuestBoot.firstBoot(Specs.instance(1).property("os_secure_boot", "required").build(), host))
                .contains("secureboot: Secure boot enabled", "virtio_net virtio0 enp1s0: renamed from eth0");
    }

    @Test
    void the_same_spec_gives_the_same_text_and_host_keys_differ_per_instance() {
        String once = GuestBoot.firstBoot(Specs.instance(1).build(), host);
        String again = GuestBoot.firstBoot(Specs.instance(1).build(), host);
        String other = GuestBoot.firstBoot(Specs.instance(2).build(), host);

        assertThat(again).isEqualTo(once);
        assertThat(fingerprints(other)).isNotEqualTo(fingerprints(once));
    }

    @Test
    void a_later_boot_runs_no_per_instance_modules() {
        GuestBoot boot = new GuestBoot(Specs.instance(1).build(), host);

        String second = boot.boot(Instant.parse("2026-09-14T12:00:00Z"), 2).text();

        assertThat(second)
                .contains("systemd[1]: Hostname set to <nebula-web-01>.", "Mon, 14 Sep 2026 12:00:0")
                .doesNotContain("SSH HOST KEY", "Authorized keys", "DHCPACK");
    }

    @Test
    void consoles_stay_within_a_screenful_or_so() {
        for (var spec : new InstanceSpec[] {Specs.instance(1).build(), Specs.instance(2).cirros().build(),
                Specs.instance(3).vifs().build()}) {
            assertThat(GuestBoot.firstBoot(spec, host).lines().count()).isBetween(40L, 90L);
        }
    }

    @Test
    void a_shutdown_ends_with_the_kernel_power_down_at_the_uptime() {
        String lines = new GuestBoot(Specs.instance(1).build(), host).shutdown(3600.25);

        assertThat(lines).contains("Reached target System Power Off.").endsWith("[ 3600.250000] reboot: Power down\n");
    }

    private static String fingerprints(String console) {
        return console.lines().filter(l -> l.contains("SHA256:")).reduce("", String::concat);
    }
}

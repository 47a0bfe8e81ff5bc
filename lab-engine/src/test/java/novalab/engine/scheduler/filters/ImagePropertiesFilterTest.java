package novalab.engine.scheduler.filters;

import static novalab.engine.scheduler.FakeHostStates.host;
import static novalab.engine.scheduler.FakeHostStates.tuple;
import static novalab.engine.scheduler.FakeRequestSpecs.options;
import static novalab.engine.scheduler.FakeRequestSpecs.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import novalab.engine.scheduler.FakeHostStates;
import novalab.engine.scheduler.FakeRequestSpecs;
import novalab.engine.scheduler.HostState;
import org.junit.jupiter.api.Test;

/** Vectors F1–F15 (nova test_image_props_filters.py) and the course's trait extension. */
class ImagePropertiesFilterTest {
    private final ImagePropertiesFilter filter = new ImagePropertiesFilter(options());
    private final List<String> reasons = new ArrayList<>();

    /** A host advertising one tuple, hypervisor 6.0.0. */
    private static FakeHostStates.Builder kvmHost(String arch, String hvType, String vmMode) {
        return host("host1").withSupportedInstances(tuple(arch, hvType, vmMode)).withHypervisorVersion(6_000_000);
    }

    private static FakeRequestSpecs.Builder image(String arch, String hvType, String vmMode) {
        return request().withImageProperty("hw_architecture", arch).withImageProperty("img_hv_type", hvType)
                .withImageProperty("hw_vm_mode", vmMode);
    }

    private boolean passes(HostState h, FakeRequestSpecs.Builder spec) {
        return filter.hostPasses(h, spec.build(), reasons::add);
    }

    @Test
    void vector_F1_matching_tuple_and_version_range_passes() {
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(),
                image("x86_64", "kvm", "hvm").withImageProperty("img_hv_requested_version", ">=6.0,<6.2"))).isTrue();
    }

    @Test
    void vector_F2_default_architecture_applies_to_an_image_without_properties() {
        ImagePropertiesFilter withDefault = new ImagePropertiesFilter(options(Optional.of("x86_64"), List.of()));

        assertThat(withDefault.hostPasses(kvmHost("aarch64", "kvm", "hvm").build(), request().build(), reasons::add)).isFalse();
    }

    @Test
    void vector_F3_other_architecture_and_hypervisor_fail_with_nova_debug_text() {
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(), image("armv7", "qemu", "hvm"))).isFalse();
        assertThat(reasons).containsExactly(
                "Instance contains properties ImageMetaProps(hw_architecture='armv7',hw_vm_mode='hvm',img_hv_type='qemu')"
                        + " that are not provided by the compute node supported_instances [['x86_64', 'kvm', 'hvm']]"
                        + " or hypervisor version 6000000 do not match",
                "(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0 does not support requested instance_properties");
    }

    @Test
    void vector_F4_too_old_hypervisor_fails() {
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(),
                image("x86_64", "kvm", "hvm").withImageProperty("img_hv_requested_version", ">=6.2"))).isFalse();
    }

    @Test
    void vector_F5_unset_hypervisor_type_matches_any() {
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(),
                request().withImageProperty("hw_architecture", "x86_64").withImageProperty("hw_vm_mode", "hvm"))).isTrue();
    }

    @Test
    void vector_F6_vm_mode_the_host_lacks_fails() {
        assertThat(passes(kvmHost("x86_64", "xen", "xen").build(),
                request().withImageProperty("hw_architecture", "x86_64").withImageProperty("hw_vm_mode", "hvm"))).isFalse();
    }

    @Test
    void vector_F7_image_without_properties_passes() {
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(), request())).isTrue();
    }

    @Test
    void vector_F8_host_advertising_nothing_fails() {
        HostState h = host("host1").withSupportedInstances().withHypervisorVersion(6_000_000).build();

        assertThat(passes(h, image("x86_64", "kvm", "hvm"))).isFalse();
        assertThat(reasons.get(0)).isEqualTo("Instance contains properties "
                + "ImageMetaProps(hw_architecture='x86_64',hw_vm_mode='hvm',img_hv_type='kvm'), "
                + "but no corresponding supported_instances are advertised by the compute node");
    }

    @Test
    void vector_F9_unknown_hypervisor_version_skips_the_version_check() {
        HostState h = kvmHost("x86_64", "kvm", "hvm").withoutHypervisorVersion().build();

        assertThat(passes(h, image("x86_64", "kvm", "hvm").withImageProperty("img_hv_requested_version", ">=6.0"))).isTrue();
    }

    @Test
    void vector_F10_hypervisor_5000_is_older_than_6_0() {
        HostState h = kvmHost("x86_64", "kvm", "hvm").withHypervisorVersion(5000).build();

        assertThat(passes(h, image("x86_64", "kvm", "hvm").withImageProperty("img_hv_requested_version", ">=6.0"))).isFalse();
    }

    @Test
    void vector_F11_vm_mode_pv_means_xen() {
        assertThat(passes(kvmHost("x86_64", "xen", "xen").build(), request().withImageProperty("hw_vm_mode", "pv"))).isTrue();
    }

    @Test
    void vector_F12_vm_mode_hv_means_hvm() {
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(), request().withImageProperty("hw_vm_mode", "hv"))).isTrue();
    }

    @Test
    void vector_F13_architecture_x86_32_means_i686() {
        assertThat(passes(kvmHost("i686", "kvm", "hvm").build(), request().withImageProperty("hw_architecture", "x86_32"))).isTrue();
    }

    @Test
    void vector_F14_hypervisor_type_xapi_means_xen() {
        assertThat(passes(kvmHost("i686", "xen", "hvm").build(), request().withImageProperty("img_hv_type", "xapi"))).isTrue();
    }

    @Test
    void vector_F15_vm_mode_baremetal_means_hvm() {
        assertThat(passes(kvmHost("i686", "baremetal", "hvm").build(), request().withImageProperty("hw_vm_mode", "baremetal"))).isTrue();
    }

    @Test
    void amd64_means_x86_64() {
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(), request().withImageProperty("hw_architecture", "AMD64"))).isTrue();
    }

    @Test
    void version_range_excludes_its_upper_bound() {
        HostState h = kvmHost("x86_64", "kvm", "hvm").withHypervisorVersion(6_002_000).build();

        assertThat(passes(h, image("x86_64", "kvm", "hvm").withImageProperty("img_hv_requested_version", ">=6.0,<6.2"))).isFalse();
    }

    @Test
    void course_extension_required_trait_passes_on_a_host_with_the_trait() {
        HostState h = kvmHost("x86_64", "kvm", "hvm").withTraits("CUSTOM_GPU").build();

        assertThat(passes(h, request().withImageProperty("trait:CUSTOM_GPU", "required"))).isTrue();
    }

    @Test
    void course_extension_required_trait_fails_on_a_host_without_it() {
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(), request().withImageProperty("trait:CUSTOM_GPU", "required"))).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0"
                + " does not have trait CUSTOM_GPU required by image property trait:CUSTOM_GPU=required");
    }

    @Test
    void course_extension_required_secure_boot_needs_the_uefi_secure_boot_trait() {
        FakeRequestSpecs.Builder secure = request().withImageProperty("os_secure_boot", "required");

        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").withTraits("COMPUTE_SECURITY_UEFI_SECURE_BOOT").build(), secure)).isTrue();
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(), secure)).isFalse();
        assertThat(reasons).containsExactly("(host1, host1) ram: 2048MB disk: 20480MB io_ops: 0 instances: 0 does not have"
                + " trait COMPUTE_SECURITY_UEFI_SECURE_BOOT required by image property os_secure_boot=required");
    }

    @Test
    void course_extension_optional_secure_boot_and_forbidden_traits_are_not_checked() {
        assertThat(passes(kvmHost("x86_64", "kvm", "hvm").build(), request().withImageProperty("os_secure_boot", "optional")
                .withImageProperty("trait:CUSTOM_GPU", "forbidden"))).isTrue();
    }

    @Test
    void runs_once_per_request() {
        assertThat(filter.runFilterOncePerRequest()).isTrue();
    }
}

package novalab.engine.scheduler.filters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import novalab.engine.scheduler.HostState;
import novalab.engine.scheduler.HostState.SupportedInstance;
import novalab.engine.scheduler.RequestSpec;
import novalab.engine.scheduler.SchedulerOptions;

/**
 * Simulates nova.scheduler.filters.image_props_filter.ImagePropertiesFilter. The image's canonical
 * {@code hw_architecture} (default {@code image_properties_default_architecture}), {@code img_hv_type} and
 * {@code hw_vm_mode} must all appear in one of the host's supported_instances tuples, and
 * {@code img_hv_requested_version} (e.g. {@code ">=6.0,<6.2"}) must accept the host's hypervisor_version.
 * As the course's extension, the lecture notes' "specific hardware requirements like GPUs or Secure Boot"
 * are checked here too: {@code trait:<NAME>=required} needs host trait NAME and
 * {@code os_secure_boot=required} needs COMPUTE_SECURITY_UEFI_SECURE_BOOT, which real Nova instead asks
 * Placement for as required traits. We print the image properties as only those set, where Nova prints
 * every ImageMetaProps field.
 */
public final class ImagePropertiesFilter implements HostFilter {
    static final String SECURE_BOOT_TRAIT = "COMPUTE_SECURITY_UEFI_SECURE_BOOT";

    private final Optional<String> defaultArchitecture;

    public ImagePropertiesFilter(SchedulerOptions opts) {
        this.defaultArchitecture = opts.imagePropertiesDefaultArchitecture();
    }

    @Override
    public boolean hostPasses(HostState host, RequestSpec spec, Why why) {
        Map<String, String> props = spec.image().properties();
        if (!instanceSupported(host, props, why)) {
            why.because(host + " does not support requested instance_properties");
            return false;
        }
        return requiredTraitsPresent(host, props, why);
    }

    @Override
    public boolean runFilterOncePerRequest() { return true; }

    private boolean instanceSupported(HostState host, Map<String, String> props, Why why) {
        String arch = canonicalArch(Optional.ofNullable(props.get("hw_architecture")).or(() -> defaultArchitecture));
        String hvType = canonicalHvType(Optional.ofNullable(props.get("img_hv_type")));
        String vmMode = canonicalVmMode(Optional.ofNullable(props.get("hw_vm_mode")));
        List<String> checked = new ArrayList<>();
        for (String p : new String[] {arch, hvType, vmMode}) {
            if (!p.isEmpty()) checked.add(p);
        }
        if (checked.isEmpty()) {
            return true;
        }
        if (host.supportedInstances().isEmpty()) {
            why.because("Instance contains properties " + propsRepr(props)
                    + ", but no corresponding supported_instances are advertised by the compute node");
            return false;
        }
        for (SupportedInstance si : host.supportedInstances()) {
            List<String> tuple = List.of(si.arch(), si.hvType(), si.vmMode());
            if (tuple.containsAll(checked) && versionMatches(host.hypervisorVersion(), props.get("img_hv_requested_version"))) {
                return true;
            }
        }
        why.because("Instance contains properties " + propsRepr(props)
                + " that are not provided by the compute node supported_instances " + supportedRepr(host)
                + " or hypervisor version " + versionRepr(host.hypervisorVersion()) + " do not match");
        return false;
    }

    private static boolean requiredTraitsPresent(HostState host, Map<String, String> props, Why why) {
        for (Map.Entry<String, String> e : new TreeMap<>(props).entrySet()) {
            String trait;
            if (e.getKey().startsWith("trait:") && e.getValue().equals("required")) {
                trait = e.getKey().substring("trait:".length());
            } else if (e.getKey().equals("os_secure_boot") && e.getValue().equals("required")) {
                trait = SECURE_BOOT_TRAIT;
            } else {
                continue;
            }
            if (!host.traits().contains(trait)) {
                why.because(host + " does not have trait " + trait + " required by image property "
                        + e.getKey() + "=" + e.getValue());
                return false;
            }
        }
        return true;
    }

    /** Nova's {@code Architecture.canonicalize}: lower case, i386..i586 and x86_32 are i686, amd64 is x86_64. */
    static String canonicalArch(Optional<String> name) {
        String n = name.orElse("").toLowerCase(Locale.ROOT);
        return switch (n) {
            case "i386", "i486", "i586", "x86_32", "x86_32p" -> "i686";
            case "amd64" -> "x86_64";
            default -> n;
        };
    }

    /** Nova's {@code HVType.canonicalize}: lower case, xapi is xen (qemu and kvm stay distinct). */
    static String canonicalHvType(Optional<String> name) {
        String n = name.orElse("").toLowerCase(Locale.ROOT);
        return n.equals("xapi") ? "xen" : n;
    }

    /** Nova's {@code VMMode.canonicalize}: lower case, pv is xen, hv and baremetal are hvm. */
    static String canonicalVmMode(Optional<String> name) {
        String n = name.orElse("").toLowerCase(Locale.ROOT);
        return switch (n) {
            case "pv" -> "xen";
            case "hv", "baremetal" -> "hvm";
            default -> n;
        };
    }

    /** Passes when either side is unset; otherwise the predicate must accept the host's version. */
    private static boolean versionMatches(OptionalInt hypervisorVersion, String required) {
        if (hypervisorVersion.isEmpty() || hypervisorVersion.getAsInt() == 0 || required == null || required.isBlank()) {
            return true;
        }
        return VersionPredicate.parse(required)
                .map(p -> p.satisfiedBy(VersionPredicate.versionToString(hypervisorVersion.getAsInt())))
                .orElse(false);
    }

    private static String propsRepr(Map<String, String> props) {
        return new TreeMap<>(props).entrySet().stream()
                .map(e -> e.getKey() + "=" + Py.repr(e.getValue()))
                .collect(Collectors.joining(",", "ImageMetaProps(", ")"));
    }

    private static String supportedRepr(HostState host) {
        return host.supportedInstances().stream()
                .map(si -> "[" + Py.repr(si.arch()) + ", " + Py.repr(si.hvType()) + ", " + Py.repr(si.vmMode()) + "]")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String versionRepr(OptionalInt version) {
        return version.isPresent() ? Integer.toString(version.getAsInt()) : "None";
    }
}

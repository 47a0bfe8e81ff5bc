package novalab.engine.virt;

import java.util.Locale;
import java.util.Map;

/**
 * The operating system inside a guest, chosen from the Glance image properties the way cloud images
 * describe themselves ({@code os_distro}, {@code os_version}, {@code hw_architecture}): the login user,
 * {@code /etc/os-release}, the kernel and what {@code uname -a} prints. Known profiles: CirrOS 0.5.2
 * and 0.6.2, Ubuntu 20.04, 22.04 and 24.04; an unknown distro is treated as Ubuntu 22.04.
 *
 * @param distro        {@code cirros} or {@code ubuntu}, the {@code os_distro} value
 * @param version       {@code 0.6.2}, {@code 22.04}
 * @param prettyName    {@code CirrOS 0.6.2}, {@code Ubuntu 22.04.3 LTS}
 * @param defaultUser   the cloud image's login user ({@code cirros}, {@code ubuntu})
 * @param arch          {@code x86_64} or {@code aarch64}
 * @param kernelRelease {@code uname -r}, e.g. {@code 5.15.0-91-generic}
 * @param kernelVersion {@code uname -v}, e.g. {@code #101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023}
 * @param linuxBanner   the kernel's first log line after {@code Linux version}
 * @param cloudInit     the cloud-init version the image ships (empty for CirrOS, which has its own init)
 * @param systemd       the systemd version line the image boots with (empty for CirrOS's busybox init)
 * @param osRelease     the text of {@code /etc/os-release}
 */
public record GuestOs(String distro, String version, String prettyName, String defaultUser, String arch,
                      String kernelRelease, String kernelVersion, String linuxBanner, String cloudInit,
                      String systemd, String osRelease) {

    /** The profile for an instance's image on a host (the image's {@code hw_architecture} wins over the host's). */
    public static GuestOs of(InstanceSpec spec, HostSpec host) {
        return of(spec.imageProperties(), spec.osName() + " " + spec.imageName(),
                spec.imageProperties().getOrDefault("hw_architecture", host.arch()));
    }

    /**
     * The profile for image properties; {@code nameHint} (the image or OS name) decides when
     * {@code os_distro} or {@code os_version} is missing.
     */
    public static GuestOs of(Map<String, String> imageProperties, String nameHint, String arch) {
        String hint = nameHint.toLowerCase(Locale.ROOT);
        String distro = imageProperties.getOrDefault("os_distro", hint.contains("cirros") ? "cirros" : "ubuntu")
                .toLowerCase(Locale.ROOT);
        String version = imageProperties.getOrDefault("os_version", "");
        if ("cirros".equals(distro)) {
            boolean old = version.startsWith("0.5") || (version.isEmpty() && hint.contains("0.5"));
            return old ? cirros052(arch) : cirros062(arch);
        }
        if (version.isEmpty()) {
            version = hint.contains("20.04") ? "20.04" : hint.contains("24.04") ? "24.04" : "22.04";
        }
        if (version.startsWith("20.04")) return focal(arch);
        if (version.startsWith("24.04")) return noble(arch);
        return jammy(arch);
    }

    public boolean cirros() { return "cirros".equals(distro); }

    /** What {@code uname -a} prints on the guest called {@code hostname}. */
    public String uname(String hostname) {
        String machine = cirros() ? arch : arch + " " + arch + " " + arch;
        return "Linux " + hostname + " " + kernelRelease + " " + kernelVersion + " " + machine + " GNU/Linux";
    }

    /** The serial console device the kernel writes to: {@code ttyS0} on x86_64, {@code ttyAMA0} on aarch64. */
    public String serialTty() {
        return "aarch64".equals(arch) ? "ttyAMA0" : "ttyS0";
    }

    private static String builder(String arch, String x86, String arm) {
        return "aarch64".equals(arch) ? arm : x86;
    }

    private static GuestOs cirros062(String arch) {
        return cirros(arch, "0.6.2", "5.15.0-71-generic", "#78-Ubuntu SMP Tue Apr 18 09:00:29 UTC 2023",
                builder(arch, "buildd@lcy02-amd64-044", "buildd@bos02-arm64-052"),
                "gcc (Ubuntu 11.3.0-1ubuntu1~22.04) 11.3.0, GNU ld (GNU Binutils for Ubuntu) 2.38", "Ubuntu 5.15.0-71.78-generic 5.15.92");
    }

    private static GuestOs cirros052(String arch) {
        return cirros(arch, "0.5.2", "5.3.0-26-generic", "#28~18.04.1-Ubuntu SMP Wed Dec 18 16:40:14 UTC 2019",
                builder(arch, "buildd@lgw01-amd64-039", "buildd@bos02-arm64-038"),
                "gcc version 7.4.0 (Ubuntu 7.4.0-1ubuntu1~18.04.1)", "Ubuntu 5.3.0-26.28~18.04.1-generic 5.3.13");
    }

    /** A CirrOS release: it boots an Ubuntu kernel, so its banner names the Ubuntu build that kernel came from. */
    private static GuestOs cirros(String arch, String version, String release, String build, String builtBy, String compiler,
                                  String ubuntuKernel) {
        String banner = release + " (" + builtBy + ") (" + compiler + ") " + build + " (" + ubuntuKernel + ")";
        return new GuestOs("cirros", version, "CirrOS " + version, "cirros", arch, release, build, banner, "", "",
                cirrosRelease(version));
    }

    private static String cirrosRelease(String version) {
        return "NAME=\"CirrOS\"\nVERSION=\"" + version + "\"\nID=cirros\nVERSION_ID=\"" + version + "\"\n"
                + "PRETTY_NAME=\"CirrOS " + version + "\"\nHOME_URL=\"https://cirros-cloud.net\"\n"
                + "BUG_REPORT_URL=\"https://github.com/cirros-dev/cirros/issues\"\n";
    }

    private static GuestOs jammy(String arch) {
        String release = "5.15.0-91-generic";
        String build = "#101-Ubuntu SMP Tue Nov 14 13:30:08 UTC 2023";
        String banner = release + " (" + builder(arch, "buildd@lcy02-amd64-045", "buildd@bos02-arm64-051")
                + ") (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0, GNU ld (GNU Binutils for Ubuntu) 2.38) " + build
                + " (Ubuntu 5.15.0-91.101-generic 5.15.131)";
        return new GuestOs("ubuntu", "22.04", "Ubuntu 22.04.3 LTS", "ubuntu", arch, release, build, banner, "22.2",
                "systemd 249.11-0ubuntu3.11", """
                PRETTY_NAME="Ubuntu 22.04.3 LTS"
                NAME="Ubuntu"
                VERSION_ID="22.04"
                VERSION="22.04.3 LTS (Jammy Jellyfish)"
                VERSION_CODENAME=jammy
                ID=ubuntu
                ID_LIKE=debian
                HOME_URL="https://www.ubuntu.com/"
                SUPPORT_URL="https://help.ubuntu.com/"
                BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
                PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
                UBUNTU_CODENAME=jammy
                """);
    }

    private static GuestOs focal(String arch) {
        String release = "5.4.0-169-generic";
        String build = "#187-Ubuntu SMP Thu Nov 23 14:52:28 UTC 2023";
        String banner = release + " (" + builder(arch, "buildd@lcy02-amd64-102", "buildd@bos02-arm64-058")
                + ") (gcc version 9.4.0 (Ubuntu 9.4.0-1ubuntu1~20.04.2)) " + build
                + " (Ubuntu 5.4.0-169.187-generic 5.4.255)";
        return new GuestOs("ubuntu", "20.04", "Ubuntu 20.04.6 LTS", "ubuntu", arch, release, build, banner, "22.2",
                "systemd 245.4-4ubuntu3.22", """
                NAME="Ubuntu"
                VERSION="20.04.6 LTS (Focal Fossa)"
                ID=ubuntu
                ID_LIKE=debian
                PRETTY_NAME="Ubuntu 20.04.6 LTS"
                VERSION_ID="20.04"
                HOME_URL="https://www.ubuntu.com/"
                SUPPORT_URL="https://help.ubuntu.com/"
                BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
                PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
                VERSION_CODENAME=focal
                UBUNTU_CODENAME=focal
                """);
    }

    private static GuestOs noble(String arch) {
        String release = "6.8.0-31-generic";
        String build = "#31-Ubuntu SMP PREEMPT_DYNAMIC Sat Apr 20 00:40:06 UTC 2024";
        String gcc = builder(arch, "x86_64-linux-gnu-gcc-13", "aarch64-linux-gnu-gcc-13");
        String banner = release + " (" + builder(arch, "buildd@lcy02-amd64-080", "buildd@bos02-arm64-072")
                + ") (" + gcc + " (Ubuntu 13.2.0-23ubuntu4) 13.2.0, GNU ld (GNU Binutils for Ubuntu) 2.42) " + build
                + " (Ubuntu 6.8.0-31.31-generic 6.8.1)";
        return new GuestOs("ubuntu", "24.04", "Ubuntu 24.04 LTS", "ubuntu", arch, release, build, banner, "24.1.3",
                "systemd 255.4-1ubuntu8", """
                PRETTY_NAME="Ubuntu 24.04 LTS"
                NAME="Ubuntu"
                VERSION_ID="24.04"
                VERSION="24.04 LTS (Noble Numbat)"
                VERSION_CODENAME=noble
                ID=ubuntu
                ID_LIKE=debian
                HOME_URL="https://www.ubuntu.com/"
                SUPPORT_URL="https://help.ubuntu.com/"
                BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
                PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
                UBUNTU_CODENAME=noble
                LOGO=ubuntu-logo
                """);
    }
}

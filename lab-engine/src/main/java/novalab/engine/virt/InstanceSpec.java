package novalab.engine.virt;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a compute driver needs to spawn one guest: Nova's instance, flavor, image, network info and
 * injected key, flattened into values. The driver builds the libvirt domain XML and the guest's
 * console log from this alone.
 *
 * @param instanceName  {@code instance-0000000a}: instance_name_template applied to the cell DB id
 * @param hostname      Nova's sanitised hostname of the display name
 * @param creationTime  {@code 2026-09-14 09:00:05} (UTC), for nova:creationTime
 * @param bootedAt      simulated instant the guest powered on, for the console log's timestamps
 * @param imageProperties image properties (hw_architecture, os_distro, os_secure_boot, ...)
 * @param defaultUser   the image's default login user (cirros, ubuntu)
 * @param osName        how the guest names itself, e.g. {@code Ubuntu 22.04.3 LTS} or {@code CirrOS 0.6.2}
 * @param publicKey     the injected OpenSSH public key line, if a keypair was given
 * @param pciDevices    passthrough devices by alias assigned to this guest
 */
public record InstanceSpec(String uuid, String instanceName, String displayName, String hostname,
                           String flavorName, int memoryMb, int vcpus, int rootGb, int ephemeralGb, int swapMb,
                           String imageId, String imageName, Map<String, String> imageProperties,
                           String defaultUser, String osName,
                           String userId, String userName, String projectId, String projectName,
                           String creationTime, java.time.Instant bootedAt,
                           List<Vif> vifs, Optional<String> keyName, Optional<String> publicKey,
                           Optional<String> keyFingerprint, Map<String, Integer> pciDevices) {
    public InstanceSpec {
        imageProperties = novalab.engine.common.Ordered.map(imageProperties);
        vifs = List.copyOf(vifs);
        pciDevices = novalab.engine.common.Ordered.map(pciDevices);
    }

    /** One virtual NIC: the Neutron port behind it. */
    public record Vif(String portId, String networkId, String networkName, String mac, String ip, String cidr,
                      String gateway, int mtu) {}
}

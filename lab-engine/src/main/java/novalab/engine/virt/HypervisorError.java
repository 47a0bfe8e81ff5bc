package novalab.engine.virt;

import novalab.engine.common.CloudError;

/**
 * Simulates libvirt.libvirtError (and the Nova exceptions the libvirt driver raises from it): a
 * hypervisor call failed. The message is libvirt's own text, so a fault shows what
 * {@code nova-compute.log} would show; both drivers throw the same errors for the same calls.
 */
public final class HypervisorError extends CloudError {
    private final String libvirtCode;

    private HypervisorError(int status, String code, String libvirtCode, String message) {
        super(status, code, message);
        this.libvirtCode = libvirtCode;
    }

    /** libvirt's error number name, e.g. {@code VIR_ERR_NO_DOMAIN}; {@code VIR_ERR_OK} when libvirt was not asked. */
    public String libvirtCode() { return libvirtCode; }

    /** A libvirt call failed with libvirt's error number name and message. */
    public static HypervisorError libvirt(String libvirtCode, String message) {
        return new HypervisorError(500, "libvirtError", libvirtCode, message);
    }

    /** Nova's InstanceNotFound, raised by {@code Host.get_guest} when libvirt has no such domain. */
    public static HypervisorError instanceNotFound(String instanceName) {
        return new HypervisorError(404, "InstanceNotFound", "VIR_ERR_NO_DOMAIN",
                "Instance " + instanceName + " could not be found.");
    }

    /** libvirt's answer to defining a second domain with a name already in use. */
    public static HypervisorError domainExists(String instanceName, String uuid) {
        return libvirt("VIR_ERR_OPERATION_FAILED",
                "operation failed: domain '" + instanceName + "' already exists with uuid " + uuid);
    }

    /** Nova's PciDeviceRequestFailed: the host has no free device for a requested alias. */
    public static HypervisorError pciDeviceRequestFailed(String requests) {
        return new HypervisorError(500, "PciDeviceRequestFailed", "VIR_ERR_OK",
                "PCI device request " + requests + " failed");
    }

    /** The driver was closed; Nova's HypervisorUnavailable. */
    public static HypervisorError unavailable(String host) {
        return new HypervisorError(503, "HypervisorUnavailable", "VIR_ERR_INVALID_CONN",
                "Connection to the hypervisor is broken on host: " + host);
    }
}

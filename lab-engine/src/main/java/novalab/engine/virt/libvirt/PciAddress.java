package novalab.engine.virt.libvirt;

import java.util.Locale;

/** A host PCI address, as libvirt's {@code <address domain= bus= slot= function=>} and lspci's {@code 0000:81:00.0}. */
public record PciAddress(int domain, int bus, int slot, int function) {

    /** {@code 0000:81:00.0}, Nova's {@code pci_devices.address}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%04x:%02x:%02x.%x", domain, bus, slot, function);
    }

    /** libvirt's node device name, {@code pci_0000_81_00_0}. */
    public String nodeDeviceName() {
        return String.format(Locale.ROOT, "pci_%04x_%02x_%02x_%x", domain, bus, slot, function);
    }
}

package novalab.engine.virt.libvirt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import novalab.engine.virt.HostSpec;
import novalab.engine.virt.HypervisorError;
import novalab.engine.virt.InstanceSpec;

/**
 * The passthrough devices of one host and which guest holds each, as Nova's PCI tracker hands them to
 * the libvirt driver ({@code nova.pci.manager.PciDevTracker}, simplified): the host's devices get
 * fixed addresses {@code 0000:81:00.0}, {@code 0000:82:00.0}, ... in alias order, and a guest takes the
 * first free ones of each alias it asks for. Not thread-safe; owned by one driver.
 */
public final class PciDevices {
    private static final int FIRST_BUS = 0x81;

    private final Map<String, List<PciAddress>> byAlias = new TreeMap<>();
    private final Map<PciAddress, String> owners = new HashMap<>();

    public PciDevices(HostSpec host) {
        int bus = FIRST_BUS;
        for (var e : new TreeMap<>(host.pciDevices()).entrySet()) {
            List<PciAddress> list = new ArrayList<>();
            for (int i = 0; i < e.getValue(); i++) list.add(new PciAddress(0, bus++, 0, 0));
            byAlias.put(e.getKey(), List.copyOf(list));
        }
    }

    /** All devices of an alias on this host, free or not. */
    public List<PciAddress> devices(String alias) {
        return byAlias.getOrDefault(alias, List.of());
    }

    /** Takes the devices the instance asks for; all or nothing. */
    public List<PciAddress> claim(InstanceSpec spec) {
        List<PciAddress> taken = new ArrayList<>();
        for (var e : new TreeMap<>(spec.pciDevices()).entrySet()) {
            List<PciAddress> free = devices(e.getKey()).stream().filter(a -> !owners.containsKey(a)).toList();
            if (free.size() < e.getValue()) {
                throw HypervisorError.pciDeviceRequestFailed(
                        "[{'count': " + e.getValue() + ", 'alias_name': '" + e.getKey() + "'}]");
            }
            taken.addAll(free.subList(0, e.getValue()));
        }
        taken.forEach(a -> owners.put(a, spec.uuid()));
        return List.copyOf(taken);
    }

    /** Frees every device the instance held. */
    public void release(String instanceUuid) {
        owners.values().removeIf(instanceUuid::equals);
    }
}

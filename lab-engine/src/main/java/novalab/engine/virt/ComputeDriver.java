package novalab.engine.virt;

import java.util.List;
import java.util.Optional;

/**
 * Simulates nova.virt.driver.ComputeDriver for one hypervisor host. {@code LibvirtDriver} drives a
 * libvirt test-driver connection; {@code FakeDriver} keeps the same state in memory. Both must give
 * the same observable behaviour (a parity test replays histories on both).
 * Calls are synchronous; the compute manager decides how much simulated time each step takes.
 */
public interface ComputeDriver {
    /** {@code libvirt.LibvirtDriver} or {@code fake.FakeDriver}, as nova.conf's compute_driver names it. */
    String name();

    HostSpec host();

    /** Defines and starts the guest; writes its console log with the boot output. */
    void spawn(InstanceSpec spec);

    /** Graceful shutdown (ACPI), then the domain is shut off. */
    void powerOff(String instanceName);

    void powerOn(String instanceName);

    void reboot(String instanceName, boolean hard);

    /** Destroys and undefines the domain and removes its instance directory. */
    void destroy(String instanceName);

    Optional<InstanceInfo> getInfo(String instanceName);

    /** Names of the domains defined on this host (virsh list --all). */
    List<String> listInstances();

    /** The domain XML as Nova wrote it (what {@code virsh dumpxml} shows). */
    Optional<String> domainXml(String instanceName);

    /** The guest's console.log (the serial console), oldest line first. */
    Optional<String> consoleLog(String instanceName);

    /**
     * Simulates {@code get_available_resource(nodename)}: the hypervisor's view of the host. This default
     * counts no disk; the libvirt and fake drivers override it with the disks of their guests.
     */
    default AvailableResource getAvailableResource() {
        List<InstanceInfo> running = listInstances().stream().map(this::getInfo).flatMap(Optional::stream)
                .filter(i -> i.state() == PowerState.RUNNING).toList();
        return AvailableResource.of(host(), AvailableResource.nodeCpus(host()), host().memoryMb(), running, List.of());
    }

    /** Releases the hypervisor connection, if any. */
    void close();
}

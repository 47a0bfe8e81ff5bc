package novalab.engine.virt.libvirt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import novalab.engine.virt.AvailableResource;
import novalab.engine.virt.ComputeDriver;
import novalab.engine.virt.ConsoleLog;
import novalab.engine.virt.HostSpec;
import novalab.engine.virt.HypervisorError;
import novalab.engine.virt.InstanceInfo;
import novalab.engine.virt.InstanceSpec;
import novalab.engine.virt.PowerState;
import org.libvirt.NodeInfo;

/**
 * Simulates nova.virt.libvirt.driver.LibvirtDriver on one host whose hypervisor is a real libvirt
 * test-driver connection ({@code test:///<node file>}), opened on the first call that needs it.
 * The test driver defines and runs domains without a guest behind them, so the driver keeps what a
 * guest would produce: Nova's domain XML ({@code libvirt.xml}) and the serial {@link ConsoleLog}.
 *
 * <p>The domain is defined from Nova's XML unchanged ({@code type="kvm"} and all: libvirt 9's test
 * driver accepts it), and only if a test driver refuses the domain type is it defined again with
 * {@code type="test"}; {@link #domainXml} always returns Nova's text.
 *
 * <p>Power operations follow Nova's driver: stop is a clean shutdown, start and both reboots relaunch
 * the domain (so the console log restarts), stopping a stopped guest or starting a running one does
 * nothing, and destroying an unknown guest is a no-op. Spawning a name already defined is refused with
 * libvirt's "already exists" error (libvirt itself would silently redefine a same-uuid domain).
 * Not thread-safe; one compute manager owns it.
 */
public final class LibvirtDriver implements ComputeDriver {
    private final HostSpec host;
    private final Optional<Supplier<Instant>> clock;
    private final Host libvirt;
    private final PciDevices pci;
    private final Map<String, Files> instances = new TreeMap<>();
    private boolean closed;

    /** What the driver keeps in the instance directory besides the disk. */
    private record Files(InstanceSpec spec, String libvirtXml, ConsoleLog console) {}

    /** A driver whose power events are stamped with the time the guest last wrote to its console. */
    public LibvirtDriver(HostSpec host) {
        this(host, Optional.empty());
    }

    /** A driver that stamps power events (console timestamps of later boots) with the cloud's clock. */
    public LibvirtDriver(HostSpec host, Supplier<Instant> clock) {
        this(host, Optional.of(clock));
    }

    private LibvirtDriver(HostSpec host, Optional<Supplier<Instant>> clock) {
        this.host = host;
        this.clock = clock;
        this.libvirt = new Host(host);
        this.pci = new PciDevices(host);
    }

    /** Whether libvirt can be loaded in this JVM; never throws. Does not open a connection. */
    public static boolean available() {
        return Host.available();
    }

    @Override
    public String name() { return "libvirt.LibvirtDriver"; }

    @Override
    public HostSpec host() { return host; }

    /** Whether the libvirt connection has been opened (it opens on the first spawn). */
    public boolean connected() { return libvirt.connected(); }

    /** The connection wrapper, for tests that look at the domains as virsh would. */
    Host libvirtHost() { return libvirt; }

    @Override
    public void spawn(InstanceSpec spec) {
        checkNotClosed();
        if (instances.containsKey(spec.instanceName())) {
            throw HypervisorError.domainExists(spec.instanceName(), instances.get(spec.instanceName()).spec().uuid());
        }
        List<PciAddress> devices = pci.claim(spec);
        String xml = GuestConfig.of(spec, host, devices).toXml();
        try (Guest guest = define(xml)) {
            try {
                guest.launch();
            } catch (HypervisorError e) {
                guest.deleteConfiguration(true);
                throw e;
            }
        } catch (HypervisorError e) {
            pci.release(spec.uuid());
            throw e;
        }
        instances.put(spec.instanceName(), new Files(spec, xml, ConsoleLog.firstBoot(spec, host)));
    }

    /** Defines Nova's XML; a test driver that refuses {@code type="kvm"} gets {@code type="test"}. */
    private Guest define(String xml) {
        try {
            return libvirt.writeInstanceConfig(xml);
        } catch (HypervisorError e) {
            if (!e.getMessage().contains("domaintype")) throw e;
            return libvirt.writeInstanceConfig(xml.replaceFirst("<domain type=\"kvm\">", "<domain type=\"test\">"));
        }
    }

    @Override
    public void powerOff(String instanceName) {
        checkNotClosed();
        try (Guest guest = libvirt.getGuest(instanceName)) {
            if (!guest.isActive()) return;
            guest.shutdown();
            if (guest.isActive()) guest.poweroff();
            ConsoleLog console = files(instanceName).console();
            console.shutDown(now(console));
        }
    }

    @Override
    public void powerOn(String instanceName) {
        checkNotClosed();
        try (Guest guest = libvirt.getGuest(instanceName)) {
            if (guest.isActive()) return;
            guest.launch();
            ConsoleLog console = files(instanceName).console();
            console.poweredOn(now(console));
        }
    }

    /** Soft: ACPI shutdown then launch ({@code _soft_reboot}); hard: destroy then launch ({@code _hard_reboot}). */
    @Override
    public void reboot(String instanceName, boolean hard) {
        checkNotClosed();
        try (Guest guest = libvirt.getGuest(instanceName)) {
            ConsoleLog console = files(instanceName).console();
            if (guest.isActive()) {
                if (hard) {
                    guest.poweroff();
                } else {
                    guest.shutdown();
                    console.shutDown(now(console));
                }
            }
            guest.launch();
            console.poweredOn(now(console));
        }
    }

    @Override
    public void destroy(String instanceName) {
        checkNotClosed();
        Optional<Guest> found = libvirt.findGuest(instanceName);
        if (found.isEmpty()) return;
        try (Guest guest = found.get()) {
            if (guest.isActive()) guest.poweroff();
            guest.deleteConfiguration(true);
        }
        Files files = instances.remove(instanceName);
        if (files != null) pci.release(files.spec().uuid());
    }

    @Override
    public Optional<InstanceInfo> getInfo(String instanceName) {
        checkNotClosed();
        return libvirt.findGuest(instanceName).map(guest -> {
            try (guest) {
                return guest.getInfo();
            }
        });
    }

    /** The names of all defined domains, sorted by name. */
    @Override
    public List<String> listInstances() {
        checkNotClosed();
        return libvirt.listNames().stream().sorted().toList();
    }

    @Override
    public Optional<String> domainXml(String instanceName) {
        checkNotClosed();
        return Optional.ofNullable(instances.get(instanceName)).map(Files::libvirtXml);
    }

    @Override
    public Optional<String> consoleLog(String instanceName) {
        checkNotClosed();
        return Optional.ofNullable(instances.get(instanceName)).map(f -> f.console().text());
    }

    /**
     * The host as libvirt's {@code virNodeGetInfo} and the domains' infos report it; before the first
     * spawn the answer comes from the host spec (the node file says the same), so no connection opens.
     */
    @Override
    public AvailableResource getAvailableResource() {
        checkNotClosed();
        List<InstanceSpec> defined = instances.values().stream().map(Files::spec).toList();
        if (!libvirt.connected()) {
            return AvailableResource.of(host, AvailableResource.nodeCpus(host), host.memoryMb(), List.of(), defined);
        }
        NodeInfo node = libvirt.nodeInfo();
        List<InstanceInfo> running = listInstances().stream().map(this::getInfo).flatMap(Optional::stream)
                .filter(i -> i.state() == PowerState.RUNNING).toList();
        return AvailableResource.of(host, node.cpus, (int) (node.memory / 1024), running, defined);
    }

    /** Closes the libvirt connection (if it was opened) and forgets the guests; later calls fail. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        instances.clear();
        libvirt.close();
    }

    private void checkNotClosed() {
        if (closed) throw HypervisorError.unavailable(host.hostname());
    }

    private Files files(String instanceName) {
        Files files = instances.get(instanceName);
        if (files == null) throw HypervisorError.instanceNotFound(instanceName);
        return files;
    }

    private Instant now(ConsoleLog console) {
        return clock.map(Supplier::get).orElseGet(console::lastWrite);
    }
}

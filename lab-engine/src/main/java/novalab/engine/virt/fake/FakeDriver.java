package novalab.engine.virt.fake;

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
import novalab.engine.virt.libvirt.GuestConfig;
import novalab.engine.virt.libvirt.PciAddress;
import novalab.engine.virt.libvirt.PciDevices;

/**
 * Simulates nova.virt.fake.FakeDriver, made to look exactly like our LibvirtDriver: the same domain
 * XML, power transitions, console log and errors, kept in memory for JVMs where libvirt cannot be
 * loaded. Unlike Nova's fake it writes libvirt XML (from {@link GuestConfig}, which is plain Java).
 * Not thread-safe; one compute manager owns it.
 */
public final class FakeDriver implements ComputeDriver {
    private final HostSpec host;
    private final Optional<Supplier<Instant>> clock;
    private final PciDevices pci;
    private final Map<String, FakeGuest> guests = new TreeMap<>();
    private boolean closed;

    private static final class FakeGuest {
        final InstanceSpec spec;
        final String libvirtXml;
        final ConsoleLog console;
        PowerState state = PowerState.RUNNING;

        FakeGuest(InstanceSpec spec, String libvirtXml, ConsoleLog console) {
            this.spec = spec;
            this.libvirtXml = libvirtXml;
            this.console = console;
        }
    }

    /** A driver whose power events are stamped with the time the guest last wrote to its console. */
    public FakeDriver(HostSpec host) {
        this(host, Optional.empty());
    }

    /** A driver that stamps power events (console timestamps of later boots) with the cloud's clock. */
    public FakeDriver(HostSpec host, Supplier<Instant> clock) {
        this(host, Optional.of(clock));
    }

    private FakeDriver(HostSpec host, Optional<Supplier<Instant>> clock) {
        this.host = host;
        this.clock = clock;
        this.pci = new PciDevices(host);
    }

    @Override
    public String name() { return "fake.FakeDriver"; }

    @Override
    public HostSpec host() { return host; }

    @Override
    public void spawn(InstanceSpec spec) {
        checkNotClosed();
        FakeGuest existing = guests.get(spec.instanceName());
        if (existing != null) throw HypervisorError.domainExists(spec.instanceName(), existing.spec.uuid());
        List<PciAddress> devices = pci.claim(spec);
        String xml = GuestConfig.of(spec, host, devices).toXml();
        guests.put(spec.instanceName(), new FakeGuest(spec, xml, ConsoleLog.firstBoot(spec, host)));
    }

    @Override
    public void powerOff(String instanceName) {
        FakeGuest g = guest(instanceName);
        if (g.state != PowerState.RUNNING) return;
        g.state = PowerState.SHUTDOWN;
        g.console.shutDown(now(g));
    }

    @Override
    public void powerOn(String instanceName) {
        FakeGuest g = guest(instanceName);
        if (g.state == PowerState.RUNNING) return;
        g.state = PowerState.RUNNING;
        g.console.poweredOn(now(g));
    }

    @Override
    public void reboot(String instanceName, boolean hard) {
        FakeGuest g = guest(instanceName);
        if (g.state == PowerState.RUNNING && !hard) g.console.shutDown(now(g));
        g.state = PowerState.RUNNING;
        g.console.poweredOn(now(g));
    }

    @Override
    public void destroy(String instanceName) {
        checkNotClosed();
        FakeGuest g = guests.remove(instanceName);
        if (g != null) pci.release(g.spec.uuid());
    }

    @Override
    public Optional<InstanceInfo> getInfo(String instanceName) {
        checkNotClosed();
        return Optional.ofNullable(guests.get(instanceName))
                .map(g -> new InstanceInfo(instanceName, g.state, g.spec.memoryMb() * 1024, g.spec.vcpus()));
    }

    /** The names of all defined guests, sorted by name. */
    @Override
    public List<String> listInstances() {
        checkNotClosed();
        return List.copyOf(guests.keySet());
    }

    @Override
    public Optional<String> domainXml(String instanceName) {
        checkNotClosed();
        return Optional.ofNullable(guests.get(instanceName)).map(g -> g.libvirtXml);
    }

    @Override
    public Optional<String> consoleLog(String instanceName) {
        checkNotClosed();
        return Optional.ofNullable(guests.get(instanceName)).map(g -> g.console.text());
    }

    @Override
    public AvailableResource getAvailableResource() {
        checkNotClosed();
        List<InstanceInfo> running = guests.keySet().stream().map(this::getInfo).flatMap(Optional::stream)
                .filter(i -> i.state() == PowerState.RUNNING).toList();
        List<InstanceSpec> defined = guests.values().stream().map(g -> g.spec).toList();
        return AvailableResource.of(host, AvailableResource.nodeCpus(host), host.memoryMb(), running, defined);
    }

    /** Forgets the guests; later calls fail as on a closed libvirt connection. */
    @Override
    public void close() {
        closed = true;
        guests.clear();
    }

    private FakeGuest guest(String instanceName) {
        checkNotClosed();
        FakeGuest g = guests.get(instanceName);
        if (g == null) throw HypervisorError.instanceNotFound(instanceName);
        return g;
    }

    private void checkNotClosed() {
        if (closed) throw HypervisorError.unavailable(host.hostname());
    }

    private Instant now(FakeGuest g) {
        return clock.map(Supplier::get).orElseGet(g.console::lastWrite);
    }
}

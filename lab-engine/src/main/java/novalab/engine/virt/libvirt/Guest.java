package novalab.engine.virt.libvirt;

import novalab.engine.virt.InstanceInfo;
import novalab.engine.virt.PowerState;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.LibvirtException;

/**
 * Simulates nova.virt.libvirt.guest.Guest: a thin wrapper over one libvirt domain handle, with Nova's
 * method names. Close it to free the handle (libvirt keeps the connection alive while handles exist).
 */
final class Guest implements AutoCloseable {
    private final Domain domain;

    Guest(Domain domain) {
        this.domain = domain;
    }

    String name() {
        return call(domain::getName);
    }

    /** The running domain's id, -1 when shut off. */
    int id() {
        return call(domain::getID);
    }

    boolean isActive() {
        return call(domain::isActive) == 1;
    }

    /** Starts the defined domain ({@code virDomainCreate}). */
    void launch() {
        run(domain::create);
    }

    /** Asks the guest to shut down (ACPI); libvirt's test driver shuts it off at once. */
    void shutdown() {
        run(domain::shutdown);
    }

    /** Pulls the plug ({@code virDomainDestroy}). */
    void poweroff() {
        run(domain::destroy);
    }

    /**
     * Undefines the domain as Nova does: with the managed-save (and, on UEFI hosts, NVRAM) flags
     * first, then plainly if libvirt refuses the flags (the test driver refuses NVRAM).
     */
    void deleteConfiguration(boolean supportUefi) {
        int flags = Domain.UndefineFlags.MANAGED_SAVE | (supportUefi ? VIR_DOMAIN_UNDEFINE_NVRAM : 0);
        try {
            domain.undefine(flags);
        } catch (LibvirtException e) {
            run(domain::undefine);
        }
    }

    InstanceInfo getInfo() {
        DomainInfo info = call(domain::getInfo);
        return new InstanceInfo(name(), powerState(info.state), (int) info.memory, info.nrVirtCpu);
    }

    /** Nova's LIBVIRT_POWER_STATE table. */
    static PowerState powerState(DomainInfo.DomainState state) {
        return switch (state) {
            case VIR_DOMAIN_NOSTATE -> PowerState.NOSTATE;
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> PowerState.RUNNING;
            case VIR_DOMAIN_PAUSED -> PowerState.PAUSED;
            case VIR_DOMAIN_SHUTDOWN, VIR_DOMAIN_SHUTOFF -> PowerState.SHUTDOWN;
            case VIR_DOMAIN_CRASHED -> PowerState.CRASHED;
        };
    }

    @Override
    public void close() {
        run(domain::free);
    }

    private static final int VIR_DOMAIN_UNDEFINE_NVRAM = 4;

    interface LibvirtCall<T> {
        T call() throws LibvirtException;
    }

    static <T> T call(LibvirtCall<T> c) {
        try {
            return c.call();
        } catch (LibvirtException e) {
            throw Host.translate(e);
        }
    }

    interface LibvirtAction {
        void run() throws LibvirtException;
    }

    static void run(LibvirtAction a) {
        try {
            a.run();
        } catch (LibvirtException e) {
            throw Host.translate(e);
        }
    }
}

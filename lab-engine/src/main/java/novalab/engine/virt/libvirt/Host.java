package novalab.engine.virt.libvirt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.sun.jna.Pointer;
import novalab.engine.virt.HostSpec;
import novalab.engine.virt.HypervisorError;
import org.libvirt.Connect;
import org.libvirt.Error;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.libvirt.NodeInfo;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/**
 * Simulates nova.virt.libvirt.host.Host: the connection to one hypervisor, here a libvirt test driver
 * loaded with the host's {@link NodeXml}. The connection opens on first use, not on construction, so
 * a lab with many hosts that never boot a guest never touches libvirt.
 */
final class Host {
    private final HostSpec spec;
    private Connect connection;
    private boolean closed;

    Host(HostSpec spec) {
        this.spec = spec;
    }

    boolean connected() {
        return connection != null;
    }

    /** The connection, opened now if it is not yet open. */
    Connect getConnection() {
        if (closed) throw HypervisorError.unavailable(spec.hostname());
        if (connection == null) {
            if (!available()) {
                throw HypervisorError.libvirt("VIR_ERR_NO_CONNECT",
                        "libvirt is not available in this JVM (libvirt.so.0 could not be loaded)");
            }
            String uri = NodeXml.of(spec).uri();
            connection = Guest.call(() -> new Connect(uri));
        }
        return connection;
    }

    /** Defines (or redefines) a domain from XML: {@code virDomainDefineXML}. */
    Guest writeInstanceConfig(String xml) {
        Connect c = getConnection();
        return new Guest(Guest.call(() -> c.domainDefineXML(xml)));
    }

    /** The domain of that name; empty when libvirt has none (or was never opened, so none can exist). */
    Optional<Guest> findGuest(String name) {
        if (connection == null) return Optional.empty();
        try {
            return Optional.of(new Guest(getConnection().domainLookupByName(name)));
        } catch (LibvirtException e) {
            if (e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN) return Optional.empty();
            throw translate(e);
        }
    }

    /** Nova's {@code get_guest}: the domain, or InstanceNotFound. */
    Guest getGuest(String name) {
        return findGuest(name).orElseThrow(() -> HypervisorError.instanceNotFound(name));
    }

    /** Names of all domains, running and defined ({@code virsh list --all}), in libvirt's order. */
    List<String> listNames() {
        List<String> names = new ArrayList<>();
        if (connection == null) return names;
        Connect c = getConnection();
        for (int id : Guest.call(c::listDomains)) {
            try (Guest g = new Guest(Guest.call(() -> c.domainLookupByID(id)))) {
                names.add(g.name());
            }
        }
        names.addAll(List.of(Guest.call(c::listDefinedDomains)));
        return names;
    }

    /** The node's CPUs and memory as libvirt reports them ({@code virNodeGetInfo}). */
    NodeInfo nodeInfo() {
        Connect c = getConnection();
        return Guest.call(c::nodeInfo);
    }

    /** Closes the connection; later calls fail with HypervisorUnavailable. */
    void close() {
        closed = true;
        if (connection != null) {
            Connect c = connection;
            connection = null;
            Guest.call(c::close);
        }
    }

    static HypervisorError translate(LibvirtException e) {
        Error error = e.getError();
        String code = error == null || error.getCode() == null ? "VIR_ERR_INTERNAL_ERROR" : error.getCode().name();
        return HypervisorError.libvirt(code, e.getMessage() == null ? code : e.getMessage());
    }

    /** Whether libvirt can be loaded (library present, symbols resolve); probed once per JVM, never throws. */
    static boolean available() {
        return Probe.AVAILABLE;
    }

    /** Loads libvirt once and silences its default error printer (errors still reach us as exceptions). */
    private static final class Probe {
        private static final Libvirt.VirErrorCallback SILENT = new Silent();
        static final boolean AVAILABLE = probe();

        private static boolean probe() {
            try {
                Library.getVersion();
                Connect.setErrorCallback(SILENT);
                return true;
            } catch (LinkageError | LibvirtException | RuntimeException e) {
                return false;
            }
        }
    }

    /** libvirt's default error function prints every error to stderr; this one drops them. */
    private static final class Silent implements Libvirt.VirErrorCallback {
        @Override
        public void errorCallback(Pointer userData, virError error) {
            // errors are reported through virGetLastError and LibvirtException
        }
    }
}

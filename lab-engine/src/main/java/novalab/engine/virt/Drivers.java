package novalab.engine.virt;

import java.time.Instant;
import java.util.function.Supplier;
import novalab.engine.virt.fake.FakeDriver;
import novalab.engine.virt.libvirt.LibvirtDriver;

/**
 * The compute drivers by the name nova.conf's {@code [DEFAULT] compute_driver} gives them
 * ({@code libvirt.LibvirtDriver}, {@code fake.FakeDriver}), shortened to {@code libvirt} and {@code fake}.
 * Creating a driver opens no hypervisor connection.
 */
public final class Drivers {
    private Drivers() {}

    /** {@code libvirt} where libvirt can be loaded in this JVM, else {@code fake}. */
    public static String defaultKind() {
        return LibvirtDriver.available() ? "libvirt" : "fake";
    }

    /** A driver for one host whose later power events are stamped by the guests' own console time. */
    public static ComputeDriver create(String kind, HostSpec host) {
        return switch (kind) {
            case "libvirt", "libvirt.LibvirtDriver" -> new LibvirtDriver(host);
            case "fake", "fake.FakeDriver" -> new FakeDriver(host);
            default -> throw unknown(kind);
        };
    }

    /** A driver for one host that stamps power events with the cloud's clock (e.g. {@code simClock::instant}). */
    public static ComputeDriver create(String kind, HostSpec host, Supplier<Instant> clock) {
        return switch (kind) {
            case "libvirt", "libvirt.LibvirtDriver" -> new LibvirtDriver(host, clock);
            case "fake", "fake.FakeDriver" -> new FakeDriver(host, clock);
            default -> throw unknown(kind);
        };
    }

    private static IllegalArgumentException unknown(String kind) {
        return new IllegalArgumentException("Unable to load the virtualization driver: unknown compute_driver '"
                                            + kind + "' (expected libvirt or fake)");
    }
}

package novalab.engine.virt.libvirt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import novalab.engine.virt.AvailableResource;
import novalab.engine.virt.CpuModel;
import novalab.engine.virt.HostSpec;

/**
 * The node file of libvirt's test driver for one host ({@code test:///path/to/node.xml}, format of
 * libvirt's {@code examples/xml/test/testnode.xml}): the CPU topology, clock and arch, and the memory
 * in KiB, so {@code virNodeGetInfo} reports the host's hardware. Files are content-addressed in
 * {@code <java.io.tmpdir>/novalab-libvirt-<user>/} and reused: hosts with the same hardware share one.
 */
public final class NodeXml {
    private final String xml;

    private NodeXml(String xml) {
        this.xml = xml;
    }

    public static NodeXml of(HostSpec host) {
        Xml node = Xml.element("node");
        Xml cpu = node.child("cpu");
        cpu.child("mhz", CpuModel.of(host).mhz());
        cpu.child("model", host.arch());
        int cpus = AvailableResource.nodeCpus(host);
        if (cpus < host.sockets() * host.cores() * host.threads()) cpu.child("active", cpus);
        cpu.child("nodes", 1);
        cpu.child("sockets", host.sockets());
        cpu.child("cores", host.cores());
        cpu.child("threads", host.threads());
        node.child("memory", host.memoryMb() * 1024L);
        return new NodeXml(node.print());
    }

    public String toXml() { return xml; }

    /** The file's name: {@code node-} and the first 16 hex digits of the content's SHA-256. */
    public String fileName() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(xml.getBytes(StandardCharsets.UTF_8));
            return "node-" + HexFormat.of().formatHex(digest, 0, 8) + ".xml";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** The shared cache directory under {@code java.io.tmpdir}. */
    public static Path cacheDir() {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "novalab-libvirt-" + user);
    }

    /** Writes the file into {@link #cacheDir()} unless an identical one is there, and returns its path. */
    public Path write() {
        Path dir = cacheDir();
        Path file = dir.resolve(fileName());
        try {
            if (Files.isRegularFile(file) && Files.readString(file).equals(xml)) return file;
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "node-", ".tmp");
            Files.writeString(tmp, xml);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write libvirt test driver node file " + file, e);
        }
    }

    /** The connection URI for the written file: {@code test:///tmp/novalab-libvirt-x/node-....xml}. */
    public String uri() {
        return "test://" + write().toAbsolutePath().toString().replace(" ", "%20");
    }
}

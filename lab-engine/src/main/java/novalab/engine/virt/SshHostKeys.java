package novalab.engine.virt;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The SSH host keys a guest generates on its first boot, made up but well-formed: each public key blob
 * is laid out as OpenSSH encodes it, its bytes come from a hash of the instance uuid, and its
 * fingerprint is {@code SHA256:} + base64 of the blob's SHA-256, as {@code ssh-keygen -l} prints it.
 */
final class SshHostKeys {
    private SshHostKeys() {}

    /** One host key: the label ssh-keygen prints ({@code ECDSA}), the key type, size and the two texts. */
    record HostKey(String label, String type, int bits, String base64, String fingerprint) {}

    /** The keys of an instance: Ubuntu generates ECDSA, ED25519 and RSA 3072 (20.04 also DSA); dropbear on CirrOS RSA 2048, ECDSA, ED25519. */
    static List<HostKey> of(String uuid, GuestOs os) {
        List<HostKey> keys = new ArrayList<>();
        if (os.cirros()) {
            keys.add(key(uuid, "RSA", "ssh-rsa", 2048));
            keys.add(key(uuid, "ECDSA", "ecdsa-sha2-nistp256", 256));
            keys.add(key(uuid, "ED25519", "ssh-ed25519", 256));
            return keys;
        }
        if ("20.04".equals(os.version())) keys.add(key(uuid, "DSA", "ssh-dss", 1024));
        keys.add(key(uuid, "ECDSA", "ecdsa-sha2-nistp256", 256));
        keys.add(key(uuid, "ED25519", "ssh-ed25519", 256));
        keys.add(key(uuid, "RSA", "ssh-rsa", 3072));
        return keys;
    }

    private static HostKey key(String uuid, String label, String type, int bits) {
        byte[] material = stream(uuid + "/" + type, bits / 8 + 64);
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        putString(blob, type.getBytes(StandardCharsets.US_ASCII));
        switch (type) {
            case "ssh-ed25519" -> putString(blob, slice(material, 0, 32));
            case "ecdsa-sha2-nistp256" -> {
                putString(blob, "nistp256".getBytes(StandardCharsets.US_ASCII));
                byte[] point = new byte[65];
                point[0] = 4;
                System.arraycopy(material, 0, point, 1, 64);
                putString(blob, point);
            }
            case "ssh-dss" -> {
                putMpint(blob, slice(material, 0, 128), true);
                putMpint(blob, slice(material, 8, 20), true);
                putMpint(blob, slice(material, 16, 128), false);
                putMpint(blob, slice(material, 24, 128), false);
            }
            default -> {
                putMpint(blob, new byte[] {1, 0, 1}, false);
                putMpint(blob, slice(material, 0, bits / 8), true);
            }
        }
        byte[] bytes = blob.toByteArray();
        String fingerprint = "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(sha256(bytes));
        return new HostKey(label, type, bits, Base64.getEncoder().encodeToString(bytes), fingerprint);
    }

    private static void putString(ByteArrayOutputStream b, byte[] s) {
        b.writeBytes(ByteBuffer.allocate(4).putInt(s.length).array());
        b.writeBytes(s);
    }

    /** An SSH mpint; {@code fullLength} sets the top bit, as a modulus of exactly {@code bits} bits has. */
    private static void putMpint(ByteArrayOutputStream b, byte[] magnitude, boolean fullLength) {
        byte[] m = magnitude.clone();
        if (!fullLength) {
            m[0] &= 0x7f;
            putString(b, m);
            return;
        }
        m[0] |= (byte) 0x80;
        byte[] signed = new byte[m.length + 1];
        System.arraycopy(m, 0, signed, 1, m.length);
        putString(b, signed);
    }

    private static byte[] slice(byte[] a, int from, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) out[i] = a[(from + i) % a.length];
        return out;
    }

    private static byte[] stream(String label, int length) {
        byte[] out = new byte[length];
        for (int block = 0; block * 32 < length; block++) {
            byte[] h = sha256((label + "#" + block).getBytes(StandardCharsets.UTF_8));
            System.arraycopy(h, 0, out, block * 32, Math.min(32, length - block * 32));
        }
        return out;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}

package novalab.engine.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Message digests every JDK has, without the checked exception. */
final class Digests {
    private Digests() {}

    static byte[] md5(byte[] data) { return digest("MD5", data); }

    static byte[] sha256(byte[] data) { return digest("SHA-256", data); }

    static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    /** SHA-256 over a label, a zero byte and the seed: independent streams from one seed. */
    static byte[] derive(byte[] seed, String label) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            md.update((byte) 0);
            return md.digest(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

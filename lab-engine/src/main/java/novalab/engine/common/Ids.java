package novalab.engine.common;

import java.util.SplittableRandom;

/**
 * Every generated value of one cloud (UUIDs, MACs, request ids, passwords, key material seeds,
 * tie-breaks) comes from here, seeded once; no {@code UUID.randomUUID()} anywhere in the engine.
 */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final String PASSWORD_CHARS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private final SplittableRandom random;

    public Ids(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A version-4-shaped UUID string. */
    public String uuid() {
        String h = hex(32);
        char variant = "89ab".charAt(random.nextInt(4));
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant
                + h.substring(17, 20) + "-" + h.substring(20, 32);
    }

    /** {@code n} lower-case hex digits (Keystone ids are 32). */
    public String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(HEX[random.nextInt(16)]);
        return sb.toString();
    }

    /** A Neutron MAC: OpenStack's base {@code fa:16:3e} and three random octets. */
    public String mac() {
        return "fa:16:3e:" + hex(2) + ":" + hex(2) + ":" + hex(2);
    }

    /** {@code req-<uuid>}, the form of X-Compute-Request-Id. */
    public String requestId() { return "req-" + uuid(); }

    /** Nova's generated adminPass: 12 characters from its unambiguous alphabet. */
    public String password() {
        StringBuilder sb = new StringBuilder(12);
        for (int i = 0; i < 12; i++) sb.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
        return sb.toString();
    }

    public int nextInt(int bound) { return random.nextInt(bound); }

    public long nextLong() { return random.nextLong(); }

    public void nextBytes(byte[] out) { random.nextBytes(out); }
}

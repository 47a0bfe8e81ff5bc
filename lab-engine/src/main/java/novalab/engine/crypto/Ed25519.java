package novalab.engine.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.NamedParameterSpec;

/** Ed25519 (RFC 8032) through the JDK: the 32-byte public key that belongs to a 32-byte private seed. */
final class Ed25519 {
    static final int SEED_BYTES = 32;

    private Ed25519() {}

    /**
     * The encoded public point A for {@code seed}. The JDK offers no "public key of this private key",
     * but its generator draws exactly the 32 seed bytes from the random source and derives A from them,
     * so a source that yields {@code seed} gives the matching key pair.
     */
    static byte[] publicKeyOf(byte[] seed) {
        if (seed.length != SEED_BYTES) throw new MalformedKeyException("Ed25519 seed is not 32 bytes");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
            return encode(((EdECPublicKey) generator.generateKeyPair().getPublic()).getPoint());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate Ed25519 keys", e);
        }
    }

    /** RFC 8032 5.1.2: y little-endian in 32 bytes, the top bit of the last byte holding x's parity. */
    private static byte[] encode(EdECPoint point) {
        byte[] bigEndian = point.getY().toByteArray();
        byte[] out = new byte[SEED_BYTES];
        for (int i = 0; i < SEED_BYTES && i < bigEndian.length; i++) out[i] = bigEndian[bigEndian.length - 1 - i];
        if (point.isXOdd()) out[SEED_BYTES - 1] |= (byte) 0x80;
        return out;
    }

    /** A "random" source that hands out given bytes once, then refuses. */
    private static final class FixedBytes extends SecureRandom {
        FixedBytes(byte[] bytes) { super(new Spi(bytes.clone()), (Provider) null); }

        private static final class Spi extends SecureRandomSpi {
            private final byte[] bytes;
            private int used;

            Spi(byte[] bytes) { this.bytes = bytes; }

            @Override protected void engineSetSeed(byte[] seed) { /* the bytes are fixed */ }

            @Override protected void engineNextBytes(byte[] out) {
                if (out.length > bytes.length - used) throw new IllegalStateException("fixed bytes exhausted");
                System.arraycopy(bytes, used, out, 0, out.length);
                used += out.length;
            }

            @Override protected byte[] engineGenerateSeed(int n) { throw new UnsupportedOperationException(); }
        }
    }
}

package novalab.engine.crypto;

import java.math.BigInteger;

/** SSH public key blobs (RFC 4253 section 6.6, RFC 8709): building them, checking them, and their size in bits. */
final class KeyBlobs {
    static final int ED25519_KEY_BYTES = 32;

    private KeyBlobs() {}

    /** {@code string "ssh-rsa", mpint e, mpint n}. */
    static byte[] rsa(BigInteger e, BigInteger n) {
        return new SshWire.Writer().string(SshKeys.RSA).mpint(e).mpint(n).toByteArray();
    }

    /** {@code string "ssh-ed25519", string key} with the 32-byte encoded point. */
    static byte[] ed25519(byte[] publicKey) {
        if (publicKey.length != ED25519_KEY_BYTES) throw new MalformedKeyException("Ed25519 public key is not 32 bytes");
        return new SshWire.Writer().string(SshKeys.ED25519).string(publicKey).toByteArray();
    }

    /** The key size as {@code ssh-keygen -l} prints it (RSA modulus bits, 256 for Ed25519), after checking the blob. */
    static int bits(String type, byte[] blob) {
        SshWire.Reader r = new SshWire.Reader(blob);
        String inner = r.utf8();
        if (!inner.equals(type)) throw new MalformedKeyException("blob says " + inner + ", line says " + type);
        int bits;
        if (type.equals(SshKeys.RSA)) {
            BigInteger e = r.mpint();
            BigInteger n = r.mpint();
            if (e.signum() <= 0 || n.signum() <= 0) throw new MalformedKeyException("RSA key with zero e or n");
            bits = n.bitLength();
        } else if (type.equals(SshKeys.ED25519)) {
            if (r.string().length != ED25519_KEY_BYTES) throw new MalformedKeyException("Ed25519 key is not 32 bytes");
            bits = 256;
        } else {
            throw new MalformedKeyException("unsupported key type " + type);
        }
        r.expectEnd();
        return bits;
    }

    /** The name OpenSSH shows in fingerprints and randomart: RSA, ED25519. */
    static String label(String type) {
        return switch (type) {
            case SshKeys.RSA -> "RSA";
            case SshKeys.ED25519 -> "ED25519";
            default -> type.toUpperCase(java.util.Locale.ROOT);
        };
    }
}

package novalab.engine.crypto;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SSH keys the way Nova ({@code nova.crypto.generate_key_pair}, {@code generate_fingerprint}) and
 * OpenSSH's ssh-keygen make and read them. Generation is deterministic: the caller's seed is the only
 * source of randomness, so the same seed always gives the same key.
 */
public final class SshKeys {
    public static final String RSA = "ssh-rsa";
    public static final String ED25519 = "ssh-ed25519";
    /** Smallest and largest RSA sizes ssh-keygen accepts (OpenSSH 9.x). */
    public static final int RSA_MIN_BITS = 1024;
    public static final int RSA_MAX_BITS = 16384;

    private static final Pattern PUBLIC_LINE = Pattern.compile("(\\S+)[ \\t]+(\\S+)(?:[ \\t]+(.*))?");

    private SshKeys() {}

    /** An RSA key pair in Nova's shape: PKCS#1 PEM with 64-character lines and an {@code ssh-rsa} line. */
    public static SshKeyPair generateRsa(int bits, byte[] seed, String comment) {
        return generateRsa(bits, seed, comment, PrivateKeyFormat.PKCS1_PEM);
    }

    /**
     * An RSA key pair (public exponent 65537) whose private key is written in {@code format}; the key
     * itself depends only on {@code bits} and {@code seed}.
     *
     * @throws IllegalArgumentException when {@code bits} is outside 1024..16384
     */
    public static SshKeyPair generateRsa(int bits, byte[] seed, String comment, PrivateKeyFormat format) {
        if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS) {
            throw new IllegalArgumentException("RSA key size " + bits + " outside " + RSA_MIN_BITS + ".." + RSA_MAX_BITS);
        }
        RsaPrivate key = RsaPrivate.generate(bits, seed);
        byte[] blob = key.publicBlob();
        String file = switch (format) {
            case PKCS1_PEM -> Pem.armor("RSA PRIVATE KEY", key.toPkcs1(), 64);
            case PKCS8_PEM -> Pem.armor("PRIVATE KEY", Pkcs8.wrapRsa(key.toPkcs1()), 64);
            case OPENSSH -> OpenSshKeyFile.encode(RSA, blob, key::writeOpenSsh, comment, checkint(seed));
        };
        return new SshKeyPair(RSA, file, new SshPublicKey(RSA, blob, comment).line(), blob);
    }

    /** An Ed25519 key pair; the private key in OpenSSH's format, as ssh-keygen writes it. */
    public static SshKeyPair generateEd25519(byte[] seed, String comment) {
        byte[] privateSeed = Digests.derive(seed, "ed25519 private key");
        byte[] publicKey = Ed25519.publicKeyOf(privateSeed);
        byte[] blob = KeyBlobs.ed25519(publicKey);
        byte[] secret = ByteBuffer.allocate(64).put(privateSeed).put(publicKey).array();
        String file = OpenSshKeyFile.encode(ED25519, blob, w -> w.string(publicKey).string(secret), comment,
                checkint(seed));
        return new SshKeyPair(ED25519, file, new SshPublicKey(ED25519, blob, comment).line(), blob);
    }

    /**
     * Reads one {@code .pub} / authorized_keys line, {@code type base64 [comment]}, with type
     * {@code ssh-rsa} or {@code ssh-ed25519}; empty when it is anything else or the blob is damaged.
     * Option prefixes ({@code from="..."}) are not accepted, as Nova's import does not accept them.
     */
    public static Optional<SshPublicKey> parsePublicKeyLine(String line) {
        String text = line.stripLeading();
        while (text.endsWith("\n") || text.endsWith("\r")) text = text.substring(0, text.length() - 1);
        Matcher m = PUBLIC_LINE.matcher(text);
        if (!m.matches()) return Optional.empty();
        String type = m.group(1);
        if (!type.equals(RSA) && !type.equals(ED25519)) return Optional.empty();
        try {
            byte[] blob = Base64.getDecoder().decode(m.group(2));
            KeyBlobs.bits(type, blob);
            return Optional.of(new SshPublicKey(type, blob, m.group(3) == null ? "" : m.group(3)));
        } catch (IllegalArgumentException | MalformedKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * The public key that belongs to a private key file: PKCS#1 {@code RSA PRIVATE KEY}, PKCS#8
     * {@code PRIVATE KEY} (RSA or Ed25519) or {@code OPENSSH PRIVATE KEY} (RSA or Ed25519), unencrypted.
     * The comment is the one stored in an OpenSSH file, else empty. Anything else, damaged, truncated
     * or encrypted gives empty; this never throws.
     */
    public static Optional<SshPublicKey> publicKeyOfPrivate(String fileContent) {
        try {
            Pem.Block block = Pem.dearmor(fileContent);
            if (block.encrypted()) return Optional.empty();
            return switch (block.label()) {
                case "RSA PRIVATE KEY" -> Optional.of(new SshPublicKey(RSA, RsaPrivate.fromPkcs1(block.der()).publicBlob(), ""));
                case "PRIVATE KEY" -> Optional.of(Pkcs8.publicKeyOf(block.der()));
                case OpenSshKeyFile.LABEL -> Optional.of(OpenSshKeyFile.decode(block.der()));
                default -> Optional.empty();
            };
        } catch (MalformedKeyException e) {
            return Optional.empty();
        }
    }

    /** MD5 of the blob as colon-separated lower-case hex, Nova's {@code generate_fingerprint}. */
    public static String md5Fingerprint(byte[] blob) { return FingerprintHash.colonHex(Digests.md5(blob)); }

    /** {@code SHA256:} and the unpadded base64 of the blob's SHA-256, as {@code ssh-keygen -l} prints it. */
    public static String sha256Fingerprint(byte[] blob) { return FingerprintHash.SHA256.fingerprint(blob); }

    /**
     * The randomart {@code ssh-keygen} prints for a key, from the blob's SHA-256, without a trailing
     * newline: header {@code +---[RSA 3072]----+}, nine rows, footer {@code +----[SHA256]-----+}.
     * {@code type} is the key type ({@code ssh-rsa}, {@code ssh-ed25519}) or its label ({@code RSA}).
     */
    public static String randomart(String type, int bits, byte[] blob) {
        return randomart(type, bits, blob, FingerprintHash.SHA256);
    }

    static String randomart(String type, int bits, byte[] blob, FingerprintHash hash) {
        return Randomart.render(KeyBlobs.label(type), bits, hash.digest(blob), hash.label());
    }

    /** OpenSSH's two equal check integers, here drawn from the seed instead of from arc4random. */
    private static int checkint(byte[] seed) {
        return ByteBuffer.wrap(Digests.derive(seed, "openssh checkint")).getInt();
    }
}

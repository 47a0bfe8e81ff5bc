package novalab.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * OpenSSH's own private key file (PROTOCOL.key, "openssh-key-v1"), unencrypted: cipher and KDF
 * "none", one key, check integers, type-specific fields, comment, padding 1, 2, 3... to 8 bytes.
 */
final class OpenSshKeyFile {
    static final String LABEL = "OPENSSH PRIVATE KEY";
    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int BLOCK_SIZE = 8;
    private static final int LINE_LENGTH = 70;

    private OpenSshKeyFile() {}

    /** The armoured file, base64 in 70-character lines as ssh-keygen writes it. */
    static String encode(String type, byte[] publicBlob, Consumer<SshWire.Writer> privateFields, String comment,
                         int checkint) {
        SshWire.Writer secret = new SshWire.Writer().uint32(checkint).uint32(checkint).string(type);
        privateFields.accept(secret);
        secret.string(comment);
        for (int pad = 1; secret.size() % BLOCK_SIZE != 0; pad++) secret.raw(new byte[] {(byte) pad});
        byte[] body = new SshWire.Writer().raw(MAGIC).string("none").string("none").string(new byte[0]).uint32(1)
                .string(publicBlob).string(secret.toByteArray()).toByteArray();
        return Pem.armor(LABEL, body, LINE_LENGTH);
    }

    /** The public key (with the file's comment) of an unencrypted single-key file, after checking it holds together. */
    static SshPublicKey decode(byte[] body) {
        SshWire.Reader r = new SshWire.Reader(body);
        if (!Arrays.equals(r.raw(MAGIC.length), MAGIC)) throw new MalformedKeyException("not openssh-key-v1");
        String cipher = r.utf8();
        String kdf = r.utf8();
        r.string(); // KDF options
        if (!cipher.equals("none") || !kdf.equals("none")) throw new MalformedKeyException("encrypted key");
        if (r.uint32() != 1) throw new MalformedKeyException("not exactly one key");
        byte[] publicBlob = r.string();
        byte[] secretBytes = r.string();
        r.expectEnd();
        if (secretBytes.length % BLOCK_SIZE != 0) throw new MalformedKeyException("private section not padded");

        SshWire.Reader s = new SshWire.Reader(secretBytes);
        if (s.uint32() != s.uint32()) throw new MalformedKeyException("check integers differ");
        String type = s.utf8();
        byte[] blob = switch (type) {
            case SshKeys.ED25519 -> ed25519Blob(s);
            case SshKeys.RSA -> RsaPrivate.fromOpenSsh(s).publicBlob();
            default -> throw new MalformedKeyException("key type " + type + " is not supported");
        };
        String comment = s.utf8();
        for (int pad = 1; s.remaining() > 0; pad++) {
            if (s.raw(1)[0] != (byte) pad) throw new MalformedKeyException("bad padding");
        }
        if (!Arrays.equals(blob, publicBlob)) throw new MalformedKeyException("public and private parts differ");
        return new SshPublicKey(type, blob, comment);
    }

    /** {@code string A, string (seed || A)}: the public point stated twice must agree. */
    private static byte[] ed25519Blob(SshWire.Reader s) {
        byte[] publicKey = s.string();
        byte[] secretKey = s.string();
        if (secretKey.length != 2 * KeyBlobs.ED25519_KEY_BYTES
                || !Arrays.equals(secretKey, KeyBlobs.ED25519_KEY_BYTES, secretKey.length, publicKey, 0, publicKey.length)) {
            throw new MalformedKeyException("Ed25519 secret key does not end with its public key");
        }
        return KeyBlobs.ed25519(publicKey);
    }
}

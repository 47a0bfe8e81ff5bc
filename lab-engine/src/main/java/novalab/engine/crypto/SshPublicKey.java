package novalab.engine.crypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An SSH public key: its type ({@code ssh-rsa} or {@code ssh-ed25519}), its wire blob (what the
 * base64 in a {@code .pub} line decodes to, and what fingerprints hash) and its comment, empty when
 * there is none. The blob is checked on construction and copied in and out.
 */
public record SshPublicKey(String type, byte[] blob, String comment) {

    /** @throws IllegalArgumentException when {@code blob} is not a well-formed key of {@code type} */
    public SshPublicKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(comment, "comment");
        blob = blob.clone();
        try {
            KeyBlobs.bits(type, blob);
        } catch (MalformedKeyException e) {
            throw new IllegalArgumentException("not an " + type + " key blob: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] blob() { return blob.clone(); }

    /** Nova's fingerprint: MD5 of the blob as colon-separated lower-case hex ({@code 7e:eb:ab:...}). */
    public String md5Fingerprint() { return SshKeys.md5Fingerprint(blob); }

    /** OpenSSH's default fingerprint, {@code SHA256:} and unpadded base64. */
    public String sha256Fingerprint() { return SshKeys.sha256Fingerprint(blob); }

    /** Key size as {@code ssh-keygen -l} shows it: the RSA modulus length, 256 for Ed25519. */
    public int bits() { return KeyBlobs.bits(type, blob); }

    /** The upper-case name OpenSSH shows after fingerprints and in randomart: {@code RSA}, {@code ED25519}. */
    public String typeLabel() { return KeyBlobs.label(type); }

    /** The {@code .pub} / authorized_keys line without newline: type, base64 blob, and the comment if any. */
    public String line() {
        String base = type + " " + Base64.getEncoder().encodeToString(blob);
        return comment.isEmpty() ? base : base + " " + comment;
    }

    /** The same key with another comment. */
    public SshPublicKey withComment(String newComment) { return new SshPublicKey(type, blob, newComment); }

    /** True when both are the same key, whatever the comments say. */
    public boolean sameKeyAs(SshPublicKey other) { return type.equals(other.type) && Arrays.equals(blob, other.blob); }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshPublicKey k && sameKeyAs(k) && comment.equals(k.comment);
    }

    @Override
    public int hashCode() { return Objects.hash(type, Arrays.hashCode(blob), comment); }

    @Override
    public String toString() { return "SshPublicKey[" + line() + "]"; }
}

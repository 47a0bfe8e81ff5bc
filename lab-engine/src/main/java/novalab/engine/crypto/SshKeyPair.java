package novalab.engine.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A freshly generated key pair as Nova's {@code os-keypairs} create returns it: the private key file
 * text, the public key line, and the public wire blob; {@code type} is {@code ssh-rsa} or {@code ssh-ed25519}.
 */
public record SshKeyPair(String type, String privateKeyPem, String publicKeyLine, byte[] publicBlob) {

    public SshKeyPair {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(publicKeyLine, "publicKeyLine");
        publicBlob = publicBlob.clone();
    }

    @Override
    public byte[] publicBlob() { return publicBlob.clone(); }

    /** Nova's fingerprint: MD5 of the public blob as colon-separated lower-case hex. */
    public String md5Fingerprint() { return SshKeys.md5Fingerprint(publicBlob); }

    /** {@code SHA256:} and unpadded base64, as {@code ssh-keygen -l} prints it. */
    public String sha256Fingerprint() { return SshKeys.sha256Fingerprint(publicBlob); }

    /** The public half with its comment, parsed from {@link #publicKeyLine()}. */
    public SshPublicKey publicKey() {
        return SshKeys.parsePublicKeyLine(publicKeyLine)
                .orElseThrow(() -> new IllegalStateException("unparseable public key line " + publicKeyLine));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SshKeyPair k && type.equals(k.type) && privateKeyPem.equals(k.privateKeyPem)
                && publicKeyLine.equals(k.publicKeyLine) && Arrays.equals(publicBlob, k.publicBlob);
    }

    @Override
    public int hashCode() { return Objects.hash(type, privateKeyPem, publicKeyLine, Arrays.hashCode(publicBlob)); }

    /** Leaves the private key out, so it never lands in a log by accident. */
    @Override
    public String toString() { return "SshKeyPair[" + publicKeyLine + "]"; }
}

package novalab.engine.crypto;

/** How a generated RSA private key is written out (Ed25519 keys are always in OpenSSH's format, as ssh-keygen does). */
public enum PrivateKeyFormat {
    /** {@code -----BEGIN RSA PRIVATE KEY-----}: what Nova returns and {@code ssh-keygen -m PEM} writes. */
    PKCS1_PEM,
    /** {@code -----BEGIN PRIVATE KEY-----}: {@code ssh-keygen -m PKCS8}. */
    PKCS8_PEM,
    /** {@code -----BEGIN OPENSSH PRIVATE KEY-----}: ssh-keygen's default since OpenSSH 7.8. */
    OPENSSH
}

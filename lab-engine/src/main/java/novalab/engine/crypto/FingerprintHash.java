package novalab.engine.crypto;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** The digests {@code ssh-keygen -E} offers, each printed the way OpenSSH prints it. */
enum FingerprintHash {
    MD5("MD5", "MD5"),
    SHA1("SHA1", "SHA-1"),
    SHA256("SHA256", "SHA-256");

    private final String label;
    private final String jdkName;

    FingerprintHash(String label, String jdkName) {
        this.label = label;
        this.jdkName = jdkName;
    }

    /** {@code md5}, {@code sha1} or {@code sha256}, as given to {@code -E}. */
    static Optional<FingerprintHash> byName(String name) {
        for (FingerprintHash h : values()) {
            if (h.label.toLowerCase(Locale.ROOT).equals(name)) return Optional.of(h);
        }
        return Optional.empty();
    }

    /** The name in fingerprints and under randomart: MD5, SHA1, SHA256. */
    String label() { return label; }

    byte[] digest(byte[] blob) { return Digests.digest(jdkName, blob); }

    /** {@code MD5:7e:eb:...} (colon hex) or {@code SHA256:uhav5e...} (base64 without padding). */
    String fingerprint(byte[] blob) {
        byte[] d = digest(blob);
        String body = this == MD5 ? colonHex(d) : Base64.getEncoder().withoutPadding().encodeToString(d);
        return label + ":" + body;
    }

    static String colonHex(byte[] digest) {
        return HexFormat.ofDelimiter(":").formatHex(digest);
    }
}

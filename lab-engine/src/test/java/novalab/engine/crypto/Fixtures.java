package novalab.engine.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Key files made by the real tools (OpenSSH 9.2p1 ssh-keygen, OpenSSL 3.0) and their outputs, stored
 * under src/test/resources/novalab/engine/crypto: {@code NAME} private key, {@code NAME.pub},
 * {@code NAME.lv} = {@code ssh-keygen -lv -f NAME.pub}, {@code NAME.md5} = {@code ssh-keygen -l -E md5 -f NAME.pub},
 * {@code NAME.y} = {@code ssh-keygen -y -f NAME}; {@code real-generate-*.out} is what ssh-keygen printed when it
 * made {@code real-generate-*.pub}. These private keys are test data only.
 */
final class Fixtures {
    /** ssh-keygen -t ed25519 / -t rsa -b 2048 (OpenSSH format) / -t rsa -b 1024 -m PEM, comment fixture@nova-lab. */
    static final String REAL_ED25519 = "real-ed25519";
    static final String REAL_RSA_2048 = "real-rsa-2048";
    static final String REAL_RSA_1024_PEM = "real-rsa-1024-pem";
    /**
     * openssl genpkey (PKCS#8 "PRIVATE KEY"). OpenSSH 9.2 cannot load the Ed25519 one ("invalid format"), so its
     * .pub was built from {@code openssl pkey -pubout} and it has no .y file.
     */
    static final String OPENSSL_ED25519_PKCS8 = "openssl-ed25519-pkcs8";
    static final String OPENSSL_RSA_PKCS8 = "openssl-rsa-pkcs8";
    /** The key pair in Nova's API reference, doc/api_samples/os-keypairs/v2.2/keypairs-post-resp.json. */
    static final String NOVA_API_SAMPLE = "nova-api-sample";

    static final String[] ALL = {REAL_ED25519, REAL_RSA_2048, REAL_RSA_1024_PEM, OPENSSL_ED25519_PKCS8,
            OPENSSL_RSA_PKCS8, NOVA_API_SAMPLE};

    /** The public key line from Nova's API reference, whose published fingerprint is 7e:eb:ab:24:.... */
    static final String NOVA_PUBLIC_LINE = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQCkF3MX59OrlBs3dH5CU7lNmvpbrgZxSpyGjlnE8"
            + "Flkirnc/Up22lpjznoxqeoTAwTW034k7Dz6aYIrZGmQwe2TkE084yqvlj45Dkyoj95fW/sZacm0cZNuL69EObEGHdprfGJQajrpz22NQoCD8TFB8Wv+"
            + "8om9NH9Le6s+WPe98WC77KLw8qgfQsbIey+JawPWl4O67ZdL5xrypuRjfIPWjgy/VH85IXg/Z/GONZ2nxHgSShMkwqSFECAC5L3PHB+0+/12M/iikda"
            + "tFSVGjpuHvkLOs3oe7m6HlOfluSJ85BzLWBbvva93qkGmLg4ZAc8rPh2O+YIsBUHNLLMM/oQp Generated-by-Nova";

    private Fixtures() {}

    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SshPublicKey publicKey(String name) {
        return SshKeys.parsePublicKeyLine(text(name + ".pub")).orElseThrow();
    }
}

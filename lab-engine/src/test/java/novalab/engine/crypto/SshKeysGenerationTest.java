package novalab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshKeysGenerationTest {
    private static final byte[] SEED = "nebula_key@1700000000000".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_SEED = "nebula_key@1700000000001".getBytes(StandardCharsets.UTF_8);

    @Test
    void the_same_seed_gives_the_same_rsa_key() {
        SshKeyPair first = SshKeys.generateRsa(2048, SEED, "Generated-by-Nova");
        SshKeyPair second = SshKeys.generateRsa(2048, SEED, "Generated-by-Nova");

        assertThat(second.privateKeyPem()).isEqualTo(first.privateKeyPem());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void another_seed_gives_another_rsa_key() {
        SshKeyPair first = SshKeys.generateRsa(1024, SEED, "c");
        SshKeyPair second = SshKeys.generateRsa(1024, OTHER_SEED, "c");

        assertThat(second.publicBlob()).isNotEqualTo(first.publicBlob());
    }

    @Test
    void nova_style_rsa_key_is_pkcs1_pem_in_64_character_lines() {
        SshKeyPair pair = SshKeys.generateRsa(2048, SEED, "Generated-by-Nova");

        List<String> lines = pair.privateKeyPem().lines().toList();
        assertThat(pair.privateKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
                .endsWith("\n-----END RSA PRIVATE KEY-----\n");
        List<String> body = lines.subList(1, lines.size() - 1);
        assertThat(body.subList(0, body.size() - 1)).allSatisfy(line -> assertThat(line).hasSize(64));
        assertThat(body.get(body.size() - 1).length()).isBetween(1, 64);
        assertThat(Base64.getDecoder().decode(String.join("", body))).isNotEmpty();
        // SEQUENCE { INTEGER 0, INTEGER n (257 bytes) ...: the same opening as Nova's sample "MIIEpAIBAAKCAQEA"
        assertThat(body.get(0)).matches("MIIE..IBAAKCAQEA.{48}");
        assertThat(pair.type()).isEqualTo("ssh-rsa");
    }

    @Test
    void rsa_public_line_is_type_blob_and_comment() {
        SshKeyPair pair = SshKeys.generateRsa(2048, SEED, "Generated-by-Nova");

        String[] parts = pair.publicKeyLine().split(" ");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).isEqualTo("ssh-rsa");
        assertThat(parts[1]).startsWith("AAAAB3NzaC1yc2EAAAADAQABAAABAQ");
        assertThat(Base64.getDecoder().decode(parts[1])).isEqualTo(pair.publicBlob());
        assertThat(parts[2]).isEqualTo("Generated-by-Nova");
        assertThat(pair.publicKey().bits()).isEqualTo(2048);
    }

    @Test
    void every_rsa_private_key_format_reads_back_to_the_same_public_key() {
        for (PrivateKeyFormat format : PrivateKeyFormat.values()) {
            SshKeyPair pair = SshKeys.generateRsa(1024, SEED, "student@workstation", format);

            SshPublicKey back = SshKeys.publicKeyOfPrivate(pair.privateKeyPem()).orElseThrow();

            assertThat(back.blob()).as(format.name()).isEqualTo(pair.publicBlob());
            assertThat(back.md5Fingerprint()).isEqualTo(pair.md5Fingerprint());
        }
    }

    @Test
    void the_rsa_key_does_not_depend_on_the_file_format() {
        SshKeyPair pem = SshKeys.generateRsa(1024, SEED, "c", PrivateKeyFormat.PKCS1_PEM);
        SshKeyPair openssh = SshKeys.generateRsa(1024, SEED, "c", PrivateKeyFormat.OPENSSH);

        assertThat(openssh.publicBlob()).isEqualTo(pem.publicBlob());
        assertThat(openssh.privateKeyPem()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
    }

    @Test
    void rsa_sizes_outside_what_ssh_keygen_allows_are_refused() {
        assertThatThrownBy(() -> SshKeys.generateRsa(512, SEED, "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SshKeys.generateRsa(16385, SEED, "c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_same_seed_gives_the_same_ed25519_key_file() {
        SshKeyPair first = SshKeys.generateEd25519(SEED, "student@workstation");
        SshKeyPair second = SshKeys.generateEd25519(SEED, "student@workstation");

        assertThat(second.privateKeyPem()).isEqualTo(first.privateKeyPem());
        assertThat(SshKeys.generateEd25519(OTHER_SEED, "student@workstation").publicBlob())
                .isNotEqualTo(first.publicBlob());
    }

    @Test
    void ed25519_keys_depend_only_on_sha256_and_curve_arithmetic_so_this_seed_always_gives_this_key() {
        SshKeyPair pair = SshKeys.generateEd25519(SEED, "student@workstation");

        assertThat(pair.sha256Fingerprint()).isEqualTo(SshKeys.generateEd25519(SEED, "other").sha256Fingerprint());
        assertThat(pair.publicKeyLine()).isEqualTo(ED25519_OF_SEED);
    }

    /**
     * Checked independently with OpenSSL: private seed = SHA-256("ed25519 private key" || 0 || SEED), public
     * key from {@code openssl pkey -pubout}. Fixed by SHA-256 and RFC 8032, not by anything the JDK may change.
     */
    private static final String ED25519_OF_SEED =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILSwewh5tEVKvobwoTyBkQH4nQe7F/fZV9Au7wPt5xAS student@workstation";

    @Test
    void ed25519_private_key_is_an_unencrypted_openssh_key_v1_file_in_70_character_lines() {
        SshKeyPair pair = SshKeys.generateEd25519(SEED, "student@workstation");

        List<String> lines = pair.privateKeyPem().lines().toList();
        assertThat(lines.get(0)).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("-----END OPENSSH PRIVATE KEY-----");
        assertThat(pair.privateKeyPem()).endsWith("-----\n");
        List<String> body = lines.subList(1, lines.size() - 1);
        assertThat(body.subList(0, body.size() - 1)).allSatisfy(line -> assertThat(line).hasSize(70));
        byte[] bytes = Base64.getDecoder().decode(String.join("", body));
        // magic, then cipher "none", KDF "none", empty KDF options, one key
        assertThat(new String(bytes, 0, 15, StandardCharsets.US_ASCII)).isEqualTo("openssh-key-v1\0");
        assertThat(body.get(0)).startsWith("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB");
        assertThat(pair.type()).isEqualTo("ssh-ed25519");
        assertThat(pair.publicKeyLine()).startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI").endsWith(" student@workstation");
    }

    @Test
    void ed25519_key_reads_back_with_its_comment() {
        SshKeyPair pair = SshKeys.generateEd25519(SEED, "student@workstation");

        SshPublicKey back = SshKeys.publicKeyOfPrivate(pair.privateKeyPem()).orElseThrow();

        assertThat(back).isEqualTo(pair.publicKey());
        assertThat(back.comment()).isEqualTo("student@workstation");
        assertThat(back.bits()).isEqualTo(256);
    }

    @Test
    void ed25519_public_key_matches_rfc_8032_test_vector_1() {
        byte[] secret = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

        assertThat(HexFormat.of().formatHex(Ed25519.publicKeyOf(secret)))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    }

    @Test
    void a_key_pair_hides_its_private_key_from_toString_and_copies_its_blob() {
        SshKeyPair pair = SshKeys.generateEd25519(SEED, "c");

        assertThat(pair.toString()).doesNotContain("PRIVATE");
        byte[] blob = pair.publicBlob();
        Arrays.fill(blob, (byte) 0);
        assertThat(pair.publicBlob()).isNotEqualTo(blob);
    }
}

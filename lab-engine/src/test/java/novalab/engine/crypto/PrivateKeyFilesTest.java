package novalab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrivateKeyFilesTest {

    @Test
    void every_real_private_key_file_gives_the_public_key_real_ssh_keygen_gave() {
        for (String name : Fixtures.ALL) {
            SshPublicKey expected = Fixtures.publicKey(name);

            SshPublicKey key = SshKeys.publicKeyOfPrivate(Fixtures.text(name)).orElseThrow();

            assertThat(key.sameKeyAs(expected)).as(name).isTrue();
        }
    }

    @Test
    void an_openssh_file_gives_its_comment_and_the_line_ssh_keygen_y_prints() {
        for (String name : new String[] {Fixtures.REAL_ED25519, Fixtures.REAL_RSA_2048}) {
            SshPublicKey key = SshKeys.publicKeyOfPrivate(Fixtures.text(name)).orElseThrow();

            assertThat(key.comment()).isEqualTo("fixture@nova-lab");
            assertThat(key.line() + "\n").as(name).isEqualTo(Fixtures.text(name + ".y"));
        }
    }

    @Test
    void a_pem_file_has_no_comment_and_prints_as_ssh_keygen_y_prints_it() {
        for (String name : new String[] {Fixtures.REAL_RSA_1024_PEM, Fixtures.OPENSSL_RSA_PKCS8, Fixtures.NOVA_API_SAMPLE}) {
            SshPublicKey key = SshKeys.publicKeyOfPrivate(Fixtures.text(name)).orElseThrow();

            assertThat(key.comment()).isEmpty();
            assertThat(key.line() + "\n").as(name).isEqualTo(Fixtures.text(name + ".y"));
        }
    }

    @Test
    void the_private_key_in_novas_api_reference_belongs_to_its_published_fingerprint() {
        SshPublicKey key = SshKeys.publicKeyOfPrivate(Fixtures.text(Fixtures.NOVA_API_SAMPLE)).orElseThrow();

        assertThat(key.md5Fingerprint()).isEqualTo("7e:eb:ab:24:ba:d1:e1:88:ae:9a:fb:66:53:df:d3:bd");
    }

    @Test
    void text_around_the_pem_block_and_windows_line_ends_are_tolerated() {
        String file = "Key for the lab\r\n" + Fixtures.text(Fixtures.NOVA_API_SAMPLE).replace("\n", "\r\n") + "\r\n";

        assertThat(SshKeys.publicKeyOfPrivate(file)).isPresent();
    }

    @Test
    void garbage_public_keys_and_other_pem_blocks_give_nothing() {
        String pem = Fixtures.text(Fixtures.NOVA_API_SAMPLE);

        assertThat(SshKeys.publicKeyOfPrivate("")).isEmpty();
        assertThat(SshKeys.publicKeyOfPrivate("garbage\n")).isEmpty();
        assertThat(SshKeys.publicKeyOfPrivate(Fixtures.NOVA_PUBLIC_LINE)).isEmpty();
        assertThat(SshKeys.publicKeyOfPrivate(pem.replace("RSA PRIVATE KEY", "DSA PRIVATE KEY"))).isEmpty();
        assertThat(SshKeys.publicKeyOfPrivate(pem.replace("-----END RSA PRIVATE KEY-----", ""))).isEmpty();
        assertThat(SshKeys.publicKeyOfPrivate(pem.replace("MIIEpAIBAAKCAQEA", "MIIEpAIBAAKCAQE*"))).isEmpty();
    }

    @Test
    void an_encrypted_key_gives_nothing() {
        String pem = Fixtures.text(Fixtures.NOVA_API_SAMPLE).replace("-----\n",
                "-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00000000000000000000000000000000\n\n");
        byte[] body = openSshBody(Fixtures.text(Fixtures.REAL_ED25519));
        byte[] aes = new SshWire.Writer().raw("openssh-key-v1\0".getBytes()).string("aes256-ctr").string("bcrypt")
                .raw(java.util.Arrays.copyOfRange(body, 15 + 8 + 8, body.length)).toByteArray();

        assertThat(SshKeys.publicKeyOfPrivate(pem)).isEmpty();
        assertThat(SshKeys.publicKeyOfPrivate(Pem.armor("OPENSSH PRIVATE KEY", aes, 70))).isEmpty();
    }

    @Test
    void a_file_cut_short_anywhere_never_throws_and_never_gives_another_key() {
        for (String name : Fixtures.ALL) {
            String file = Fixtures.text(name);
            SshPublicKey expected = Fixtures.publicKey(name);
            for (int length = 0; length < file.length(); length++) {
                String cut = file.substring(0, length);
                Optional<SshPublicKey> key = assertDoesNotThrow(cut);
                key.ifPresent(k -> assertThat(k.sameKeyAs(expected)).as(name + " cut at " + cut.length()).isTrue());
            }
        }
    }

    @Test
    void a_file_with_any_one_byte_changed_never_throws() {
        for (String name : Fixtures.ALL) {
            Pem.Block block = Pem.dearmor(Fixtures.text(name));
            for (int i = 0; i < block.der().length; i++) {
                for (int flip : new int[] {0x01, 0x80, 0xff}) {
                    byte[] changed = block.der().clone();
                    changed[i] ^= (byte) flip;
                    assertDoesNotThrow(Pem.armor(block.label(), changed, 64));
                }
            }
        }
    }

    private static Optional<SshPublicKey> assertDoesNotThrow(String file) {
        Object[] result = new Object[1];
        assertThatCode(() -> result[0] = SshKeys.publicKeyOfPrivate(file)).doesNotThrowAnyException();
        @SuppressWarnings("unchecked")
        Optional<SshPublicKey> key = (Optional<SshPublicKey>) result[0];
        return key;
    }

    private static byte[] openSshBody(String file) {
        return Base64.getDecoder().decode(file.lines().filter(l -> !l.startsWith("-----")).reduce("", String::concat));
    }
}

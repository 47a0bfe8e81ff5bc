package novalab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RandomartTest {

    @Test
    void art_matches_real_ssh_keygen_lv_for_every_fixture() {
        for (String name : Fixtures.ALL) {
            SshPublicKey key = Fixtures.publicKey(name);
            String expected = Fixtures.text(name + ".lv").lines().skip(1).reduce((a, b) -> a + "\n" + b).orElseThrow();

            assertThat(SshKeys.randomart(key.type(), key.bits(), key.blob())).as(name).isEqualTo(expected);
        }
    }

    @Test
    void art_from_an_md5_digest_matches_ssh_keygen_lv_e_md5() {
        SshPublicKey key = Fixtures.publicKey(Fixtures.REAL_RSA_2048);
        String expected = Fixtures.text("real-rsa-2048.lv-md5").lines().skip(1).reduce((a, b) -> a + "\n" + b).orElseThrow();

        String art = SshKeys.randomart(key.type(), key.bits(), key.blob(), FingerprintHash.MD5);

        assertThat(art).isEqualTo(expected).endsWith("+------[MD5]------+");
    }

    @Test
    void art_matches_the_image_real_ssh_keygen_printed_when_it_generated_the_key() {
        for (String name : List.of("real-generate-ed25519", "real-generate-rsa-1024")) {
            SshPublicKey key = Fixtures.publicKey(name);
            List<String> transcript = Fixtures.text(name + ".out").lines().toList();
            String printed = String.join("\n", transcript.subList(6, 17));

            assertThat(SshKeys.randomart(key.type(), key.bits(), key.blob())).as(name).isEqualTo(printed);
        }
    }

    @Test
    void header_names_type_and_size_and_footer_names_the_hash() {
        SshPublicKey rsa = Fixtures.publicKey(Fixtures.REAL_RSA_2048);
        SshPublicKey ed = Fixtures.publicKey(Fixtures.REAL_ED25519);

        List<String> rsaArt = SshKeys.randomart("ssh-rsa", 3072, rsa.blob()).lines().toList();
        List<String> edArt = SshKeys.randomart("ED25519", 256, ed.blob()).lines().toList();

        assertThat(rsaArt.get(0)).isEqualTo("+---[RSA 3072]----+");
        assertThat(edArt.get(0)).isEqualTo("+--[ED25519 256]--+");
        assertThat(edArt.get(10)).isEqualTo("+----[SHA256]-----+");
        assertThat(edArt).hasSize(11).allSatisfy(line -> assertThat(line).hasSize(19));
    }

    @Test
    void a_title_too_long_for_the_border_drops_the_size_as_openssh_does() {
        assertThat(Randomart.render("ED25519-CERT", 256, new byte[32], "SHA256")).startsWith("+-[ED25519-CERT]--+");
    }
}

package novalab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.VirtualFs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SshKeygenTest {
    private FakeNode workstation;
    private FixedClock clock;

    /** What one run printed and returned. */
    record Run(String out, String err, int status) {}

    @BeforeEach
    void a_workstation_at_a_fixed_simulated_time() {
        workstation = new FakeNode("workstation", "student");
        clock = new FixedClock(1_700_000_000_000L);
    }

    private Run keygenAnswering(String stdin, String... args) {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Invocation inv = new Invocation("ssh-keygen", List.of(args), stdin, out, err, Map.of(), workstation,
                workstation.home(), clock);
        int status = new SshKeygen().run(inv);
        return new Run(out.toString(), err.toString(), status);
    }

    private Run keygen(String... args) { return keygenAnswering("", args); }

    private VirtualFs fs() { return workstation.fs(); }

    private String content(String path) { return fs().file(path).orElseThrow().content(); }

    @Test
    void generating_an_ed25519_key_prints_what_openssh_prints_and_writes_both_files() {
        Run run = keygen("-t", "ed25519", "-f", "mykey", "-N", "", "-C", "student@workstation");

        SshPublicKey key = SshKeys.parsePublicKeyLine(content("/home/student/mykey.pub")).orElseThrow();
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).isEqualTo("""
                Generating public/private ed25519 key pair.
                Your identification has been saved in mykey
                Your public key has been saved in mykey.pub
                The key fingerprint is:
                %s student@workstation
                The key's randomart image is:
                %s
                """.formatted(key.sha256Fingerprint(), SshKeys.randomart("ssh-ed25519", 256, key.blob())));
        assertThat(fs().file("/home/student/mykey").orElseThrow())
                .extracting(VirtualFs.FileEntry::mode, VirtualFs.FileEntry::owner).containsExactly(0600, "student");
        assertThat(fs().file("/home/student/mykey.pub").orElseThrow())
                .extracting(VirtualFs.FileEntry::mode, VirtualFs.FileEntry::owner).containsExactly(0644, "student");
        assertThat(SshKeys.publicKeyOfPrivate(content("/home/student/mykey"))).contains(key);
    }

    @Test
    void the_transcript_has_the_same_lines_as_real_ssh_keygen_apart_from_the_key() {
        List<String> real = Fixtures.text("real-generate-ed25519.out").replace("/tmp/gen/", "/home/student/").lines().toList();

        List<String> ours = keygen("-t", "ed25519", "-f", "/home/student/id_ed25519", "-N", "", "-C", "student@workstation")
                .out().lines().toList();

        assertThat(ours).hasSameSizeAs(real);
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 16}) assertThat(ours.get(i)).isEqualTo(real.get(i));
        assertThat(ours.get(4)).matches("SHA256:[A-Za-z0-9+/]{43} student@workstation");
    }

    @Test
    void without_a_file_it_asks_takes_the_default_and_creates_dot_ssh() {
        Run run = keygen("-t", "ed25519");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("""
                Generating public/private ed25519 key pair.
                Enter file in which to save the key (/home/student/.ssh/id_ed25519):\s
                Created directory '/home/student/.ssh'.
                Enter passphrase (empty for no passphrase):\s
                Enter same passphrase again:\s
                Your identification has been saved in /home/student/.ssh/id_ed25519
                """);
        assertThat(fs().dirMode("/home/student/.ssh")).isEqualTo(0700);
        assertThat(content("/home/student/.ssh/id_ed25519.pub")).endsWith(" student@workstation\n");
    }

    @Test
    void a_file_name_typed_at_the_prompt_is_used() {
        Run run = keygenAnswering("lab_key\n\n\n", "-t", "ed25519");

        assertThat(run.out()).contains("Enter file in which to save the key (/home/student/.ssh/id_ed25519): lab_key\n")
                .contains("Your identification has been saved in lab_key\n");
        assertThat(fs().isFile("/home/student/lab_key")).isTrue();
    }

    @Test
    void plain_ssh_keygen_makes_an_ed25519_key_as_openssh_9_5_and_later_do() {
        keygen();

        assertThat(content("/home/student/.ssh/id_ed25519.pub")).startsWith("ssh-ed25519 ");
    }

    @Test
    void an_rsa_key_is_written_in_openssh_format_and_with_m_pem_in_pkcs1() {
        Run run = keygen("-t", "rsa", "-b", "1024", "-f", "rsa_key", "-N", "");
        keygen("-t", "rsa", "-b", "1024", "-m", "PEM", "-f", "rsa_pem", "-N", "");

        assertThat(run.out()).startsWith("Generating public/private rsa key pair.\n").contains("+---[RSA 1024]----+");
        assertThat(content("/home/student/rsa_key")).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        assertThat(content("/home/student/rsa_pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(SshKeys.publicKeyOfPrivate(content("/home/student/rsa_pem")).orElseThrow().line() + " student@workstation\n")
                .isEqualTo(content("/home/student/rsa_pem.pub"));
    }

    @Test
    void the_same_command_at_the_same_simulated_time_makes_the_same_key() {
        keygen("-t", "ed25519", "-f", "k", "-N", "");
        String first = content("/home/student/k");
        fs().delete("/home/student/k");
        fs().delete("/home/student/k.pub");

        keygen("-t", "ed25519", "-f", "k", "-N", "");
        String again = content("/home/student/k");
        clock.sleep(1);
        keygenAnswering("y\n", "-t", "ed25519", "-f", "k", "-N", "");

        assertThat(again).isEqualTo(first);
        assertThat(content("/home/student/k")).isNotEqualTo(first);
    }

    @Test
    void quiet_mode_prints_nothing() {
        Run run = keygen("-q", "-t", "ed25519", "-f", "k", "-N", "");

        assertThat(run.out()).isEmpty();
        assertThat(run.status()).isZero();
        assertThat(fs().isFile("/home/student/k.pub")).isTrue();
    }

    @Test
    void an_existing_file_is_kept_unless_the_answer_is_yes() {
        keygen("-q", "-t", "ed25519", "-f", "k", "-N", "", "-C", "first");
        clock.sleep(1000);

        Run refused = keygenAnswering("n\n", "-t", "ed25519", "-f", "k", "-N", "", "-C", "second");
        Run noAnswer = keygen("-t", "ed25519", "-f", "k", "-N", "", "-C", "second");

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).isEqualTo("Generating public/private ed25519 key pair.\nk already exists.\nOverwrite (y/n)? n\n");
        assertThat(noAnswer.status()).isEqualTo(1);
        assertThat(content("/home/student/k.pub")).endsWith(" first\n");

        Run accepted = keygenAnswering("y\n", "-t", "ed25519", "-f", "k", "-N", "", "-C", "second");

        assertThat(accepted.status()).isZero();
        assertThat(accepted.out()).contains("Overwrite (y/n)? y\nYour identification has been saved in k\n");
        assertThat(content("/home/student/k.pub")).endsWith(" second\n");
    }

    @Test
    void a_passphrase_is_refused_because_the_lab_does_not_support_them() {
        Run given = keygen("-t", "ed25519", "-f", "k", "-N", "secret");
        Run typed = keygenAnswering("secret\nsecret\n", "-t", "ed25519", "-f", "k");

        assertThat(given.status()).isEqualTo(1);
        assertThat(given.err()).isEqualTo("ssh-keygen: passphrases are not supported in this lab; use an empty passphrase (-N \"\")\n");
        assertThat(typed.status()).isEqualTo(1);
        assertThat(typed.out()).endsWith("Enter passphrase (empty for no passphrase): \nEnter same passphrase again: \n");
        assertThat(fs().exists("/home/student/k")).isFalse();
    }

    @Test
    void wrong_types_sizes_formats_and_hashes_are_refused_in_openssh_words() {
        assertThat(keygen("-t", "foo", "-f", "k")).isEqualTo(new Run("", "unknown key type foo\n", 255));
        assertThat(keygen("-t", "rsa", "-b", "512", "-f", "k"))
                .isEqualTo(new Run("", "Invalid RSA key length: minimum is 1024 bits\n", 255));
        assertThat(keygen("-t", "rsa", "-b", "20000", "-f", "k"))
                .isEqualTo(new Run("", "Invalid RSA key length: maximum is 16384 bits\n", 255));
        assertThat(keygen("-t", "rsa", "-b", "12x", "-f", "k")).isEqualTo(new Run("", "Bits has bad value 12x (invalid)\n", 255));
        assertThat(keygen("-t", "ed25519", "-m", "foo", "-f", "k")).isEqualTo(new Run("", "Unsupported conversion format \"foo\"\n", 255));
        assertThat(keygen("-l", "-E", "foo", "-f", "k")).isEqualTo(new Run("", "Invalid hash algorithm \"foo\"\n", 255));
        assertThat(keygen("-t", "ecdsa", "-f", "k").err()).isEqualTo("key type ecdsa is not supported in this lab (use rsa or ed25519)\n");
        assertThat(fs().exists("/home/student/k")).isFalse();
    }

    @Test
    void bad_command_lines_print_the_usage() {
        Run unknown = keygen("-W");
        Run missing = keygen("-f");
        Run extra = keygen("-t", "ed25519", "-f", "k", "extra");

        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("unknown option -- W\nusage: ssh-keygen [-q] [-a rounds] [-b bits]");
        assertThat(missing.err()).startsWith("option requires an argument -- f\nusage: ");
        assertThat(extra.err()).startsWith("Too many arguments.\nusage: ");
        assertThat(keygen("-p").err()).isEqualTo("ssh-keygen: option -p is not supported in this lab\n");
    }

    @Test
    void saving_into_a_missing_directory_fails() {
        Run run = keygen("-t", "ed25519", "-f", "/nonexist/dir/k", "-N", "");

        assertThat(run).isEqualTo(new Run("Generating public/private ed25519 key pair.\n",
                "Saving key \"/nonexist/dir/k\" failed: No such file or directory\n", 1));
    }

    @Test
    void l_prints_size_fingerprint_comment_and_type() {
        keygen("-q", "-t", "ed25519", "-f", "k", "-N", "", "-C", "me@lab");
        SshPublicKey key = SshKeys.parsePublicKeyLine(content("/home/student/k.pub")).orElseThrow();

        assertThat(keygen("-l", "-f", "k.pub").out()).isEqualTo("256 " + key.sha256Fingerprint() + " me@lab (ED25519)\n");
        assertThat(keygen("-l", "-E", "md5", "-f", "k.pub").out())
                .isEqualTo("256 MD5:" + key.md5Fingerprint() + " me@lab (ED25519)\n");
        assertThat(keygen("-lf", "k").out()).as("a private key file and its .pub").isEqualTo(keygen("-l", "-f", "k.pub").out());
        assertThat(keygen("-lv", "-f", "k.pub").out()).endsWith("+----[SHA256]-----+\n");
    }

    @Test
    void l_reads_novas_key_as_real_ssh_keygen_does() {
        fs().write("/home/student/nova.pub", Fixtures.NOVA_PUBLIC_LINE + "\n", 0644, "student");

        assertThat(keygen("-l", "-E", "md5", "-f", "nova.pub").out()).isEqualTo(Fixtures.text("nova-api-sample.md5"));
        assertThat(keygen("-lv", "-f", "nova.pub").out()).isEqualTo(Fixtures.text("nova-api-sample.lv"));
    }

    @Test
    void l_lists_every_key_of_an_authorized_keys_file() {
        fs().write("/home/student/.ssh/authorized_keys", "# keys\n\n" + Fixtures.text("real-ed25519.pub")
                + "from=\"10.0.0.0/8\" " + Fixtures.NOVA_PUBLIC_LINE + "\n", 0600, "student");

        Run run = keygen("-l", "-f", "~/.ssh/authorized_keys");

        assertThat(run.out().lines().toList()).containsExactly(
                Fixtures.text("real-ed25519.lv").lines().findFirst().orElseThrow(),
                "2048 SHA256:uhav5eZSAD/qv67VrfrLGGwIIKT8EC1tiiikOUbREZ8 Generated-by-Nova (RSA)");
    }

    @Test
    void l_on_a_private_key_alone_uses_the_comment_inside_it() {
        fs().write("/home/student/only", Fixtures.text(Fixtures.REAL_ED25519), 0600, "student");
        fs().write("/home/student/nova.pem", Fixtures.text(Fixtures.NOVA_API_SAMPLE), 0600, "student");

        assertThat(keygen("-l", "-f", "only").out()).isEqualTo(Fixtures.text("real-ed25519.lv").lines().findFirst().orElseThrow() + "\n");
        assertThat(keygen("-l", "-f", "nova.pem").out()).isEqualTo("2048 SHA256:uhav5eZSAD/qv67VrfrLGGwIIKT8EC1tiiikOUbREZ8 no comment (RSA)\n");
    }

    @Test
    void l_on_missing_or_unreadable_files_fails() {
        fs().write("/home/student/junk", "hello\n", 0644, "student");

        assertThat(keygen("-l", "-f", "nope")).isEqualTo(new Run("", "ssh-keygen: nope: No such file or directory\n", 255));
        assertThat(keygen("-l", "-f", "junk")).isEqualTo(new Run("", "junk is not a public key file.\n", 255));
    }

    @Test
    void y_prints_the_public_key_of_a_private_key() {
        keygen("-q", "-t", "ed25519", "-f", "k", "-N", "", "-C", "me@lab");
        fs().write("/home/student/nebula_key.pem", Fixtures.text(Fixtures.NOVA_API_SAMPLE), 0600, "student");

        assertThat(keygen("-y", "-f", "k")).isEqualTo(new Run(content("/home/student/k.pub"), "", 0));
        assertThat(keygen("-y", "-f", "nebula_key.pem").out())
                .isEqualTo(Fixtures.NOVA_PUBLIC_LINE.replace(" Generated-by-Nova", "") + "\n");
    }

    @Test
    void y_refuses_a_key_others_can_read_as_openssh_does() {
        fs().write("/home/student/nebula_key.pem", Fixtures.text(Fixtures.NOVA_API_SAMPLE), 0644, "student");

        Run run = keygen("-y", "-f", "nebula_key.pem");

        assertThat(run.status()).isEqualTo(255);
        assertThat(run.err()).isEqualTo("""
                @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
                @         WARNING: UNPROTECTED PRIVATE KEY FILE!          @
                @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
                Permissions 0644 for 'nebula_key.pem' are too open.
                It is required that your private key files are NOT accessible by others.
                This private key will be ignored.
                Load key "nebula_key.pem": bad permissions
                """);
    }

    @Test
    void y_on_a_missing_or_invalid_file_fails() {
        fs().write("/home/student/g", "garbage\n", 0600, "student");

        assertThat(keygen("-y", "-f", "nope")).isEqualTo(new Run("", "nope: No such file or directory\n", 255));
        assertThat(keygen("-y", "-f", "g")).isEqualTo(new Run("", "Load key \"g\": invalid format\n", 255));
    }

    @Test
    void y_without_a_file_asks_for_one_with_id_rsa_as_default() {
        Run run = keygen("-y");

        assertThat(run.out()).isEqualTo("Enter file in which the key is (/home/student/.ssh/id_rsa): \n");
        assertThat(run.err()).isEqualTo("/home/student/.ssh/id_rsa: No such file or directory\n");
    }

    @Test
    void the_seed_depends_on_time_path_and_host() {
        Invocation here = invocation(workstation);
        FakeNode other = new FakeNode("controller", "student");

        byte[] seed = SshKeygen.seed(here, "/home/student/k");

        assertThat(SshKeygen.seed(here, "/home/student/k")).isEqualTo(seed);
        assertThat(SshKeygen.seed(here, "/home/student/j")).isNotEqualTo(seed);
        assertThat(SshKeygen.seed(invocation(other), "/home/student/k")).isNotEqualTo(seed);
        clock.sleep(1);
        assertThat(SshKeygen.seed(here, "/home/student/k")).isNotEqualTo(seed);
    }

    private Invocation invocation(FakeNode node) {
        return new Invocation("ssh-keygen", List.of(), "", new StringBuilder(), new StringBuilder(), new HashMap<>(),
                node, node.home(), clock);
    }
}

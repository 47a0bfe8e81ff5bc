package novalab.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hands our key files to the real OpenSSH ssh-keygen, where one is installed: it must read each
 * private key, derive the same public key, sign with it, and print the same fingerprint and art.
 */
@EnabledIf("sshKeygenInstalled")
class RealSshKeygenInteropTest {
    private static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
    private static final byte[] SEED = "interop".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    static boolean sshKeygenInstalled() { return Files.isExecutable(SSH_KEYGEN); }

    @Test
    void real_ssh_keygen_reads_signs_with_and_fingerprints_our_keys() throws Exception {
        List<SshKeyPair> pairs = List.of(
                SshKeys.generateEd25519(SEED, "student@workstation"),
                SshKeys.generateRsa(2048, SEED, "Generated-by-Nova"),
                SshKeys.generateRsa(1024, SEED, "student@workstation", PrivateKeyFormat.OPENSSH),
                SshKeys.generateRsa(1024, SEED, "student@workstation", PrivateKeyFormat.PKCS8_PEM));
        int n = 0;
        for (SshKeyPair pair : pairs) {
            Path key = write("key" + n++, pair.privateKeyPem(), "rw-------");
            write(key.getFileName() + ".pub", pair.publicKeyLine() + "\n", "rw-r--r--");
            SshPublicKey pub = pair.publicKey();

            String derived = sshKeygen("-y", "-f", key.toString()).strip();
            assertThat(SshKeys.parsePublicKeyLine(derived).orElseThrow().sameKeyAs(pub)).as(derived).isTrue();

            String lv = sshKeygen("-lv", "-f", key + ".pub");
            assertThat(lv).isEqualTo(pub.bits() + " " + pub.sha256Fingerprint() + " " + pub.comment() + " ("
                    + pub.typeLabel() + ")\n" + SshKeys.randomart(pub.type(), pub.bits(), pub.blob()) + "\n");

            Path message = write("message", "hello\n", "rw-r--r--");
            sshKeygen("-Y", "sign", "-q", "-f", key.toString(), "-n", "file", message.toString());
            write("allowed", "me " + pub.line() + "\n", "rw-r--r--");
            assertThat(sshKeygen("-Y", "verify", "-f", dir.resolve("allowed").toString(), "-I", "me", "-n", "file",
                    "-s", message + ".sig", "<", message.toString())).startsWith("Good \"file\" signature for me");
            Files.delete(Path.of(message + ".sig"));
        }
    }

    private Path write(String name, String content, String permissions) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }

    /** Runs ssh-keygen; a trailing {@code "<", file} pair becomes its standard input. */
    private String sshKeygen(String... args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of(args));
        ProcessBuilder pb = new ProcessBuilder().redirectErrorStream(true);
        int lt = argv.indexOf("<");
        if (lt >= 0) {
            pb.redirectInput(Path.of(argv.get(lt + 1)).toFile());
            argv = argv.subList(0, lt);
        }
        argv.add(0, SSH_KEYGEN.toString());
        Process p = pb.command(argv).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", argv) + "\n" + output).isZero();
        return output;
    }
}

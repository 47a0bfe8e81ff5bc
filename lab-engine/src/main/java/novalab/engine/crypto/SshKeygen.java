package novalab.engine.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.Program;
import novalab.engine.shell.VirtualFs;

/**
 * Simulates OpenSSH 9.x {@code ssh-keygen} on the student's workstation, with its messages, prompts
 * and exit statuses.
 *
 * <p>Supported: {@code ssh-keygen [-q] [-t rsa|ed25519] [-b bits] [-f file] [-N ""] [-C comment]
 * [-m PEM|PKCS8|RFC4716] [-E md5|sha1|sha256]}, {@code ssh-keygen -l [-v] [-E hash] [-f file]} and
 * {@code ssh-keygen -y [-f file]}. Not supported: passphrases (only an empty one), other key types
 * (dsa, ecdsa, security keys), and the conversion, certificate, known_hosts, KRL, moduli and
 * signing modes. Where OpenSSH would read an answer from the terminal, the next line of standard
 * input answers it; at the end of input the file prompt takes its default and passphrases are empty
 * (a lab deviation: OpenSSH exits when stdin ends at the file prompt). Without {@code -t} the key is
 * Ed25519, the default since OpenSSH 9.5.
 *
 * <p>Keys are deterministic: the seed is SHA-256 of the simulated time, the key file's path and the
 * hostname, so the same command at the same simulated moment makes the same key.
 */
public final class SshKeygen implements Program {
    static final int DEFAULT_RSA_BITS = 3072;

    @Override
    public int run(Invocation inv) {
        try {
            KeygenOptions opts = KeygenOptions.parse(inv.args());
            // checked while parsing options, as OpenSSH does, whatever the mode
            FingerprintHash hash = hash(opts);
            PrivateKeyFormat format = format(opts);
            long bits = bits(opts);
            Prompts prompts = new Prompts(inv);
            if (opts.fingerprint()) return KeyFileReports.fingerprint(inv, prompts, opts, hash);
            if (opts.printPublic()) return KeyFileReports.printPublic(inv, prompts, opts);
            return generate(inv, prompts, opts, new Choices(hash, format, bits));
        } catch (KeygenFailure failure) {
            inv.errln(failure.getMessage());
            if (failure.showUsage()) inv.err(KeygenUsage.TEXT);
            return failure.status();
        }
    }

    /** What the options chose beyond the key type: fingerprint hash, RSA file format, {@code -b} (0 when absent). */
    private record Choices(FingerprintHash hash, PrivateKeyFormat format, long bits) {}

    private static int generate(Invocation inv, Prompts prompts, KeygenOptions opts, Choices choices) {
        String typeName = opts.type().orElse("ed25519");
        String type = keyType(typeName);
        int bits = type.equals(SshKeys.RSA) ? rsaBits(choices.bits()) : 256; // OpenSSH ignores -b for Ed25519
        if (!opts.passphrase().orElse("").isEmpty()) throw passphrasesUnsupported();

        if (!opts.quiet()) inv.outln("Generating public/private " + typeName + " key pair.");
        String shown = opts.file().orElseGet(() -> prompts
                .ask("Enter file in which to save the key (" + defaultFile(inv, type) + "): ", false)
                .filter(answer -> !answer.isEmpty())
                .orElse(defaultFile(inv, type)));
        String path = inv.path(shown);
        createUserSshDir(inv, path, opts.quiet());
        if (!confirmOverwrite(inv, prompts, shown, path)) return 1;
        if (opts.passphrase().isEmpty()) askPassphrase(prompts);
        checkSavable(inv.fs(), shown, path);

        String comment = opts.comment().orElse(inv.node().user() + "@" + inv.node().hostname());
        byte[] seed = seed(inv, path);
        SshKeyPair pair = type.equals(SshKeys.RSA)
                ? SshKeys.generateRsa(bits, seed, comment, choices.format())
                : SshKeys.generateEd25519(seed, comment);
        inv.fs().write(path, pair.privateKeyPem(), 0600, inv.node().user());
        inv.fs().write(path + ".pub", pair.publicKeyLine() + "\n", 0644, inv.node().user());
        if (!opts.quiet()) report(inv, shown, pair, comment, choices.hash());
        return 0;
    }

    /** OpenSSH's {@code confirm_overwrite}: an existing file is replaced only after an answer starting with y. */
    private static boolean confirmOverwrite(Invocation inv, Prompts prompts, String shown, String path) {
        if (!inv.fs().exists(path)) return true;
        inv.outln(shown + " already exists.");
        String answer = prompts.ask("Overwrite (y/n)? ", false).orElse("");
        return answer.startsWith("y") || answer.startsWith("Y");
    }

    /** The two passphrase prompts; only the empty passphrase is accepted in the lab. */
    private static void askPassphrase(Prompts prompts) {
        String first = prompts.ask("Enter passphrase (empty for no passphrase): ", true).orElse("");
        String second = prompts.ask("Enter same passphrase again: ", true).orElse("");
        if (!first.isEmpty() || !second.isEmpty()) throw passphrasesUnsupported();
    }

    private static void checkSavable(VirtualFs fs, String shown, String path) {
        if (!fs.isDirectory(VirtualFs.parent(path))) {
            throw KeygenFailure.exit(1, "Saving key \"" + shown + "\" failed: No such file or directory");
        }
        if (fs.isDirectory(path)) throw KeygenFailure.exit(1, "Saving key \"" + shown + "\" failed: Is a directory");
    }

    private static void report(Invocation inv, String shown, SshKeyPair pair, String comment, FingerprintHash hash) {
        inv.outln("Your identification has been saved in " + shown);
        inv.outln("Your public key has been saved in " + shown + ".pub");
        inv.outln("The key fingerprint is:");
        inv.outln(hash.fingerprint(pair.publicBlob()) + " " + comment);
        inv.outln("The key's randomart image is:");
        inv.outln(SshKeys.randomart(pair.type(), pair.publicKey().bits(), pair.publicBlob(), hash));
    }

    /** {@code rsa}/{@code ssh-rsa} or {@code ed25519}/{@code ssh-ed25519}, as OpenSSH's {@code sshkey_type_from_name}. */
    private static String keyType(String name) {
        return switch (name) {
            case "rsa", SshKeys.RSA -> SshKeys.RSA;
            case "ed25519", SshKeys.ED25519 -> SshKeys.ED25519;
            case "dsa", "ssh-dss", "ecdsa", "ecdsa-sk", "ed25519-sk" ->
                    throw KeygenFailure.fatal("key type " + name + " is not supported in this lab (use rsa or ed25519)");
            default -> throw KeygenFailure.fatal("unknown key type " + name);
        };
    }

    /** {@code -b} as OpenSSH's {@code strtonum(optarg, 1, UINT32_MAX)} reads it; 0 when not given. */
    private static long bits(KeygenOptions opts) {
        if (opts.bits().isEmpty()) return 0;
        String text = opts.bits().get();
        long bits;
        try {
            bits = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw KeygenFailure.fatal("Bits has bad value " + text + " (invalid)");
        }
        if (bits < 1) throw KeygenFailure.fatal("Bits has bad value " + text + " (too small)");
        if (bits > 0xffffffffL) throw KeygenFailure.fatal("Bits has bad value " + text + " (too large)");
        return bits;
    }

    private static int rsaBits(long bits) {
        if (bits == 0) return DEFAULT_RSA_BITS;
        if (bits < SshKeys.RSA_MIN_BITS) {
            throw KeygenFailure.fatal("Invalid RSA key length: minimum is " + SshKeys.RSA_MIN_BITS + " bits");
        }
        if (bits > SshKeys.RSA_MAX_BITS) {
            throw KeygenFailure.fatal("Invalid RSA key length: maximum is " + SshKeys.RSA_MAX_BITS + " bits");
        }
        return (int) bits;
    }

    private static PrivateKeyFormat format(KeygenOptions opts) {
        if (opts.format().isEmpty()) return PrivateKeyFormat.OPENSSH;
        return switch (opts.format().get().toUpperCase(Locale.ROOT)) {
            case "PEM" -> PrivateKeyFormat.PKCS1_PEM;
            case "PKCS8" -> PrivateKeyFormat.PKCS8_PEM;
            case "RFC4716" -> PrivateKeyFormat.OPENSSH;
            default -> throw KeygenFailure.fatal("Unsupported conversion format \"" + opts.format().get() + "\"");
        };
    }

    private static FingerprintHash hash(KeygenOptions opts) {
        String name = opts.hash().orElse("sha256");
        return FingerprintHash.byName(name)
                .orElseThrow(() -> KeygenFailure.fatal("Invalid hash algorithm \"" + name + "\""));
    }

    private static KeygenFailure passphrasesUnsupported() {
        return KeygenFailure.exit(1, "ssh-keygen: passphrases are not supported in this lab; use an empty passphrase (-N \"\")");
    }

    /** {@code ~/.ssh/id_rsa} or {@code ~/.ssh/id_ed25519}. */
    static String defaultFile(Invocation inv, String type) {
        return inv.node().home() + "/.ssh/" + (type.equals(SshKeys.RSA) ? "id_rsa" : "id_ed25519");
    }

    /** OpenSSH's {@code hostfile_create_user_ssh_dir}: makes {@code ~/.ssh} (0700) when the key goes there. */
    private static void createUserSshDir(Invocation inv, String path, boolean quiet) {
        String dir = inv.node().home() + "/.ssh";
        if (!path.startsWith(dir + "/") || inv.fs().isDirectory(dir)) return;
        inv.fs().mkdirs(dir);
        inv.fs().chmod(dir, 0700);
        if (!quiet) inv.outln("Created directory '" + dir + "'.");
    }

    /** SHA-256 of the simulated time, the absolute key path and the hostname. */
    static byte[] seed(Invocation inv, String path) {
        byte[] time = ByteBuffer.allocate(Long.BYTES).putLong(inv.control().nowMs()).array();
        String where = path + "\0" + inv.node().hostname();
        byte[] place = where.getBytes(StandardCharsets.UTF_8);
        return Digests.sha256(ByteBuffer.allocate(time.length + place.length).put(time).put(place).array());
    }
}

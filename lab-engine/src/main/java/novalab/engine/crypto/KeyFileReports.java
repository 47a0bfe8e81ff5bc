package novalab.engine.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import novalab.engine.shell.Invocation;
import novalab.engine.shell.VirtualFs;

/** {@code ssh-keygen -l} and {@code ssh-keygen -y}: what a key file holds, printed as OpenSSH 9.x prints it. */
final class KeyFileReports {
    private KeyFileReports() {}

    /** {@code -l}: one line per key, {@code bits fingerprint comment (TYPE)}, and with {@code -v} its randomart. */
    static int fingerprint(Invocation inv, Prompts prompts, KeygenOptions opts, FingerprintHash hash) {
        String shown = inputFile(inv, prompts, opts);
        String path = inv.path(shown);
        VirtualFs fs = inv.fs();
        if (!fs.exists(path)) throw KeygenFailure.fatal("ssh-keygen: " + shown + ": No such file or directory");
        VirtualFs.FileEntry file = fs.file(path)
                .orElseThrow(() -> KeygenFailure.fatal(shown + " is not a public key file."));
        List<SshPublicKey> keys = publicKeys(file.content());
        if (keys.isEmpty()) keys = publicKeys(fs.file(path + ".pub").map(VirtualFs.FileEntry::content).orElse(""));
        if (keys.isEmpty()) keys = fromPrivate(inv, shown, file).map(List::of).orElse(List.of());
        if (keys.isEmpty()) throw KeygenFailure.fatal(shown + " is not a public key file.");
        for (SshPublicKey key : keys) {
            String comment = key.comment().isEmpty() ? "no comment" : key.comment();
            inv.outln(key.bits() + " " + hash.fingerprint(key.blob()) + " " + comment + " (" + key.typeLabel() + ")");
            if (opts.verbose()) inv.outln(SshKeys.randomart(key.type(), key.bits(), key.blob(), hash));
        }
        return 0;
    }

    /** {@code -y}: the public key line of a private key file the user alone may read. */
    static int printPublic(Invocation inv, Prompts prompts, KeygenOptions opts) {
        String shown = inputFile(inv, prompts, opts);
        String path = inv.path(shown);
        if (!inv.fs().exists(path)) throw KeygenFailure.fatal(shown + ": No such file or directory");
        VirtualFs.FileEntry file = inv.fs().file(path)
                .orElseThrow(() -> KeygenFailure.fatal("Load key \"" + shown + "\": invalid format"));
        if (KeyFilePermissions.tooOpen(file, inv.node().user())) {
            inv.err(KeyFilePermissions.warning(shown, file.mode()));
            throw KeygenFailure.fatal("Load key \"" + shown + "\": bad permissions");
        }
        SshPublicKey key = SshKeys.publicKeyOfPrivate(file.content())
                .orElseThrow(() -> KeygenFailure.fatal("Load key \"" + shown + "\": invalid format"));
        inv.outln(key.line());
        return 0;
    }

    /** {@code -f}, or the answer to OpenSSH's prompt (default {@code ~/.ssh/id_rsa}, or the {@code -t} type's name). */
    private static String inputFile(Invocation inv, Prompts prompts, KeygenOptions opts) {
        if (opts.file().isPresent()) return opts.file().get();
        String type = opts.type().filter(t -> t.equals("ed25519") || t.equals(SshKeys.ED25519))
                .map(t -> SshKeys.ED25519).orElse(SshKeys.RSA);
        String fallback = SshKeygen.defaultFile(inv, type);
        return prompts.ask("Enter file in which the key is (" + fallback + "): ", false)
                .filter(answer -> !answer.isEmpty()).orElse(fallback);
    }

    /** The keys of a public key or authorized_keys file: blank lines, comments and lines that are not keys are skipped. */
    private static List<SshPublicKey> publicKeys(String content) {
        List<SshPublicKey> keys = new ArrayList<>();
        for (String line : content.split("\n")) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) continue;
            SshKeys.parsePublicKeyLine(line).or(() -> SshKeys.parsePublicKeyLine(withoutOptions(text)))
                    .ifPresent(keys::add);
        }
        return keys;
    }

    /** An authorized_keys line without its leading options ({@code from="a b",no-pty ssh-ed25519 ...}). */
    private static String withoutOptions(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == '\\' && quoted) i++;
            else if (!quoted && (c == ' ' || c == '\t')) return line.substring(i + 1);
        }
        return "";
    }

    /**
     * A private key's public half. A key others may read is refused with OpenSSH's warning; the
     * public copy inside an OpenSSH-format file is then still shown, without its comment.
     */
    private static Optional<SshPublicKey> fromPrivate(Invocation inv, String shown, VirtualFs.FileEntry file) {
        Optional<SshPublicKey> key = SshKeys.publicKeyOfPrivate(file.content());
        if (key.isEmpty() || !KeyFilePermissions.tooOpen(file, inv.node().user())) return key;
        inv.err(KeyFilePermissions.warning(shown, file.mode()));
        return file.content().contains(OpenSshKeyFile.LABEL) ? key.map(k -> k.withComment("")) : Optional.empty();
    }
}

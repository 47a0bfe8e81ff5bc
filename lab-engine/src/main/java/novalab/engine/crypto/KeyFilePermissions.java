package novalab.engine.crypto;

import novalab.engine.shell.VirtualFs;

/** OpenSSH's refusal of private key files others can read ({@code sshkey_perm_ok}), shared by ssh and ssh-keygen. */
public final class KeyFilePermissions {
    private KeyFilePermissions() {}

    /** True when OpenSSH ignores the key: the file is the user's own and group or others have any access (mode & 077). */
    public static boolean tooOpen(VirtualFs.FileEntry file, String user) {
        return file.owner().equals(user) && (file.mode() & 077) != 0;
    }

    /** The warning OpenSSH prints before ignoring such a key, six newline-terminated lines; {@code path} as typed. */
    public static String warning(String path, int mode) {
        String at = "@".repeat(59);
        return at + "\n"
                + "@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\n"
                + at + "\n"
                + String.format("Permissions %04o for '%s' are too open.", mode, path) + "\n"
                + "It is required that your private key files are NOT accessible by others.\n"
                + "This private key will be ignored.\n";
    }
}

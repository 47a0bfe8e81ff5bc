package novalab.engine.shell;

import novalab.engine.shell.VirtualFs.FileEntry;

/**
 * Unix permission checks for the simulated machines: root may do anything, the owner uses the owner
 * bits, everyone else the "other" bits (there are no groups). Files with no recorded owner are open.
 */
final class Perms {
    static final int UMASK = 022;

    private Perms() { }

    static boolean canRead(FileEntry f, String user) { return allowed(f, user, 04); }

    static boolean canWrite(FileEntry f, String user) { return allowed(f, user, 02); }

    static boolean canExecute(FileEntry f, String user) {
        if (user.equals("root")) return (f.mode() & 0111) != 0;
        return allowed(f, user, 01);
    }

    private static boolean allowed(FileEntry f, String user, int bit) {
        if (user.equals("root") || f.owner().isEmpty()) return true;
        return f.owner().equals(user) ? (f.mode() & (bit << 6)) != 0 : (f.mode() & bit) != 0;
    }

    /** {@code -rw-r--r--} for a file, {@code drwxr-xr-x} for a directory. */
    static String modeString(int mode, boolean dir) {
        StringBuilder sb = new StringBuilder(dir ? "d" : "-");
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) sb.append((mode & (0400 >> i)) != 0 ? rwx.charAt(i) : '-');
        if ((mode & 04000) != 0) sb.setCharAt(3, sb.charAt(3) == 'x' ? 's' : 'S');
        if ((mode & 02000) != 0) sb.setCharAt(6, sb.charAt(6) == 'x' ? 's' : 'S');
        if ((mode & 01000) != 0) sb.setCharAt(9, sb.charAt(9) == 'x' ? 't' : 'T');
        return sb.toString();
    }

    /**
     * Applies a chmod mode ({@code 600}, {@code 0400}, {@code u+x,go-rwx}, {@code a+r}, {@code +x}) to
     * {@code old}; -1 when the mode is invalid. Without who letters, the umask limits what is added.
     */
    static int applyMode(String spec, int old, boolean dir) {
        if (spec.isEmpty()) return -1;
        if (spec.chars().allMatch(c -> c >= '0' && c <= '7')) {
            if (spec.length() > 4) return -1;
            return Integer.parseInt(spec, 8);
        }
        int mode = old;
        for (String clause : spec.split(",", -1)) {
            int i = 0;
            int who = 0;
            while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
                switch (clause.charAt(i)) {
                    case 'u': who |= 04700; break;
                    case 'g': who |= 02070; break;
                    case 'o': who |= 01007; break;
                    default: who |= 07777;
                }
                i++;
            }
            boolean implicit = who == 0;
            if (implicit) who = 07777;
            if (i >= clause.length()) return -1;
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                if (op != '+' && op != '-' && op != '=') return -1;
                int bits = 0;
                if (i < clause.length() && "ugo".indexOf(clause.charAt(i)) >= 0) {
                    char src = clause.charAt(i++);
                    int shift = src == 'u' ? 6 : src == 'g' ? 3 : 0;
                    int perm = (mode >> shift) & 7;
                    bits = perm << 6 | perm << 3 | perm;
                } else {
                    while (i < clause.length() && "rwxXst".indexOf(clause.charAt(i)) >= 0) {
                        switch (clause.charAt(i)) {
                            case 'r': bits |= 0444; break;
                            case 'w': bits |= 0222; break;
                            case 'x': bits |= 0111; break;
                            case 'X': if (dir || (mode & 0111) != 0) bits |= 0111; break;
                            case 's': bits |= 06000; break;
                            default: bits |= 01000;
                        }
                        i++;
                    }
                }
                int mask = who & (implicit ? ~UMASK : 07777);
                if (op == '+') mode |= bits & mask;
                else if (op == '-') mode &= ~(bits & mask);
                else mode = (mode & ~(who & 0777)) | (bits & mask);
                if (i < clause.length() && "+-=".indexOf(clause.charAt(i)) < 0) return -1;
            }
        }
        return mode & 07777;
    }
}

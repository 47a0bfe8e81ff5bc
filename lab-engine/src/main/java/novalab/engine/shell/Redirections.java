package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import novalab.engine.shell.Cmd.Redir;

/**
 * The redirections of one command, applied left to right: files are opened (created, truncated) before
 * the command runs and written when it ends, with mode 0644 (umask 022) and the login user as owner.
 */
final class Redirections {
    private final Frame frame;
    private final List<FileSink> files;

    private Redirections(Frame frame, List<FileSink> files) {
        this.frame = frame;
        this.files = files;
    }

    Frame frame() { return frame; }

    /** Writes what the command produced into its files. */
    void close() {
        for (FileSink s : files) s.flush();
    }

    /** Opens the redirections; on error prints bash's message and returns null (the command then fails with 1). */
    static Redirections open(Interpreter in, List<Redir> redirs, Frame f) {
        Input input = f.in();
        Sink out = f.out();
        Sink err = f.err();
        List<FileSink> files = new ArrayList<>();
        Session s = f.session();
        for (Redir r : redirs) {
            if (r.op().equals("<<")) {
                input = new Input(r.heredoc().expand ? in.expand.string(r.heredoc().body, f) : r.heredoc().body.raw());
                continue;
            }
            if (r.op().equals("<<<")) {
                input = new Input(in.expand.string(r.target(), f) + "\n");
                continue;
            }
            if (r.op().equals(">&") || r.op().equals("<&")) {
                String t = in.expand.string(r.target(), f);
                if (t.equals("-")) {
                    if (r.fd() == 1) out = Sink.NULL;
                    else if (r.fd() == 2) err = Sink.NULL;
                    continue;
                }
                if (t.equals("1") || t.equals("2") || t.equals("0")) {
                    Sink which = t.equals("1") ? out : t.equals("2") ? err : out;
                    if (r.fd() == 1) out = which;
                    else if (r.fd() == 2) err = which;
                    continue;
                }
                if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                    f.err().write("bash: " + t + ": Bad file descriptor\n");
                    return null;
                }
                if (r.op().equals("<&") || r.fd() != 1) {
                    f.err().write("bash: " + r.target().raw() + ": ambiguous redirect\n");
                    return null;
                }
            }
            List<String> targets = in.expand.words(List.of(r.target()), f);
            if (targets.size() != 1) {
                f.err().write("bash: " + r.target().raw() + ": ambiguous redirect\n");
                return null;
            }
            String target = targets.get(0);
            if (r.op().equals("<")) {
                Optional<String> text = readFile(target, s, f.err());
                if (text.isEmpty()) return null;
                if (r.fd() == 0) input = new Input(text.get());
                continue;
            }
            boolean append = r.op().endsWith(">>");
            Sink sink = openOutput(in, target, append, s, f);
            if (sink == null) return null;
            if (sink instanceof FileSink fs) files.add(fs);
            boolean both = r.op().startsWith("&") || r.op().equals(">&");
            if (both || r.fd() == 1) out = sink;
            if (both || r.fd() == 2) err = sink;
        }
        return new Redirections(f.withIo(input, out, err), files);
    }

    private static Optional<String> readFile(String target, Session s, Sink err) {
        String path = s.path(target);
        VirtualFs fs = s.node.fs();
        if (target.equals("/dev/null")) return Optional.of("");
        if (fs.isDirectory(path)) {
            err.write("bash: " + target + ": Is a directory\n");
            return Optional.empty();
        }
        Optional<VirtualFs.FileEntry> file = fs.file(path);
        if (file.isEmpty()) {
            err.write("bash: " + target + ": No such file or directory\n");
            return Optional.empty();
        }
        if (!Perms.canRead(file.get(), s.user())) {
            err.write("bash: " + target + ": Permission denied\n");
            return Optional.empty();
        }
        return Optional.of(file.get().content());
    }

    private static Sink openOutput(Interpreter in, String target, boolean append, Session s, Frame f) {
        switch (target) {
            case "/dev/null": return Sink.NULL;
            case "/dev/stdout": case "/dev/tty": return f.out();
            case "/dev/stderr": return f.err();
            default:
        }
        if (target.isEmpty()) {
            f.err().write("bash: : No such file or directory\n");
            return null;
        }
        VirtualFs fs = s.node.fs();
        String path = s.path(target);
        String problem = writeProblem(fs, path, s.user());
        if (problem != null) {
            f.err().write("bash: " + target + ": " + problem + "\n");
            return null;
        }
        if (!append || !fs.isFile(path)) fs.write(path, "", 0666 & ~Perms.UMASK, s.user());
        return new FileSink(in.budget, fs, path, s.user());
    }

    /** Why a file could not be opened for writing, in strerror words; null when it can. */
    static String writeProblem(VirtualFs fs, String path, String user) {
        if (fs.isDirectory(path)) return "Is a directory";
        String parent = VirtualFs.parent(path);
        if (!fs.isDirectory(parent)) {
            for (String p = parent; !p.equals("/"); p = VirtualFs.parent(p)) {
                if (fs.isFile(p)) return "Not a directory";
            }
            return "No such file or directory";
        }
        Optional<VirtualFs.FileEntry> existing = fs.file(path);
        if (existing.isPresent() && !Perms.canWrite(existing.get(), user)) return "Permission denied";
        return null;
    }

    /** Output into a file of the machine, written when the command finishes. */
    static final class FileSink implements Sink {
        private final Budget budget;
        private final VirtualFs fs;
        private final String path;
        private final String owner;
        private final StringBuilder buf = new StringBuilder();

        FileSink(Budget budget, VirtualFs fs, String path, String owner) {
            this.budget = budget;
            this.fs = fs;
            this.path = path;
            this.owner = owner;
        }

        public void write(String s) {
            budget.wrote(s.length());
            buf.append(s);
        }

        void flush() {
            if (buf.length() > 0) fs.append(path, buf.toString(), 0666 & ~Perms.UMASK, owner);
            buf.setLength(0);
        }
    }
}

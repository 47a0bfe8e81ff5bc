package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import novalab.engine.shell.VirtualFs.FileEntry;

/** The coreutils that work on files: cat, chmod, rm, rmdir, mkdir, touch, cp, mv, tee, basename, dirname ({@code ls} has its own class). */
final class FileCommands {
    private FileCommands() { }

    /**
     * Reads an operand ({@code -} is standard input) for a text tool, printing the tool's own complaint
     * when it cannot: {@code msg.apply(operand, reason)} is the text after "NAME: ".
     */
    static Optional<String> read(Call c, String operand, BiFunction<String, String, String> msg) {
        if (operand.equals("-")) return Optional.of(c.in().readAll());
        String path = c.path(operand);
        VirtualFs fs = c.fs();
        if (operand.equals("/dev/null")) return Optional.of("");
        if (fs.isDirectory(path)) {
            c.errln(c.name + ": " + msg.apply(operand, "Is a directory"));
            return Optional.empty();
        }
        Optional<FileEntry> f = fs.file(path);
        if (f.isEmpty()) {
            c.errln(c.name + ": " + msg.apply(operand, "No such file or directory"));
            return Optional.empty();
        }
        if (!Perms.canRead(f.get(), c.user())) {
            c.errln(c.name + ": " + msg.apply(operand, "Permission denied"));
            return Optional.empty();
        }
        return Optional.of(f.get().content());
    }

    static Optional<String> read(Call c, String operand) {
        return read(c, operand, (name, reason) -> name + ": " + reason);
    }

    static int cat(Call c) {
        Opts o = Opts.parse(c, "nbEAsTuve", "", Map.of("number", 'n', "number-nonblank", 'b', "show-ends", 'E', "show-all", 'A'), 1, "");
        if (o.failed()) return o.status();
        List<String> files = o.operands.isEmpty() ? List.of("-") : o.operands;
        int status = 0;
        int[] line = {0};
        for (String file : files) {
            Optional<String> text = read(c, file);
            if (text.isEmpty()) {
                status = 1;
                continue;
            }
            String t = text.get();
            if (o.has('n') || o.has('b') || o.has('E') || o.has('A')) t = decorate(t, o, line);
            c.out(t);
        }
        return status;
    }

    private static String decorate(String t, Opts o, int[] line) {
        StringBuilder sb = new StringBuilder();
        List<String> lines = Text.lines(t);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean number = o.has('b') ? !l.isEmpty() : o.has('n');
            if (number) sb.append(String.format(java.util.Locale.ROOT, "%6d\t", ++line[0]));
            sb.append(o.has('A') ? l.replace("\t", "^I") : l);
            boolean last = i == lines.size() - 1;
            if (!last || t.endsWith("\n")) sb.append(o.has('E') || o.has('A') ? "$\n" : "\n");
        }
        return sb.toString();
    }

    static int chmod(Call c) {
        boolean recursive = false;
        boolean verbose = false;
        String mode = null;
        List<String> files = new ArrayList<>();
        for (String a : c.args) {
            if (a.equals("-R") || a.equals("--recursive")) recursive = true;
            else if (a.equals("-v") || a.equals("-c") || a.equals("--verbose")) verbose = true;
            else if (a.equals("-f") || a.equals("--quiet") || a.equals("--silent")) continue;
            else if (mode == null) mode = a;
            else files.add(a);
        }
        if (mode == null) return c.usage(1, "missing operand");
        if (files.isEmpty()) return c.usage(1, "missing operand after '" + mode + "'");
        if (Perms.applyMode(mode, 0644, false) < 0) return c.usage(1, "invalid mode: '" + mode + "'");
        VirtualFs fs = c.fs();
        int status = 0;
        for (String file : files) {
            String path = c.path(file);
            if (!fs.exists(path)) {
                status = c.fail(1, "cannot access '" + file + "': No such file or directory");
                continue;
            }
            List<String> targets = new ArrayList<>();
            targets.add(path);
            if (recursive && fs.isDirectory(path)) {
                targets.addAll(fs.directoriesUnder(path));
                targets.addAll(fs.filesUnder(path));
            }
            for (String p : targets) {
                String shown = p.equals(path) ? file : file + p.substring(path.length());
                Optional<FileEntry> entry = fs.file(p);
                boolean dir = entry.isEmpty();
                String owner = dir ? dirOwner(c, p) : entry.get().owner();
                if (!c.user().equals("root") && !owner.isEmpty() && !owner.equals(c.user())) {
                    status = c.fail(1, "changing permissions of '" + shown + "': Operation not permitted");
                    continue;
                }
                int old = dir ? fs.dirMode(p) : entry.get().mode();
                int now = Perms.applyMode(mode, old, dir);
                if (dir) fs.mkdirs(p);
                fs.chmod(p, now);
                if (verbose) {
                    c.outln("mode of '" + shown + "' changed from " + String.format(java.util.Locale.ROOT, "%04o", old) + " ("
                            + Perms.modeString(old, dir).substring(1) + ") to " + String.format(java.util.Locale.ROOT, "%04o", now) + " ("
                            + Perms.modeString(now, dir).substring(1) + ")");
                }
            }
        }
        return status;
    }

    /** Directories have no recorded owner: the login user owns what is under the home directory, root the rest. */
    static String dirOwner(Call c, String path) {
        String home = c.node().home();
        return path.equals(home) || path.startsWith(home + "/") ? c.user() : "root";
    }

    static int rm(Call c) {
        Opts o = Opts.parse(c, "frRivdI", "", Map.of("force", 'f', "recursive", 'r', "verbose", 'v', "dir", 'd',
                "interactive", 'i', "no-preserve-root", 'P'), 1, "");
        if (o.failed()) return o.status();
        boolean force = o.has('f');
        boolean recursive = o.has('r') || o.has('R');
        if (o.operands.isEmpty()) return force ? 0 : c.usage(1, "missing operand");
        VirtualFs fs = c.fs();
        int status = 0;
        for (String file : o.operands) {
            String path = c.path(file);
            String base = file.replaceAll("/+$", "");
            if (base.equals(".") || base.equals("..") || base.endsWith("/.") || base.endsWith("/..")) {
                status = c.fail(1, "refusing to remove '.' or '..' directory: skipping '" + file + "'");
                continue;
            }
            if (path.equals("/") && recursive && !o.has('P')) {
                c.errln("rm: it is dangerous to operate recursively on '/'");
                c.errln("rm: use --no-preserve-root to override this failsafe");
                status = 1;
                continue;
            }
            Optional<FileEntry> entry = fs.file(path);
            if (entry.isPresent()) {
                if (!c.user().equals("root") && entry.get().owner().equals("root")) {
                    status = c.fail(1, "cannot remove '" + file + "': Permission denied");
                    continue;
                }
                fs.delete(path);
                if (o.has('v')) c.outln("removed '" + file + "'");
            } else if (fs.isDirectory(path)) {
                if (recursive || (o.has('d') && fs.list(path).isEmpty())) {
                    fs.deleteTree(path);
                    if (o.has('v')) c.outln("removed directory '" + file + "'");
                } else {
                    status = c.fail(1, "cannot remove '" + file + "': Is a directory");
                }
            } else if (!force) {
                status = c.fail(1, "cannot remove '" + file + "': No such file or directory");
            }
        }
        return status;
    }

    static int rmdir(Call c) {
        Opts o = Opts.parse(c, "pv", "", Map.of("parents", 'p', "verbose", 'v'), 1, "");
        if (o.failed()) return o.status();
        if (o.operands.isEmpty()) return c.usage(1, "missing operand");
        VirtualFs fs = c.fs();
        int status = 0;
        for (String dir : o.operands) {
            String path = c.path(dir);
            if (fs.isFile(path)) status = c.fail(1, "failed to remove '" + dir + "': Not a directory");
            else if (!fs.isDirectory(path)) status = c.fail(1, "failed to remove '" + dir + "': No such file or directory");
            else if (!fs.list(path).isEmpty()) status = c.fail(1, "failed to remove '" + dir + "': Directory not empty");
            else fs.deleteTree(path);
        }
        return status;
    }

    static int mkdir(Call c) {
        Opts o = Opts.parse(c, "pv", "m", Map.of("parents", 'p', "verbose", 'v', "mode", 'm'), 1, "");
        if (o.failed()) return o.status();
        if (o.operands.isEmpty()) return c.usage(1, "missing operand");
        int mode = 0755;
        if (o.has('m')) {
            mode = Perms.applyMode(o.value('m', ""), 0777 & ~Perms.UMASK, true);
            if (mode < 0) return c.fail(1, "invalid mode '" + o.value('m', "") + "'");
        }
        VirtualFs fs = c.fs();
        int status = 0;
        for (String dir : o.operands) {
            String path = c.path(dir);
            if (fs.exists(path)) {
                if (!(o.has('p') && fs.isDirectory(path))) status = c.fail(1, "cannot create directory '" + dir + "': File exists");
                continue;
            }
            String parent = VirtualFs.parent(path);
            if (!o.has('p') && !fs.isDirectory(parent)) {
                status = c.fail(1, "cannot create directory '" + dir + "': " + (fs.exists(parent) || blockedByFile(fs, parent) ? "Not a directory" : "No such file or directory"));
                continue;
            }
            if (o.has('p') && blockedByFile(fs, path)) {
                status = c.fail(1, "cannot create directory '" + dir + "': Not a directory");
                continue;
            }
            fs.mkdirs(path);
            fs.chmod(path, mode);
            if (o.has('v')) c.outln("mkdir: created directory '" + dir + "'");
        }
        return status;
    }

    private static boolean blockedByFile(VirtualFs fs, String path) {
        for (String p = path; !p.equals("/"); p = VirtualFs.parent(p)) if (fs.isFile(p)) return true;
        return false;
    }

    static int touch(Call c) {
        Opts o = Opts.parse(c, "acmf", "dtr", Map.of("no-create", 'c', "date", 'd'), 1, "");
        if (o.failed()) return o.status();
        if (o.operands.isEmpty()) return c.usage(1, "missing file operand");
        VirtualFs fs = c.fs();
        int status = 0;
        for (String file : o.operands) {
            String path = c.path(file);
            if (fs.exists(path) || o.has('c')) continue;
            String problem = Redirections.writeProblem(fs, path, c.user());
            if (problem != null) {
                status = c.fail(1, "cannot touch '" + file + "': " + problem);
                continue;
            }
            fs.write(path, "", 0666 & ~Perms.UMASK, c.user());
        }
        return status;
    }

    static int cp(Call c) {
        Opts o = Opts.parse(c, "rRapfivnu", "", Map.of("recursive", 'r', "archive", 'a', "force", 'f', "verbose", 'v',
                "interactive", 'i', "no-clobber", 'n', "preserve", 'p'), 1, "");
        if (o.failed()) return o.status();
        return copyOrMove(c, o, false);
    }

    static int mv(Call c) {
        Opts o = Opts.parse(c, "fivnu", "", Map.of("force", 'f', "verbose", 'v', "interactive", 'i', "no-clobber", 'n'), 1, "");
        if (o.failed()) return o.status();
        return copyOrMove(c, o, true);
    }

    private static int copyOrMove(Call c, Opts o, boolean move) {
        List<String> ops = o.operands;
        if (ops.isEmpty()) return c.usage(1, "missing file operand");
        if (ops.size() == 1) return c.usage(1, "missing destination file operand after '" + ops.get(0) + "'");
        VirtualFs fs = c.fs();
        String dest = ops.get(ops.size() - 1);
        String destPath = c.path(dest);
        boolean intoDir = fs.isDirectory(destPath);
        if (ops.size() > 2 && !intoDir) return c.fail(1, "target '" + dest + "' is not a directory");
        boolean recursive = move || o.has('r') || o.has('R') || o.has('a');
        boolean preserve = move || o.has('p') || o.has('a');
        int status = 0;
        for (String src : ops.subList(0, ops.size() - 1)) {
            String srcPath = c.path(src);
            String target = intoDir ? join(destPath, baseName(srcPath)) : destPath;
            String shownTarget = intoDir ? dest.replaceAll("/+$", "") + "/" + baseName(srcPath) : dest;
            if (!fs.exists(srcPath)) {
                status = c.fail(1, "cannot stat '" + src + "': No such file or directory");
                continue;
            }
            if (srcPath.equals(target)) {
                status = c.fail(1, "'" + src + "' and '" + shownTarget + "' are the same file");
                continue;
            }
            if (fs.isDirectory(srcPath)) {
                if (!recursive) {
                    status = c.fail(1, "-r not specified; omitting directory '" + src + "'");
                    continue;
                }
                if (target.startsWith(srcPath + "/")) {
                    status = c.fail(1, "cannot " + (move ? "move" : "copy") + " '" + src + "' to a subdirectory of itself, '" + shownTarget + "'");
                    continue;
                }
                if (fs.isFile(target)) {
                    status = c.fail(1, "cannot overwrite non-directory '" + shownTarget + "' with directory '" + src + "'");
                    continue;
                }
                if (!fs.isDirectory(VirtualFs.parent(target))) {
                    status = c.fail(1, "cannot create directory '" + shownTarget + "': No such file or directory");
                    continue;
                }
                copyTree(c, srcPath, target, preserve);
                if (move) fs.deleteTree(srcPath);
            } else {
                if (o.has('n') && fs.exists(target)) continue;
                FileEntry e = fs.file(srcPath).orElseThrow();
                if (!Perms.canRead(e, c.user())) {
                    status = c.fail(1, "cannot open '" + src + "' for reading: Permission denied");
                    continue;
                }
                String problem = Redirections.writeProblem(fs, target, c.user());
                if (problem != null && !(move && problem.equals("Permission denied"))) {
                    status = c.fail(1, "cannot " + (move ? "move '" + src + "' to" : "create regular file") + " '" + shownTarget + "': " + problem);
                    continue;
                }
                if (move) {
                    fs.delete(target);
                    fs.write(target, e.content(), e.mode(), e.owner());
                    fs.delete(srcPath);
                } else {
                    int mode = preserve ? e.mode() : e.mode() & ~Perms.UMASK;
                    fs.write(target, e.content(), mode, c.user());
                }
            }
            if (o.has('v')) c.outln((move ? "renamed '" : "'") + src + "' -> '" + shownTarget + "'");
        }
        return status;
    }

    private static void copyTree(Call c, String src, String target, boolean preserve) {
        VirtualFs fs = c.fs();
        fs.mkdirs(target);
        fs.chmod(target, fs.dirMode(src));
        for (String d : fs.directoriesUnder(src)) {
            String t = target + d.substring(src.length());
            fs.mkdirs(t);
            fs.chmod(t, fs.dirMode(d));
        }
        for (String f : fs.filesUnder(src)) {
            FileEntry e = fs.file(f).orElseThrow();
            String t = target + f.substring(src.length());
            fs.delete(t);
            fs.write(t, e.content(), preserve ? e.mode() : e.mode() & ~Perms.UMASK, preserve ? e.owner() : c.user());
        }
    }

    static String baseName(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
        int i = p.lastIndexOf('/');
        return i < 0 || p.equals("/") ? p : p.substring(i + 1);
    }

    private static String join(String dir, String name) { return dir.equals("/") ? "/" + name : dir + "/" + name; }

    static int tee(Call c) {
        Opts o = Opts.parse(c, "ai", "", Map.of("append", 'a', "ignore-interrupts", 'i'), 1, "");
        if (o.failed()) return o.status();
        String input = c.in().readAll();
        c.out(input);
        VirtualFs fs = c.fs();
        int status = 0;
        for (String file : o.operands) {
            if (file.equals("/dev/null")) continue;
            String path = c.path(file);
            String problem = Redirections.writeProblem(fs, path, c.user());
            if (problem != null) {
                status = c.fail(1, file + ": " + problem);
                continue;
            }
            if (o.has('a')) fs.append(path, input, 0666 & ~Perms.UMASK, c.user());
            else fs.write(path, input, 0666 & ~Perms.UMASK, c.user());
        }
        return status;
    }

    static int basename(Call c) {
        if (c.args.isEmpty()) return c.usage(1, "missing operand");
        String name = baseName(c.args.get(0));
        if (c.args.size() > 1 && name.endsWith(c.args.get(1)) && !name.equals(c.args.get(1))) {
            name = name.substring(0, name.length() - c.args.get(1).length());
        }
        c.outln(name);
        return 0;
    }

    static int dirname(Call c) {
        if (c.args.isEmpty()) return c.usage(1, "missing operand");
        for (String a : c.args) {
            String p = a;
            while (p.length() > 1 && p.endsWith("/")) p = p.substring(0, p.length() - 1);
            int i = p.lastIndexOf('/');
            c.outln(i < 0 ? "." : i == 0 ? "/" : p.substring(0, i).replaceAll("/+$", ""));
        }
        return 0;
    }
}

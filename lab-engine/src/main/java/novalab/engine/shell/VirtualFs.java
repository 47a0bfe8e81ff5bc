package novalab.engine.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The file system of one simulated machine (the student's workstation, the controller node, a guest):
 * absolute paths to files with text content and a Unix mode. Directories exist implicitly above files
 * and explicitly when made. Deterministic iteration order (sorted paths).
 */
public final class VirtualFs {
    /** One regular file. {@code mode} is the permission bits, e.g. 0644 or 0600. */
    public record FileEntry(String content, int mode, String owner) {}

    private final TreeMap<String, FileEntry> files = new TreeMap<>();
    private final TreeMap<String, Integer> dirs = new TreeMap<>();

    public VirtualFs() {
        dirs.put("/", 0755);
    }

    /** Normalises {@code path} against {@code cwd}: resolves ., .., duplicate slashes and ~ (given home). */
    public static String resolve(String cwd, String home, String path) {
        String p = path;
        if (p.equals("~")) p = home;
        else if (p.startsWith("~/")) p = home + p.substring(1);
        if (!p.startsWith("/")) p = (cwd.endsWith("/") ? cwd : cwd + "/") + p;
        List<String> parts = new ArrayList<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                if (!parts.isEmpty()) parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return "/" + String.join("/", parts);
    }

    public Optional<FileEntry> file(String path) { return Optional.ofNullable(files.get(path)); }

    public boolean isFile(String path) { return files.containsKey(path); }

    public boolean isDirectory(String path) {
        if (dirs.containsKey(path)) return true;
        String prefix = path.equals("/") ? "/" : path + "/";
        String next = files.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    public boolean exists(String path) { return isFile(path) || isDirectory(path); }

    /** Writes (creating or replacing) a file; a new file gets {@code mode}, an existing one keeps its mode. */
    public void write(String path, String content, int mode, String owner) {
        FileEntry old = files.get(path);
        files.put(path, old == null ? new FileEntry(content, mode, owner) : new FileEntry(content, old.mode(), old.owner()));
        mkdirs(parent(path));
    }

    public void append(String path, String content, int mode, String owner) {
        FileEntry old = files.get(path);
        write(path, old == null ? content : old.content() + content, mode, owner);
    }

    public void chmod(String path, int mode) {
        FileEntry old = files.get(path);
        if (old != null) files.put(path, new FileEntry(old.content(), mode, old.owner()));
        else if (dirs.containsKey(path)) dirs.put(path, mode);
    }

    public boolean delete(String path) { return files.remove(path) != null; }

    public void mkdirs(String path) {
        String p = path;
        while (!p.equals("/") && !p.isEmpty()) {
            dirs.putIfAbsent(p, 0755);
            p = parent(p);
        }
    }

    /** Names directly inside {@code dir} (files and directories), sorted. */
    public List<String> list(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String p : files.tailMap(prefix, true).keySet()) {
            if (!p.startsWith(prefix)) break;
            names.add(p.substring(prefix.length()).split("/")[0]);
        }
        for (String p : dirs.tailMap(prefix, false).keySet()) {
            if (!p.startsWith(prefix)) break;
            names.add(p.substring(prefix.length()).split("/")[0]);
        }
        return List.copyOf(names);
    }

    /** Every file path at any depth below {@code dir}, sorted. */
    public List<String> filesUnder(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        List<String> out = new ArrayList<>();
        for (String p : files.tailMap(prefix, true).keySet()) {
            if (!p.startsWith(prefix)) break;
            out.add(p);
        }
        return out;
    }

    /** Every directory at any depth below {@code dir} (explicit or implied by a file), sorted. */
    public List<String> directoriesUnder(String dir) {
        String prefix = dir.equals("/") ? "/" : dir + "/";
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (String p : dirs.tailMap(prefix, false).keySet()) {
            if (!p.startsWith(prefix)) break;
            out.add(p);
        }
        for (String p : filesUnder(dir)) {
            for (String d = parent(p); d.startsWith(prefix); d = parent(d)) out.add(d);
        }
        return List.copyOf(out);
    }

    /** Removes a directory with everything below it ({@code rm -r}); false if there was no such directory. */
    public boolean deleteTree(String dir) {
        if (dir.equals("/") || !isDirectory(dir)) return false;
        for (String p : filesUnder(dir)) files.remove(p);
        for (String d : directoriesUnder(dir)) dirs.remove(d);
        dirs.remove(dir);
        return true;
    }

    public int dirMode(String path) { return dirs.getOrDefault(path, 0755); }

    public static String parent(String path) {
        int i = path.lastIndexOf('/');
        return i <= 0 ? "/" : path.substring(0, i);
    }
}

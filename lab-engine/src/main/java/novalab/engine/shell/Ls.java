package novalab.engine.shell;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import novalab.engine.shell.VirtualFs.FileEntry;

/**
 * GNU {@code ls}: -l -a -A -1 -d -h -r -S -t -R -F. In the terminal, names go in columns 80 wide; into a
 * pipe, one per line. {@code -l} shows the mode bits, owner, byte size and the simulated time.
 */
final class Ls {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final int WIDTH = 80;

    /** One name to show, with what -l needs. */
    private record Entry(String name, String path, boolean dir, int mode, String owner, long size) {}

    private final Call c;
    private final Opts o;
    private final VirtualFs fs;
    private final StringBuilder out = new StringBuilder();

    private Ls(Call c, Opts o) {
        this.c = c;
        this.o = o;
        this.fs = c.fs();
    }

    static int run(Call c) {
        Opts o = Opts.parse(c, "laA1dhrStRFGgoin\u0001", "", Map.of("all", 'a', "almost-all", 'A', "human-readable", 'h',
                "reverse", 'r', "directory", 'd', "recursive", 'R', "classify", 'F', "color", '\u0001'), 2, "");
        if (o.failed()) return o.status();
        return new Ls(c, o).list();
    }

    private int list() {
        List<String> operands = o.operands.isEmpty() ? List.of(".") : o.operands;
        int status = 0;
        List<Entry> files = new ArrayList<>();
        List<Entry> dirs = new ArrayList<>();
        for (String op : operands) {
            String path = c.path(op);
            if (!fs.exists(path)) {
                c.errln("ls: cannot access '" + op + "': No such file or directory");
                status = 2;
                continue;
            }
            Entry e = entry(op, path);
            if (e.dir() && !o.has('d')) dirs.add(e);
            else files.add(e);
        }
        sort(files);
        sort(dirs);
        if (!files.isEmpty()) print(files, false);
        boolean headers = operands.size() > 1 || o.has('R');
        boolean first = files.isEmpty();
        for (Entry d : dirs) {
            listDir(d, headers, first);
            first = false;
        }
        c.out(out.toString());
        return status;
    }

    private void listDir(Entry d, boolean header, boolean first) {
        if (!first) out.append('\n');
        if (header) out.append(quote(d.name())).append(":\n");
        List<Entry> entries = new ArrayList<>();
        if (o.has('a') && !o.has('A')) {
            entries.add(entry(".", d.path()));
            entries.add(entry("..", VirtualFs.parent(d.path())));
        }
        for (String name : fs.list(d.path())) {
            if (name.startsWith(".") && !o.has('a') && !o.has('A')) continue;
            entries.add(entry(name, join(d.path(), name)));
        }
        sort(entries);
        print(entries, true);
        if (o.has('R')) {
            for (Entry e : entries) {
                if (e.dir() && !e.name().equals(".") && !e.name().equals("..")) {
                    String shown = d.name().endsWith("/") ? d.name() + e.name() : d.name() + "/" + e.name();
                    listDir(new Entry(shown, e.path(), true, e.mode(), e.owner(), e.size()), true, false);
                }
            }
        }
    }

    private Entry entry(String name, String path) {
        Optional<FileEntry> f = fs.file(path);
        if (f.isPresent()) {
            FileEntry e = f.get();
            return new Entry(name, path, false, e.mode(), e.owner().isEmpty() ? "root" : e.owner(),
                    e.content().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
        return new Entry(name, path, true, fs.dirMode(path), FileCommands.dirOwner(c, path), 4096);
    }

    private void sort(List<Entry> entries) {
        Comparator<Entry> cmp = (a, b) -> Collation.compare(a.name(), b.name());
        if (o.has('S')) cmp = Comparator.comparingLong(Entry::size).reversed().thenComparing(cmp);
        if (o.has('r')) cmp = cmp.reversed();
        entries.sort(cmp);
    }

    private void print(List<Entry> entries, boolean total) {
        if (o.has('l') || o.has('g') || o.has('o') || o.has('n')) {
            long blocks = 0;
            int linkW = 1;
            int ownW = 1;
            int sizeW = 1;
            for (Entry e : entries) {
                blocks += e.dir() ? 4 : (e.size() + 4095) / 4096 * 4;
                linkW = Math.max(linkW, e.dir() ? 1 : 1);
                ownW = Math.max(ownW, e.owner().length());
                sizeW = Math.max(sizeW, size(e).length());
            }
            if (total) out.append("total ").append(o.has('h') ? human(blocks * 1024) : Long.toString(blocks)).append('\n');
            String time = TIME.format(c.sh.shell.clock().now());
            for (Entry e : entries) {
                out.append(Perms.modeString(e.mode(), e.dir())).append(' ').append(e.dir() ? 2 : 1).append(' ');
                if (!o.has('g')) out.append(pad(e.owner(), ownW)).append(' ');
                if (!o.has('o')) out.append(pad(e.owner(), ownW)).append(' ');
                out.append(" ".repeat(sizeW - size(e).length())).append(size(e)).append(' ').append(time).append(' ')
                        .append(quote(e.name())).append(suffix(e)).append('\n');
            }
            return;
        }
        List<String> names = new ArrayList<>();
        for (Entry e : entries) names.add(quote(e.name()) + suffix(e));
        if (names.isEmpty()) return;
        if (!c.outIsTerminal() || o.has('1')) {
            for (String n : names) out.append(n).append('\n');
            return;
        }
        columns(names);
    }

    private String size(Entry e) { return o.has('h') ? human(e.size()) : Long.toString(e.size()); }

    private String suffix(Entry e) {
        if (!o.has('F')) return "";
        if (e.dir()) return "/";
        return (e.mode() & 0111) != 0 ? "*" : "";
    }

    /** GNU's column layout: as many columns as fit, filled top to bottom. */
    private void columns(List<String> names) {
        int n = names.size();
        int cols = n;
        int rows = 1;
        int[] widths = new int[0];
        for (; cols >= 1; cols--) {
            rows = (n + cols - 1) / cols;
            if ((cols - 1) * rows >= n && cols > 1) continue;
            widths = new int[cols];
            int total = 0;
            for (int col = 0; col < cols; col++) {
                int w = 0;
                for (int r = 0; r < rows; r++) {
                    int idx = col * rows + r;
                    if (idx < n) w = Math.max(w, names.get(idx).length());
                }
                widths[col] = w;
                total += w + (col < cols - 1 ? 2 : 0);
            }
            if (total <= WIDTH || cols == 1) break;
        }
        for (int r = 0; r < rows; r++) {
            StringBuilder line = new StringBuilder();
            for (int col = 0; col < widths.length; col++) {
                int idx = col * rows + r;
                if (idx >= n) continue;
                String name = names.get(idx);
                line.append(name);
                boolean lastInRow = col == widths.length - 1 || (col + 1) * rows + r >= n;
                if (!lastInRow) line.append(" ".repeat(widths[col] - name.length() + 2));
            }
            out.append(line).append('\n');
        }
    }

    private String quote(String name) {
        if (!c.outIsTerminal()) return name;
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == ' ' || ch == '\'' || ch == '"' || ch == '$' || ch == '&' || ch == '*' || ch == '?' || ch == '(' || ch == ')' || ch == ';') {
                return name.indexOf('\'') >= 0 ? "\"" + name + "\"" : "'" + name + "'";
            }
        }
        return name;
    }

    private static String pad(String s, int w) { return s.length() >= w ? s : s + " ".repeat(w - s.length()); }

    /** GNU -h sizes: 1679 is 1.7K, 12345 is 13K (rounded up). */
    static String human(long bytes) {
        if (bytes < 1024) return Long.toString(bytes);
        double v = bytes;
        String units = "KMGTPE";
        int u = -1;
        while (v >= 1024 && u < units.length() - 1) {
            v /= 1024;
            u++;
        }
        if (v < 10) {
            double r = Math.ceil(v * 10) / 10;
            if (r < 10) return String.format(Locale.ROOT, "%.1f%c", r, units.charAt(u));
            return "10" + units.charAt(u);
        }
        return (long) Math.ceil(v) + String.valueOf(units.charAt(u));
    }

    private static String join(String dir, String name) { return dir.equals("/") ? "/" + name : dir + "/" + name; }
}

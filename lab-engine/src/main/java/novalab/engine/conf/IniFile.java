package novalab.engine.conf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An oslo.config-style INI file (nova.conf) kept as its lines, so edits by {@code crudini} preserve
 * comments and order as the real tool does. Section names are case-sensitive; keys too (oslo.config
 * accepts both dashes and underscores, which {@link #get} honours).
 */
public final class IniFile {
    private final List<String> lines;

    private IniFile(List<String> lines) {
        this.lines = lines;
    }

    public static IniFile parse(String text) {
        List<String> ls = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!ls.isEmpty() && ls.get(ls.size() - 1).isEmpty()) ls.remove(ls.size() - 1);
        return new IniFile(ls);
    }

    public String text() {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    private static String sectionOf(String line) {
        String t = line.trim();
        if (t.startsWith("[") && t.endsWith("]")) return t.substring(1, t.length() - 1).trim();
        return null;
    }

    private static boolean isComment(String t) {
        return t.isEmpty() || t.startsWith("#") || t.startsWith(";");
    }

    private static String keyOf(String line) {
        String t = line.trim();
        if (isComment(t) || t.startsWith("[")) return null;
        int eq = t.indexOf('=');
        return eq < 0 ? t : t.substring(0, eq).trim();
    }

    private static String normal(String key) { return key.replace('-', '_'); }

    /** The last value of {@code key} in {@code section} (oslo.config: last one wins). */
    public Optional<String> get(String section, String key) {
        String current = "DEFAULT";
        String found = null;
        for (String line : lines) {
            String s = sectionOf(line);
            if (s != null) { current = s; continue; }
            String k = keyOf(line);
            if (k != null && current.equals(section) && normal(k).equals(normal(key))) {
                int eq = line.indexOf('=');
                found = eq < 0 ? "" : line.substring(eq + 1).trim();
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean hasSection(String section) {
        if (section.equals("DEFAULT")) return true;
        return lines.stream().anyMatch(l -> section.equals(sectionOf(l)));
    }

    /** Sets {@code key = value}, replacing an existing key in place or appending to the section (created if absent). */
    public void set(String section, String key, String value) {
        String current = "DEFAULT";
        int lastInSection = -1;
        int sectionHeader = -1;
        boolean sawSection = section.equals("DEFAULT");
        for (int i = 0; i < lines.size(); i++) {
            String s = sectionOf(lines.get(i));
            if (s != null) {
                current = s;
                if (s.equals(section)) { sectionHeader = i; sawSection = true; lastInSection = i; }
                continue;
            }
            if (!current.equals(section)) continue;
            if (!lines.get(i).trim().isEmpty()) lastInSection = i;
            String k = keyOf(lines.get(i));
            if (k != null && normal(k).equals(normal(key))) {
                lines.set(i, k + " = " + value);
                return;
            }
        }
        String entry = key + " = " + value;
        if (!sawSection) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) lines.add("");
            lines.add("[" + section + "]");
            lines.add(entry);
        } else if (lastInSection >= 0) {
            lines.add(lastInSection + 1, entry);
        } else if (sectionHeader >= 0) {
            lines.add(sectionHeader + 1, entry);
        } else {
            // DEFAULT with no explicit header and empty file
            lines.add(0, "[DEFAULT]");
            lines.add(1, entry);
        }
    }

    /** Removes {@code key} from {@code section}; returns whether it was there. */
    public boolean delete(String section, String key) {
        String current = "DEFAULT";
        boolean removed = false;
        for (int i = 0; i < lines.size(); i++) {
            String s = sectionOf(lines.get(i));
            if (s != null) { current = s; continue; }
            String k = keyOf(lines.get(i));
            if (k != null && current.equals(section) && normal(k).equals(normal(key))) {
                lines.remove(i--);
                removed = true;
            }
        }
        return removed;
    }

    /** Removes a whole section. */
    public boolean deleteSection(String section) {
        boolean removed = false;
        String current = "DEFAULT";
        for (int i = 0; i < lines.size(); i++) {
            String s = sectionOf(lines.get(i));
            if (s != null) current = s;
            if (current.equals(section)) { lines.remove(i--); removed = true; }
        }
        return removed;
    }

    /** Keys of a section in file order (for {@code crudini --get FILE SECTION}). */
    public List<String> keys(String section) {
        List<String> out = new ArrayList<>();
        String current = "DEFAULT";
        for (String line : lines) {
            String s = sectionOf(line);
            if (s != null) { current = s; continue; }
            String k = keyOf(line);
            if (k != null && current.equals(section) && !out.contains(k)) out.add(k);
        }
        return out;
    }

    public List<String> sections() {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            String s = sectionOf(line);
            if (s != null && !out.contains(s)) out.add(s);
        }
        return out;
    }
}

package novalab.web.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import novalab.web.Role;
import novalab.web.db.Database;

/**
 * A class roster in CSV: a header naming the columns ({@code name}, and optionally {@code password} and {@code role}),
 * then one account per line. {@link #read} checks every line first; {@link #create} makes all the accounts in one
 * transaction, or none when any line has a problem. Passwords left blank are generated.
 */
public final class Roster {
    /** One account to make; {@code line} is its line number in the file. */
    public record Entry(int line, String name, Optional<String> password, Role role) {}

    /** An account made, with its password (generated ones are shown once, then only their hash is kept). */
    public record Created(String name, Role role, String password, boolean generated) {}

    /** The lines read and every problem found, each a sentence naming its line. */
    public record Checked(List<Entry> entries, List<String> errors) {
        public Checked {
            entries = List.copyOf(entries);
            errors = List.copyOf(errors);
        }

        public boolean ok() { return errors.isEmpty(); }
    }

    /** bcrypt takes a tenth of a second per password: a bigger roster would keep the page waiting for minutes. */
    static final int MAX_ACCOUNTS = 1000;

    private Roster() {}

    public static Checked read(String text, UserDao users) {
        List<Entry> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\r\n|\n|\r", -1);
        int headerAt = -1;
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                headerAt = i;
                break;
            }
        }
        if (headerAt < 0) return new Checked(out, List.of("The roster is empty: it needs a header line such as name,password,role and one line per student."));
        List<String> header = cells(lines[headerAt]).stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            if (!List.of("name", "password", "role").contains(h)) {
                errors.add("Line " + (headerAt + 1) + ": the header has an unknown column '" + h + "' (the columns are name, password and role).");
            } else if (col.put(h, c) != null) {
                errors.add("Line " + (headerAt + 1) + ": the header names the column '" + h + "' twice.");
            }
        }
        if (!col.containsKey("name")) {
            errors.add("Line " + (headerAt + 1) + ": the first line must be a header with a 'name' column, such as name,password,role.");
            return new Checked(out, errors);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = headerAt + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            int n = i + 1;
            List<String> cells = cells(lines[i]);
            if (cells.size() > header.size()) {
                errors.add("Line " + n + ": " + cells.size() + " values but the header has " + header.size() + " columns.");
                continue;
            }
            String name = cell(cells, col.get("name"));
            String password = col.containsKey("password") ? cell(cells, col.get("password")) : "";
            String roleText = col.containsKey("role") ? cell(cells, col.get("role")).toLowerCase(Locale.ROOT) : "";
            Role role = Role.STUDENT;
            List<String> problems = new ArrayList<>();
            if (name.isEmpty()) problems.add("the name is missing");
            else if (!UserDao.validName(name)) problems.add("'" + name + "' is not a valid user name (" + UserDao.NAME_RULE.replaceFirst("^A user name is ", "it must be ").replaceFirst("\\.$", "") + ")");
            else if (seen.containsKey(name)) problems.add("'" + name + "' is already on line " + seen.get(name));
            else if (users.find(name).isPresent()) problems.add("there is already a user called '" + name + "'");
            if (!name.isEmpty()) seen.putIfAbsent(name, n);
            switch (roleText) {
                case "", "student" -> role = Role.STUDENT;
                case "instructor" -> role = Role.INSTRUCTOR;
                default -> problems.add("the role must be student or instructor (got '" + roleText + "')");
            }
            if (!password.isEmpty() && password.length() < 8) problems.add("a password has at least 8 characters (leave it blank to have one generated)");
            if (problems.isEmpty()) out.add(new Entry(n, name, password.isEmpty() ? Optional.empty() : Optional.of(password), role));
            else errors.add("Line " + n + ": " + String.join("; ", problems) + ".");
        }
        if (out.isEmpty() && errors.isEmpty()) errors.add("The roster has a header but no students.");
        if (out.size() > MAX_ACCOUNTS) errors.add("A roster holds at most " + MAX_ACCOUNTS + " accounts (this one has " + out.size() + "): split it into several files.");
        return new Checked(out, errors);
    }

    /**
     * Creates every account of a roster without problems, all in one transaction. The passwords are hashed first,
     * outside it, so the store is held only for the inserts (bcrypt is slow on purpose).
     */
    public static List<Created> create(Database db, UserDao users, Checked roster) {
        if (!roster.ok()) throw new IllegalArgumentException("a roster with problems creates nobody");
        List<Created> out = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (Entry e : roster.entries()) {
            String pw = e.password().orElseGet(Passwords::generate);
            out.add(new Created(e.name(), e.role(), pw, e.password().isEmpty()));
            hashes.add(Passwords.hash(pw));
        }
        return db.tx(d -> {
            for (int i = 0; i < out.size(); i++) users.insertHashed(out.get(i).name(), out.get(i).role(), hashes.get(i));
            return List.copyOf(out);
        });
    }

    /** The accounts with generated passwords as CSV ({@code name,password}), to hand out. */
    public static String passwordsCsv(List<Created> created) {
        StringBuilder sb = new StringBuilder("name,password\r\n");
        for (Created c : created) if (c.generated()) sb.append(c.name()).append(',').append(c.password()).append("\r\n");
        return sb.toString();
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() ? cells.get(i).strip() : "";
    }

    /** One CSV line's cells: commas separate, double quotes enclose, "" is a quote inside quotes. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}

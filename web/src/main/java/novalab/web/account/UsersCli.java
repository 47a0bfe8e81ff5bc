package novalab.web.account;

import java.nio.file.Path;
import novalab.web.BadInput;
import novalab.web.Role;
import novalab.web.db.Database;

/** {@code ./lab users add NAME [--instructor] [--password P] [--data DIR]}: creates an account in the lab's database. */
public final class UsersCli {
    private static final String USAGE = "usage: ./lab users add NAME [--instructor] [--password P] [--data DIR]\n"
            + "       ./lab users import ROSTER.csv [--data DIR]   (CSV header: name[,password][,role]; blank passwords are generated)";

    private UsersCli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args) {
        if (args.length > 0 && args[0].equals("import")) return importRoster(args);
        if (args.length == 0 || !args[0].equals("add")) return usage(args.length == 0 ? "missing command" : "unknown command '" + args[0] + "'");
        String name = null;
        String password = null;
        Role role = Role.STUDENT;
        Path data = Path.of("data");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--instructor" -> role = Role.INSTRUCTOR;
                case "--password" -> {
                    if (++i >= args.length) return usage("--password needs a value");
                    password = args[i];
                }
                case "--data" -> {
                    if (++i >= args.length) return usage("--data needs a folder");
                    data = Path.of(args[i]);
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-") || name != null) return usage("unexpected argument '" + args[i] + "'");
                    name = args[i];
                }
            }
        }
        if (name == null) return usage("missing NAME");
        boolean generated = password == null;
        String pw = generated ? Passwords.generate() : password;
        try (Database db = Database.open(data.resolve("lab.db"))) {
            User u = new UserDao(db).add(name, role, pw);
            System.out.println("lab users: added " + u.role().name().toLowerCase() + " " + u.name()
                    + (generated ? " with password " + pw : ""));
            return 0;
        } catch (BadInput e) {
            System.err.println("lab users: " + e.getMessage());
            return 1;
        }
    }

    /** {@code import ROSTER.csv [--data DIR]}: every account of the roster, or none when a line has a problem. */
    private static int importRoster(String[] args) {
        Path file = null;
        Path data = Path.of("data");
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> {
                    if (++i >= args.length) return usage("--data needs a folder");
                    data = Path.of(args[i]);
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return 0;
                }
                default -> {
                    if (args[i].startsWith("-") || file != null) return usage("unexpected argument '" + args[i] + "'");
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) return usage("missing ROSTER.csv");
        String text;
        try {
            text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("lab users: cannot read " + file + " (" + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")");
            return 1;
        }
        try (Database db = Database.open(data.resolve("lab.db"))) {
            UserDao users = new UserDao(db);
            Roster.Checked roster = Roster.read(text, users);
            if (!roster.ok()) {
                Path named = file;
                roster.errors().forEach(e -> System.err.println("lab users: " + named + ": " + e));
                System.err.println("lab users: nobody was added; fix the lines above and run the import again.");
                return 1;
            }
            java.util.List<Roster.Created> made = Roster.create(db, users, roster);
            for (Roster.Created c : made) {
                System.out.println("lab users: added " + c.role().name().toLowerCase() + " " + c.name() + (c.generated() ? " with password " + c.password() : ""));
            }
            System.out.println("lab users: " + made.size() + " accounts added from " + file + ".");
            return 0;
        } catch (novalab.web.BadInput e) {
            System.err.println("lab users: " + e.getMessage() + " Nobody was added.");
            return 1;
        }
    }

    private static int usage(String why) {
        System.err.println("lab users: " + why);
        System.err.println(USAGE);
        return 2;
    }
}

package novalab.web.account;

import java.nio.file.Path;
import novalab.web.BadInput;
import novalab.web.Role;
import novalab.web.db.Database;

/** {@code ./lab users add NAME [--instructor] [--password P] [--data DIR]}: creates an account in the lab's database. */
public final class UsersCli {
    private static final String USAGE = "usage: ./lab users add NAME [--instructor] [--password P] [--data DIR]";

    private UsersCli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args) {
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

    private static int usage(String why) {
        System.err.println("lab users: " + why);
        System.err.println(USAGE);
        return 2;
    }
}

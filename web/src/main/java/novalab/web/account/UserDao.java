package novalab.web.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import novalab.web.BadInput;
import novalab.web.Role;
import novalab.web.db.Database;

/** The {@code users} table. */
public final class UserDao {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,31}");
    private final Database db;

    public UserDao(Database db) {
        this.db = db;
    }

    /** Creates an account; a bad or taken name or a short password is {@link BadInput} with a sentence to show. */
    public User add(String name, Role role, String password) {
        if (!NAME.matcher(name).matches()) {
            throw new BadInput("A user name is 1 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter (got '" + name + "').");
        }
        if (role == Role.ANYONE) throw new BadInput("An account is a STUDENT or an INSTRUCTOR.");
        if (password.length() < 8) throw new BadInput("A password has at least 8 characters.");
        if (find(name).isPresent()) throw new BadInput("There is already a user called '" + name + "'.");
        db.update("INSERT INTO users(name, password_hash, role, created_at) VALUES (?, ?, ?, ?)",
                name, Passwords.hash(password), role.name(), Instant.now().toString());
        return find(name).orElseThrow();
    }

    /** Inserts an account whose password is already hashed (a roster hashes first, then inserts all in one transaction). */
    User insertHashed(String name, Role role, String passwordHash) {
        if (find(name).isPresent()) throw new BadInput("There is already a user called '" + name + "'.");
        db.update("INSERT INTO users(name, password_hash, role, created_at) VALUES (?, ?, ?, ?)", name, passwordHash, role.name(), Instant.now().toString());
        return find(name).orElseThrow();
    }

    /** Whether {@code name} follows the user-name rules (the sentence of {@link #NAME_RULE}). */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The user-name rules, as a sentence. */
    public static final String NAME_RULE = "A user name is 1 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.";

    public Optional<User> find(String name) {
        return db.queryOne("SELECT id, name, role FROM users WHERE name = ?",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))), name);
    }

    public Optional<User> byId(long id) {
        return db.queryOne("SELECT id, name, role FROM users WHERE id = ?",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))), id);
    }

    /** The user whose name and password match. */
    public Optional<User> authenticate(String name, String password) {
        Optional<String> hash = db.queryOne("SELECT password_hash FROM users WHERE name = ?", rs -> rs.getString(1), name);
        if (hash.isEmpty()) {
            Passwords.matches(password, DUMMY_HASH); // same work whether or not the name exists
            return Optional.empty();
        }
        return Passwords.matches(password, hash.get()) ? find(name) : Optional.empty();
    }

    public List<User> all() {
        return db.query("SELECT id, name, role FROM users ORDER BY name",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))));
    }

    private static final String DUMMY_HASH = Passwords.hash("not a real password");
}

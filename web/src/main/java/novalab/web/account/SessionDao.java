package novalab.web.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import novalab.web.Role;
import novalab.web.db.Database;

/**
 * Sign-in sessions in SQLite (so a restart signs nobody out): the browser holds a random token, the table
 * holds its SHA-256 and the session's CSRF token.
 */
public final class SessionDao {
    /** A signed-in browser: who, and the token every form and POST must echo. */
    public record Session(User user, String csrf) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;

    public SessionDao(Database db) {
        this.db = db;
    }

    /** Starts a session for {@code user}; returns the cookie token. */
    public String start(User user) {
        String token = randomToken();
        db.update("INSERT INTO sessions(token_hash, user_id, csrf, created_at) VALUES (?, ?, ?, ?)",
                sha256(token), user.id(), randomToken(), Instant.now().toString());
        return token;
    }

    public Optional<Session> find(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        return db.queryOne("SELECT u.id, u.name, u.role, s.csrf FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
                rs -> new Session(new User(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))), rs.getString(4)),
                sha256(token));
    }

    public void end(String token) {
        if (token != null) db.update("DELETE FROM sessions WHERE token_hash = ?", sha256(token));
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package novalab.web.lab;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import novalab.web.db.Database;

/** The {@code aws_keys} table: each student's EC2 access key for their sandbox, made on first use and kept across resets. */
final class AwsKeyDao {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEY_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";

    private final Database db;

    AwsKeyDao(Database db) {
        this.db = db;
    }

    AwsKey key(long userId, String scenario) {
        return db.tx(d -> {
            Optional<AwsKey> k = d.queryOne("SELECT access_key_id, secret_key FROM aws_keys WHERE user_id = ? AND scenario = ?",
                    rs -> new AwsKey(rs.getString(1), rs.getString(2)), userId, scenario);
            if (k.isPresent()) return k.get();
            AwsKey made = new AwsKey("AKIA" + random(KEY_CHARS, 16), random(SECRET_CHARS, 40));
            d.update("INSERT INTO aws_keys(user_id, scenario, access_key_id, secret_key, created_at) VALUES (?, ?, ?, ?, ?)",
                    userId, scenario, made.accessKeyId(), made.secretAccessKey(), Instant.now().toString());
            return made;
        });
    }

    /** The student whose key this is. */
    Optional<Long> owner(String accessKeyId, String scenario) {
        return db.queryOne("SELECT user_id FROM aws_keys WHERE access_key_id = ? AND scenario = ?", rs -> rs.getLong(1), accessKeyId, scenario);
    }

    private static String random(String alphabet, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        return sb.toString();
    }
}

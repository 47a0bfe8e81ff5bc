package novalab.web.db;

import java.time.Instant;
import java.util.Optional;

/** The {@code settings} table: the instructor's switches, one value per key. */
public final class SettingsDao {
    /** Whether students may create their own accounts at /register: {@code on} or {@code off} (the default). */
    public static final String SELF_REGISTRATION = "self_registration";
    private final Database db;

    public SettingsDao(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.queryOne("SELECT value FROM settings WHERE key = ?", rs -> rs.getString(1), key);
    }

    public void put(String key, String value) {
        db.update("INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                + "updated_at = excluded.updated_at", key, value, Instant.now().toString());
    }

    public boolean selfRegistration() {
        return get(SELF_REGISTRATION).map("on"::equals).orElse(false);
    }
}

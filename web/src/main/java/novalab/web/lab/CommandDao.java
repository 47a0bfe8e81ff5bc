package novalab.web.lab;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import novalab.web.db.Database;

/** The append-only {@code commands} table, the {@code sandboxes} generations it belongs to, and the students' API keys. */
final class CommandDao {
    private final Database db;

    CommandDao(Database db) {
        this.db = db;
    }

    /** The newest generation of this student's sandbox of {@code scenario}. */
    Optional<Epoch> current(long userId, String scenario) {
        return db.queryOne("SELECT epoch, seed, started_ms FROM sandboxes WHERE user_id = ? AND scenario = ? ORDER BY epoch DESC LIMIT 1",
                rs -> new Epoch(userId, scenario, rs.getInt(1), rs.getLong(2), rs.getLong(3)), userId, scenario);
    }

    /** Starts the next generation (the first is number 1), copying the first {@code keep} commands of {@code from} into it. */
    Epoch start(long userId, String scenario, long seed, long startedMs, String reason, Optional<Epoch> from, int keep) {
        return db.tx(d -> {
            int next = current(userId, scenario).map(e -> e.number() + 1).orElse(1);
            d.update("INSERT INTO sandboxes(user_id, scenario, epoch, seed, started_ms, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    userId, scenario, next, seed, startedMs, reason, Instant.now().toString());
            if (from.isPresent() && keep > 0) {
                d.update("INSERT INTO commands(user_id, scenario, epoch, seq, offset_ms, line, at) "
                                + "SELECT user_id, scenario, ?, seq, offset_ms, line, at FROM commands "
                                + "WHERE user_id = ? AND scenario = ? AND epoch = ? AND seq <= ?",
                        next, userId, scenario, from.get().number(), keep);
            }
            return new Epoch(userId, scenario, next, seed, startedMs);
        });
    }

    List<Command> commands(Epoch e) {
        return db.query("SELECT seq, offset_ms, line FROM commands WHERE user_id = ? AND scenario = ? AND epoch = ? ORDER BY seq",
                rs -> new Command(rs.getInt(1), rs.getLong(2), rs.getString(3)), e.userId(), e.scenario(), e.number());
    }

    /** The commands of generation {@code e} numbered after {@code afterSeq}, in order. */
    List<Command> commandsAfter(Epoch e, int afterSeq) {
        return db.query("SELECT seq, offset_ms, line FROM commands WHERE user_id = ? AND scenario = ? AND epoch = ? AND seq > ? ORDER BY seq",
                rs -> new Command(rs.getInt(1), rs.getLong(2), rs.getString(3)), e.userId(), e.scenario(), e.number(), afterSeq);
    }

    /** Stores the command (committed when this returns): the caller runs it only afterwards. */
    void append(Epoch e, Command c) {
        db.update("INSERT INTO commands(user_id, scenario, epoch, seq, offset_ms, line, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                e.userId(), e.scenario(), e.number(), c.seq(), c.offsetMs(), c.line(), Instant.now().toString());
    }

    /** The student's API sandbox id, made on first use: 32 hex digits from {@link java.security.SecureRandom}. */
    String apiId(long userId, String scenario) {
        return db.tx(d -> {
            Optional<String> id = d.queryOne("SELECT api_id FROM api_sandboxes WHERE user_id = ? AND scenario = ?", rs -> rs.getString(1), userId, scenario);
            if (id.isPresent()) return id.get();
            byte[] b = new byte[16];
            RANDOM.nextBytes(b);
            String made = java.util.HexFormat.of().formatHex(b);
            d.update("INSERT INTO api_sandboxes(user_id, scenario, api_id, created_at) VALUES (?, ?, ?, ?)", userId, scenario, made, Instant.now().toString());
            return made;
        });
    }

    /** The student (user id) whose API sandbox id this is, if any. */
    Optional<Long> apiOwner(String apiId, String scenario) {
        return db.queryOne("SELECT user_id FROM api_sandboxes WHERE api_id = ? AND scenario = ?", rs -> rs.getLong(1), apiId, scenario);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
}

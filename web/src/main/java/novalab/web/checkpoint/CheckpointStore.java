package novalab.web.checkpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import novalab.web.db.Database;

/** The checkpoint tables: {@code quiz_attempts}, {@code reflection_answers}, {@code checklist_ticks}. */
public final class CheckpointStore {
    /** One stored quiz attempt. */
    public record Attempt(long userId, String itemId, int number, String answer, boolean correct, String at) {}

    /** One student's saved reflection answer. */
    public record Reflection(long userId, String userName, String questionId, String answer, String updatedAt) {}

    private final Database db;
    private final Clock clock;

    public CheckpointStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A stored time as people read it: {@code 2026-09-14T09:00:00Z} → {@code 2026-09-14 09:00:00 UTC}. */
    public static String shown(String stored) {
        return stored.replace('T', ' ').replace("Z", " UTC");
    }

    /** Stores the next attempt of {@code userId} at {@code itemId}; returns it. */
    public Attempt record(long userId, String itemId, Graded g) {
        String at = now();
        return db.tx(d -> {
            int n = d.queryOne("SELECT COALESCE(MAX(attempt), 0) + 1 FROM quiz_attempts WHERE user_id = ? AND item_id = ?",
                    rs -> rs.getInt(1), userId, itemId).orElse(1);
            d.update("INSERT INTO quiz_attempts (user_id, item_id, attempt, answer, correct, at) VALUES (?, ?, ?, ?, ?, ?)",
                    userId, itemId, n, g.answer(), g.correct() ? 1 : 0, at);
            return new Attempt(userId, itemId, n, g.answer(), g.correct(), at);
        });
    }

    /** Every attempt of one student, oldest first per item. */
    public List<Attempt> attempts(long userId) {
        return db.query("SELECT user_id, item_id, attempt, answer, correct, at FROM quiz_attempts WHERE user_id = ? ORDER BY item_id, attempt",
                CheckpointStore::attempt, userId);
    }

    /** Every attempt of every student account (instructors trying the quizzes are left out). */
    public List<Attempt> studentAttempts() {
        return db.query("SELECT a.user_id, a.item_id, a.attempt, a.answer, a.correct, a.at FROM quiz_attempts a JOIN users u ON u.id = a.user_id"
                + " WHERE u.role = 'STUDENT' ORDER BY a.item_id, a.user_id, a.attempt", CheckpointStore::attempt);
    }

    /** Each item's latest attempt by this student. */
    public Map<String, Attempt> latest(long userId) {
        Map<String, Attempt> out = new LinkedHashMap<>();
        for (Attempt a : attempts(userId)) out.put(a.itemId(), a);
        return out;
    }

    private static Attempt attempt(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Attempt(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getInt(5) == 1, rs.getString(6));
    }

    /** Saves (replaces) a reflection answer; returns the time it was saved. */
    public String saveReflection(long userId, String questionId, String answer) {
        String at = now();
        db.update("INSERT INTO reflection_answers (user_id, question_id, answer, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (user_id, question_id) DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at",
                userId, questionId, answer, at);
        return at;
    }

    public Map<String, Reflection> reflections(long userId) {
        Map<String, Reflection> out = new LinkedHashMap<>();
        for (Reflection r : db.query("SELECT r.user_id, u.name, r.question_id, r.answer, r.updated_at FROM reflection_answers r"
                + " JOIN users u ON u.id = r.user_id WHERE r.user_id = ?", CheckpointStore::reflection, userId)) {
            out.put(r.questionId(), r);
        }
        return out;
    }

    /** Every non-blank reflection answer of a student account, by student name. */
    public List<Reflection> allReflections() {
        return db.query("SELECT r.user_id, u.name, r.question_id, r.answer, r.updated_at FROM reflection_answers r"
                + " JOIN users u ON u.id = r.user_id WHERE u.role = 'STUDENT' AND TRIM(r.answer) <> '' ORDER BY r.question_id, u.name",
                CheckpointStore::reflection);
    }

    private static Reflection reflection(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Reflection(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    /** The checklist items this student has ticked. */
    public Set<String> ticks(long userId) {
        return new HashSet<>(db.query("SELECT item_id FROM checklist_ticks WHERE user_id = ? AND ticked = 1", rs -> rs.getString(1), userId));
    }

    /** Records the whole checklist as submitted: the items in {@code ticked} ticked, the rest of {@code all} not. */
    public void setTicks(long userId, Collection<String> all, Set<String> ticked) {
        String at = now();
        db.tx(d -> {
            for (String id : all) {
                d.update("INSERT INTO checklist_ticks (user_id, item_id, ticked, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (user_id, item_id) DO UPDATE SET ticked = excluded.ticked, updated_at = excluded.updated_at"
                        + " WHERE ticked <> excluded.ticked", userId, id, ticked.contains(id) ? 1 : 0, at);
            }
            return null;
        });
    }
}

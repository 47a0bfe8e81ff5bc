package novalab.web.exercise;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import novalab.web.db.Database;

/** The append-only {@code exercise_checks} table: every "Check my progress" a student ran (their self-checks, not grades). */
final class CheckDao {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<CheckRun.Line>> LINES = new TypeReference<>() {};
    private final Database db;

    CheckDao(Database db) {
        this.db = db;
    }

    CheckRun add(long userId, String uuid, CheckRun r) {
        String at = Instant.now().toString();
        String lines;
        try {
            lines = JSON.writeValueAsString(r.lines());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return db.tx(d -> {
            d.update("INSERT INTO exercise_checks(user_id, exercise, uuid, epoch, commands, score, visible_points, visible_max, hidden_checks, "
                            + "passed_visible, message, results, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    userId, r.exercise(), uuid, r.epoch(), r.commands(), r.score(), r.visiblePoints(), r.visibleMax(), r.hiddenChecks(),
                    r.passedVisible() ? 1 : 0, r.message(), lines, at);
            long id = d.queryOne("SELECT last_insert_rowid()", rs -> rs.getLong(1)).orElseThrow();
            return new CheckRun(id, r.exercise(), r.epoch(), r.commands(), r.score(), r.visiblePoints(), r.visibleMax(), r.hiddenChecks(),
                    r.passedVisible(), r.message(), r.lines(), at);
        });
    }

    Optional<CheckRun> last(long userId, String exercise) {
        return db.queryOne("SELECT id, exercise, epoch, commands, score, visible_points, visible_max, hidden_checks, passed_visible, message, "
                + "results, checked_at FROM exercise_checks WHERE user_id = ? AND exercise = ? ORDER BY id DESC LIMIT 1", rs -> {
                    List<CheckRun.Line> lines;
                    try {
                        lines = JSON.readValue(rs.getString(11), LINES);
                    } catch (JsonProcessingException e) {
                        lines = List.of();
                    }
                    return new CheckRun(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getDouble(5), rs.getInt(6), rs.getInt(7),
                            rs.getInt(8), rs.getInt(9) == 1, rs.getString(10), lines, rs.getString(12));
                }, userId, exercise);
    }

    /** How many of the student's check runs of this exercise left a visible check failing: one hint each. */
    int failedRuns(long userId, String exercise) {
        return db.queryOne("SELECT COUNT(*) FROM exercise_checks WHERE user_id = ? AND exercise = ? AND passed_visible = 0",
                rs -> rs.getInt(1), userId, exercise).orElse(0);
    }
}

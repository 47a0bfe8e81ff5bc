package novalab.web.instructor;

import java.time.Instant;
import java.util.List;
import novalab.grader.ReplayGrader;
import novalab.web.db.Database;

/** The {@code grades} table: append-only; the newest row of a student and exercise is their grade. */
final class GradeDao {
    private static final String COLUMNS = "g.id, g.user_id, u.name, g.exercise, g.epoch, g.history_sha, g.commands, g.gradable, g.points, "
            + "g.max_points, g.score, g.result_json, g.engine, g.graded_at";
    private final Database db;

    GradeDao(Database db) {
        this.db = db;
    }

    /** Stores every result in one transaction. */
    void store(List<Graded> results) {
        String at = Instant.now().toString();
        db.tx(d -> {
            for (Graded g : results) {
                d.update("INSERT INTO grades(user_id, exercise, epoch, history_sha, commands, gradable, points, max_points, score, "
                                + "result_json, engine, graded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        g.history().userId(), g.history().exercise(), g.history().epoch(), g.result().receipt().historySha256(),
                        g.history().commands().size(), g.result().gradable() ? 1 : 0, g.points(), g.result().maxPoints(),
                        g.result().score(), g.json(), ReplayGrader.ENGINE_VERSION, at);
            }
            return results.size();
        });
    }

    /** The current grade of one student for one exercise. */
    java.util.Optional<StoredGrade> latest(long userId, String exercise) {
        return latest().stream().filter(g -> g.userId() == userId && g.exercise().equals(exercise)).findFirst();
    }

    /** The current grade of every student and exercise, by student name. */
    List<StoredGrade> latest() {
        return db.query("SELECT " + COLUMNS + " FROM grades g JOIN users u ON u.id = g.user_id "
                + "WHERE g.id = (SELECT MAX(x.id) FROM grades x WHERE x.user_id = g.user_id AND x.exercise = g.exercise) "
                + "ORDER BY u.name, g.exercise", rs -> new StoredGrade(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getInt(7), rs.getInt(8) == 1, rs.getInt(9), rs.getInt(10), rs.getDouble(11),
                rs.getString(12), rs.getString(13), rs.getString(14)));
    }
}

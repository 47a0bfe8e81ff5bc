package novalab.web.instructor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import novalab.web.Role;
import novalab.web.account.User;
import novalab.web.account.UserDao;
import novalab.web.db.Database;

/** A class in a fresh lab database: students and an instructor, and exercise histories written as the exercise pages store them. */
final class ClassFixture {
    static final String INSTRUCTOR_PW = "battery staple";
    static final String STUDENT_PW = "correct horse";
    static final Path CONTENT = Path.of("../content/week9/exercises");

    private final Path data;

    ClassFixture(Path data) {
        this.data = data;
    }

    User add(String name, Role role) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            return new UserDao(db).add(name, role, role == Role.INSTRUCTOR ? INSTRUCTOR_PW : STUDENT_PW);
        }
    }

    /** Starts a new epoch of (user, exercise) holding {@code lines}, one second apart. */
    void history(User u, String exercise, List<String> lines) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            int epoch = db.queryOne("SELECT COALESCE(MAX(epoch), 0) + 1 FROM sandboxes WHERE user_id = ? AND scenario = ?", rs -> rs.getInt(1),
                    u.id(), exercise).orElse(1);
            db.update("INSERT INTO sandboxes(user_id, scenario, epoch, seed, started_ms, reason, created_at) VALUES (?, ?, ?, 9, 0, 'new', 'now')",
                    u.id(), exercise, epoch);
            for (int i = 0; i < lines.size(); i++) {
                db.update("INSERT INTO commands(user_id, scenario, epoch, seq, offset_ms, line, at) VALUES (?, ?, ?, ?, ?, ?, 'now')",
                        u.id(), exercise, epoch, i + 1, i * 1000L, lines.get(i));
            }
        }
    }

    /** Appends lines to the current epoch of (user, exercise). */
    void append(User u, String exercise, List<String> lines) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            int epoch = db.queryOne("SELECT MAX(epoch) FROM sandboxes WHERE user_id = ? AND scenario = ?", rs -> rs.getInt(1), u.id(), exercise).orElseThrow();
            int seq = db.queryOne("SELECT COALESCE(MAX(seq), 0) FROM commands WHERE user_id = ? AND scenario = ? AND epoch = ?", rs -> rs.getInt(1),
                    u.id(), exercise, epoch).orElseThrow();
            for (int i = 0; i < lines.size(); i++) {
                db.update("INSERT INTO commands(user_id, scenario, epoch, seq, offset_ms, line, at) VALUES (?, ?, ?, ?, ?, ?, 'now')",
                        u.id(), exercise, epoch, seq + i + 1, (seq + i) * 1000L, lines.get(i));
            }
        }
    }

    List<String> names() {
        return query(d -> d.query("SELECT name FROM users ORDER BY name", rs -> rs.getString(1)));
    }

    /** Every stored grade row as "name exercise points/max", oldest first. */
    List<String> gradeRows() {
        return query(d -> d.query("SELECT u.name, g.exercise, g.points, g.max_points FROM grades g JOIN users u ON u.id = g.user_id ORDER BY g.id",
                rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3) + "/" + rs.getInt(4)));
    }

    <T> T query(Database.Work<T> work) {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            return db.tx(work);
        }
    }

    static List<String> solution(String exercise) throws Exception {
        return Files.readAllLines(CONTENT.resolve(exercise).resolve("solution.txt")).stream().filter(l -> !l.isBlank()).toList();
    }
}

package novalab.web.instructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import novalab.web.Role;
import novalab.web.account.User;
import novalab.web.db.Database;
import novalab.web.lab.Command;

/** Reads the students and their exercise histories from the {@code sandboxes}/{@code commands} tables (never writes them). */
final class HistoryDao {
    private final Database db;

    HistoryDao(Database db) {
        this.db = db;
    }

    List<User> students() {
        return db.query("SELECT id, name, role FROM users WHERE role = 'STUDENT' ORDER BY name",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))));
    }

    Optional<User> student(long id) {
        return db.queryOne("SELECT id, name, role FROM users WHERE id = ? AND role = 'STUDENT'",
                rs -> new User(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3))), id);
    }

    /** The current history of this student for this exercise, if they ever opened its sandbox. */
    Optional<StudentHistory> history(User student, String exercise) {
        Optional<Integer> epoch = db.queryOne("SELECT epoch FROM sandboxes WHERE user_id = ? AND scenario = ? ORDER BY epoch DESC LIMIT 1",
                rs -> rs.getInt(1), student.id(), exercise);
        return epoch.map(e -> new StudentHistory(student.id(), student.name(), exercise, e, commands(student.id(), exercise, e)));
    }

    /** Every student's current history of every exercise in {@code exercises}, by student name then exercise order. */
    List<StudentHistory> all(List<String> exercises) {
        Set<String> wanted = Set.copyOf(exercises);
        List<StudentHistory> out = new ArrayList<>();
        for (User u : students()) {
            for (String ex : exercises) {
                if (wanted.contains(ex)) history(u, ex).ifPresent(out::add);
            }
        }
        return out;
    }

    /** "userId/scenario" of every sandbox any student has opened. */
    Set<String> opened() {
        return Set.copyOf(db.query("SELECT DISTINCT user_id, scenario FROM sandboxes", rs -> rs.getLong(1) + "/" + rs.getString(2)));
    }

    private List<Command> commands(long userId, String scenario, int epoch) {
        return db.query("SELECT seq, offset_ms, line FROM commands WHERE user_id = ? AND scenario = ? AND epoch = ? ORDER BY seq",
                rs -> new Command(rs.getInt(1), rs.getLong(2), rs.getString(3)), userId, scenario, epoch);
    }
}

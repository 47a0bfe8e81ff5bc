package novalab.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import novalab.web.Role;
import novalab.web.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountTest {
    @TempDir Path data;

    @Test
    void a_password_is_stored_hashed_and_checked_by_the_library() {
        try (Database db = Database.open(data.resolve("lab.db"))) {
            UserDao users = new UserDao(db);
            users.add("ada", Role.STUDENT, "correct horse");
            String stored = db.queryOne("SELECT password_hash FROM users WHERE name = 'ada'", rs -> rs.getString(1)).orElseThrow();
            assertThat(stored).startsWith("$2").doesNotContain("correct horse");
            assertThat(users.authenticate("ada", "correct horse")).map(User::name).contains("ada");
            assertThat(users.authenticate("ada", "wrong horse")).isEmpty();
            assertThat(users.authenticate("nobody", "correct horse")).isEmpty();
        }
    }

    @Test
    void users_add_prints_a_generated_password_that_signs_in() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true));
        int status;
        try {
            status = UsersCli.run(new String[] {"add", "grace", "--instructor", "--data", data.toString()});
        } finally {
            System.setOut(old);
        }
        assertThat(status).isZero();
        String printed = out.toString().strip();
        assertThat(printed).startsWith("lab users: added instructor grace with password ");
        String password = printed.substring(printed.lastIndexOf(' ') + 1);
        try (Database db = Database.open(data.resolve("lab.db"))) {
            assertThat(new UserDao(db).authenticate("grace", password)).map(User::role).contains(Role.INSTRUCTOR);
        }
    }

    @Test
    void users_add_refuses_a_bad_name_or_a_missing_one() {
        assertThat(UsersCli.run(new String[] {"add", "Bad Name!", "--data", data.toString()})).isEqualTo(1);
        assertThat(UsersCli.run(new String[] {"add"})).isEqualTo(2);
    }
}

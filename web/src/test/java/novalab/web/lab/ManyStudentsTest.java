package novalab.web.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.account.UserDao;
import novalab.web.db.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManyStudentsTest {
    @TempDir Path data;

    @Test
    void students_working_at_once_each_get_their_own_history_in_order() throws Exception {
        int students = 4;
        try (Database db = Database.open(data.resolve("lab.db"))) {
            for (int s = 0; s < students; s++) new UserDao(db).add("s" + s, Role.STUDENT, "password" + s);
        }
        WebTests.test(data, (app, unused) -> {
            ExecutorService pool = Executors.newFixedThreadPool(students);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int s = 0; s < students; s++) {
                    int n = s;
                    done.add(pool.submit(() -> {
                        WebTests.Client c = new WebTests.Client("http://127.0.0.1:" + app.port());
                        c.signIn("s" + n, "password" + n);
                        for (int i = 1; i <= 5; i++) {
                            assertThat(c.postJson("/lab/run", "line", "echo s" + n + "-" + i + " >> mine.txt").statusCode()).isEqualTo(200);
                        }
                        assertThat(c.postJson("/lab/run", "line", "cat mine.txt").body())
                                .contains("s" + n + "-1\\ns" + n + "-2\\ns" + n + "-3\\ns" + n + "-4\\ns" + n + "-5\\n");
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get();
            } finally {
                pool.shutdown();
            }
        });
        try (Database db = Database.open(data.resolve("lab.db"))) {
            for (int s = 0; s < students; s++) {
                List<String> lines = db.query("SELECT c.seq || ':' || c.line FROM commands c JOIN users u ON u.id = c.user_id WHERE u.name = ? ORDER BY c.seq",
                        rs -> rs.getString(1), "s" + s);
                assertThat(lines).containsExactly("1:echo s" + s + "-1 >> mine.txt", "2:echo s" + s + "-2 >> mine.txt", "3:echo s" + s + "-3 >> mine.txt",
                        "4:echo s" + s + "-4 >> mine.txt", "5:echo s" + s + "-5 >> mine.txt", "6:cat mine.txt");
            }
        }
    }
}

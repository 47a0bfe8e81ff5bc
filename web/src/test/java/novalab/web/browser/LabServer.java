package novalab.web.browser;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import novalab.web.Role;
import novalab.web.WebApp;
import novalab.web.account.UserDao;
import novalab.web.db.Database;

/** The web app on a free loopback port (fake driver) over a fresh data folder, for a whole test class. */
public final class LabServer implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery";
    public final Path data;
    public final Javalin app;

    private LabServer(Path data, Javalin app) {
        this.data = data;
        this.app = app;
    }

    /** Starts the app with these students (and an instructor called {@code teacher}), all with {@link #PASSWORD}. */
    public static LabServer start(String... students) throws IOException {
        Path data = Files.createTempDirectory("novalab-browser-");
        try (Database db = Database.open(data.resolve("lab.db"))) {
            UserDao users = new UserDao(db);
            for (String s : students) users.add(s, Role.STUDENT, PASSWORD);
            users.add("teacher", Role.INSTRUCTOR, PASSWORD);
        }
        Javalin app = WebApp.create(data, "fake");
        app.start("127.0.0.1", 0);
        return new LabServer(data, app);
    }

    public String base() {
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() throws IOException {
        app.stop();
        try (var walk = Files.walk(data)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

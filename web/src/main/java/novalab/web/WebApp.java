package novalab.web;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import novalab.web.account.AccountController;
import novalab.web.account.RegistrationController;
import novalab.web.account.SessionDao;
import novalab.web.account.UserDao;
import novalab.web.api.OpenStackApi;
import novalab.web.checkpoint.CheckpointController;
import novalab.web.checkpoint.CheckpointStore;
import novalab.web.checkpoint.Checkpoints;
import novalab.web.cloud.CloudController;
import novalab.web.cloud.CredentialsController;
import novalab.web.db.Database;
import novalab.web.db.SettingsDao;
import novalab.web.instructor.InstructorController;
import novalab.web.lab.LabController;
import novalab.web.lab.LabSessions;
import novalab.web.lesson.LessonController;
import novalab.web.lesson.Lessons;

/**
 * The composition root: {@code ./lab serve [--port N] [--data DIR] [--driver libvirt|fake]} and
 * {@link #create}, which opens the store, builds every controller by hand and lists all routes in one place.
 */
public final class WebApp {
    private static final String USAGE = "usage: ./lab serve [--port N] [--data DIR] [--driver libvirt|fake]";

    private WebApp() {}

    /**
     * A configured, not yet started app over {@code dataDir/lab.db}; compute hosts run on {@code driver}
     * ({@code ""} picks libvirt where it is installed). Stopping the app closes the database.
     */
    public static Javalin create(Path dataDir, String driver) {
        Lessons content = Lessons.load();
        Database db = Database.open(dataDir.resolve("lab.db"));
        UserDao users = new UserDao(db);
        SessionDao sessions = new SessionDao(db);
        SettingsDao settings = new SettingsDao(db);
        RegistrationController registration = new RegistrationController(users, sessions, settings);
        InstructorController instructor = new InstructorController(db, users, settings);
        Access access = new Access(sessions);
        AccountController accounts = new AccountController(users, sessions);
        novalab.exercises.Catalog catalog = novalab.web.exercise.Week9.catalog();
        LabSessions labs = new LabSessions(db, driver, System::currentTimeMillis, catalog);
        novalab.web.exercise.ExerciseController exercises = new novalab.web.exercise.ExerciseController(catalog, labs, db);
        novalab.web.drill.DrillController drills = new novalab.web.drill.DrillController(
                novalab.web.drill.Drills.load(novalab.web.exercise.Week9.folder().resolve("drills.json")), db);
        // sandboxes idle for 20 minutes (or beyond 1,500 in memory) are dropped; their next use rebuilds them by replay
        java.util.concurrent.ScheduledExecutorService sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "novalab-sandbox-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                labs.evictIdle(20 * 60_000L, 1_500);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(WebApp.class).warn("sandbox sweep failed: {}", e.toString());
            }
        }, 60, 60, java.util.concurrent.TimeUnit.SECONDS);
        LabController lab = new LabController(labs);
        CheckpointController checkpoints = new CheckpointController(Checkpoints.load(), new CheckpointStore(db, java.time.Clock.systemUTC()), content);
        LessonController lessons = new LessonController(content, labs, java.util.Optional.of(checkpoints));
        CloudController cloud = new CloudController(labs);
        CredentialsController credentials = new CredentialsController(labs);
        novalab.web.api.RateLimiter apiLimit = novalab.web.api.RateLimiter.standard();
        // the Java playground: the process's one pool of sandbox JVMs (shared with the scheduler's runner of student filters), started on first use
        novalab.web.playground.Playground playground = new novalab.web.playground.Playground(labs,
                novalab.exercises.sandbox.PoolScheduling::processPool, false);
        novalab.web.playground.PlaygroundController playgroundPage = new novalab.web.playground.PlaygroundController(playground);
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.fileRenderer(new JteRenderer());
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/public";
                s.location = Location.CLASSPATH;
            });
            config.routes.before(ctx -> {
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("X-Frame-Options", "DENY");
                ctx.header("Referrer-Policy", "same-origin");
                ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:");
            });
            config.routes.beforeMatched(access::check);
            Errors.addTo(config.routes);
            config.routes.get("/", ctx -> ctx.redirect("/lessons", HttpStatus.SEE_OTHER), Role.STUDENT, Role.INSTRUCTOR);
            accounts.linkingRegistration(settings::selfRegistration).addRoutes(config.routes);
            registration.addRoutes(config.routes);
            instructor.addRoutes(config.routes);
            lab.addRoutes(config.routes);
            lessons.addRoutes(config.routes);
            cloud.addRoutes(config.routes);
            credentials.addRoutes(config.routes);
            exercises.addRoutes(config.routes);
            drills.addRoutes(config.routes);
            checkpoints.addRoutes(config.routes);
            playgroundPage.addRoutes(config.routes);
            // each student's sandbox over the OpenStack wire APIs: Keystone tokens guard it, not the session cookie
            OpenStackApi.addRoutes(config, labs.apiDirectory(), labs::recordApi, apiLimit);
            // the same sandboxes over the EC2 Query API for the real aws client: the access key id picks the student
            novalab.web.api.Ec2Api.addRoutes(config, labs.ec2Keys(), labs.apiDirectory(), labs::recordLine, apiLimit);
            config.events.serverStopped(() -> {
                sweeper.shutdownNow();
                instructor.close();
                playground.close();
                labs.close();
                db.close();
            });
        });
    }

    public static void main(String[] args) {
        int port = 7070;
        Path data = Path.of("data");
        String driver = "";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> {
                    if (++i >= args.length) usage("--port needs a number");
                    try {
                        port = Integer.parseInt(args[i]);
                    } catch (NumberFormatException e) {
                        usage("--port needs a number, not '" + args[i] + "'");
                    }
                    if (port < 0 || port > 65535) usage("--port must be between 0 and 65535");
                }
                case "--data" -> {
                    if (++i >= args.length) usage("--data needs a folder");
                    data = Path.of(args[i]);
                }
                case "--driver" -> {
                    if (++i >= args.length) usage("--driver needs libvirt or fake");
                    driver = args[i];
                    if (!driver.equals("libvirt") && !driver.equals("fake")) usage("--driver must be libvirt or fake, not '" + driver + "'");
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> usage("unknown option '" + args[i] + "'");
            }
        }
        Javalin app = create(data, driver);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Nova Lab: stopping");
            app.stop();
        }, "novalab-shutdown"));
        try {
            app.start(port);
        } catch (RuntimeException e) {
            System.err.println("lab serve: cannot listen on port " + port + ": " + e.getMessage() + " (try --port N)");
            app.stop();
            System.exit(1);
        }
        System.err.println("Nova Lab: serving on http://localhost:" + app.port() + "/ (data in " + data.toAbsolutePath().normalize()
                + "). Ctrl-C stops it. Add accounts with ./lab users add NAME");
    }

    private static void usage(String why) {
        System.err.println("lab serve: " + why);
        System.err.println(USAGE);
        System.exit(2);
    }
}

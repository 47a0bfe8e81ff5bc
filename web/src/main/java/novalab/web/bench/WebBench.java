package novalab.web.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import novalab.engine.bench.Cookbook;
import novalab.web.Access;
import novalab.web.Role;
import novalab.web.WebApp;
import novalab.web.account.Passwords;
import novalab.web.account.SessionDao;
import novalab.web.account.User;
import novalab.web.account.UserDao;
import novalab.web.db.Database;

/**
 * {@code ./lab bench web [--students 300] [--interval-ms 2000] [--duration 60] [--warmup 10]}: starts the web lab
 * in this JVM on loopback (fake driver, a fresh data folder), signs in N students and lets each send one terminal
 * command every interval (open loop: a slow answer does not delay the next command) for the duration, walking the
 * section-5 cookbook and then reading their cloud; prints throughput and p50/p90/p99/max latency of {@code POST /lab/run}.
 * Commands started during the warm-up (sandboxes being built, the JIT warming) are not counted.
 */
public final class WebBench {
    private static final String USAGE = "usage: ./lab bench web [--students N] [--interval-ms MS] [--duration SECONDS] [--warmup SECONDS]";
    /** After the cookbook, a student keeps looking at their cloud. */
    private static final List<String> AFTERWARDS = List.of("openstack server list", "openstack flavor list", "openstack server show nebula_web_01",
            "openstack hypervisor list", "openstack keypair list", "ls -l", "openstack security group rule list web");

    /**
     * Students do not move through the cookbook in step: student i first reads (flavor list, ls) for i mod 25
     * commands, so the heavy steps (a server boot) of 300 students spread over 50 s instead of landing in one 2 s tick.
     */
    private static final int PRELUDES = 25;

    private WebBench() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int students = 300;
        long intervalMs = 2000;
        long durationS = 60;
        long warmupS = 10;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                System.out.println(USAGE);
                return;
            }
            if (i + 1 >= args.length) usage(a + " needs a number");
            long v;
            try {
                v = Long.parseLong(args[++i]);
            } catch (NumberFormatException e) {
                usage(a + " needs a number, not '" + args[i] + "'");
                return;
            }
            switch (a) {
                case "--students" -> students = (int) positive(a, v);
                case "--interval-ms" -> intervalMs = positive(a, v);
                case "--duration" -> durationS = positive(a, v);
                case "--warmup" -> warmupS = Math.max(0, v);
                default -> usage("unknown option '" + a + "'");
            }
        }
        run(students, intervalMs, durationS, warmupS, System.out);
        System.exit(0); // a missed target is a figure to report, not a failure of the command
    }

    private static long positive(String option, long v) {
        if (v <= 0) usage(option + " must be at least 1");
        return v;
    }

    private static void usage(String why) {
        System.err.println("bench web: " + why);
        System.err.println(USAGE);
        System.exit(2);
    }

    /** A signed-in student: the cookie and CSRF token, and where they are in their script. */
    private record Student(String cookie, String csrf, AtomicInteger step, int prelude) {
        String nextLine() {
            int n = step.getAndIncrement() - prelude;
            if (n < 0) return AFTERWARDS.get((-n) % 2 == 0 ? 1 : 5); // reading before the cookbook: flavor list, ls -l
            List<Cookbook.Step> book = Cookbook.history();
            return n < book.size() ? book.get(n).line() : AFTERWARDS.get((n - book.size()) % AFTERWARDS.size());
        }
    }

    /** The figures of one run. */
    public record Result(int answered, long failed, double commandsPerSecond, double p50Ms, double p99Ms, boolean targetMet) {}

    private static java.util.concurrent.ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs the bench in this JVM and prints its report to {@code out}. */
    public static Result run(int n, long intervalMs, long durationS, long warmupS, java.io.PrintStream out) throws Exception {
        Path data = Files.createTempDirectory("novalab-bench-web-");
        List<Student> students = new ArrayList<>();
        try (Database db = Database.open(data.resolve("lab.db"))) {
            // one bcrypt hash for everyone: sign-in is not what is measured here
            String hash = Passwords.hash("bench password");
            SessionDao sessions = new SessionDao(db);
            for (int i = 0; i < n; i++) {
                String name = "student" + i;
                db.update("INSERT INTO users(name, password_hash, role, created_at) VALUES (?, ?, ?, ?)", name, hash, Role.STUDENT.name(), Instant.now().toString());
                User u = new UserDao(db).find(name).orElseThrow();
                String token = sessions.start(u);
                students.add(new Student(Access.COOKIE + "=" + token, sessions.find(token).orElseThrow().csrf(), new AtomicInteger(), i % PRELUDES));
            }
        }
        Javalin app = WebApp.create(data, "fake");
        app.start("127.0.0.1", 0);
        URI run = URI.create("http://127.0.0.1:" + app.port() + "/lab/run");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4, daemons("bench-http")))
                .connectTimeout(Duration.ofSeconds(10)).build();
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2, daemons("bench-ticks"));
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupS);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(durationS);
        List<long[]> samples = new ArrayList<>(); // {sentAt, latencyNanos}
        java.util.Map<String, List<Long>> byCommand = new java.util.TreeMap<>();
        AtomicLong failed = new AtomicLong();
        AtomicLong inFlight = new AtomicLong();
        out.printf("bench web: %d students on loopback, one terminal command every %d ms each, %d s measured after a %d s warm-up (%d cores)%n",
                n, intervalMs, durationS, warmupS, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < n; i++) {
            Student s = students.get(i);
            ticks.scheduleAtFixedRate(() -> {
                long sent = System.nanoTime();
                if (sent >= measureTo) return;
                String line = s.nextLine();
                String body = "line=" + URLEncoder.encode(line, StandardCharsets.UTF_8);
                HttpRequest req = HttpRequest.newBuilder(run).timeout(Duration.ofSeconds(30))
                        .header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf()).header("Accept", "application/json")
                        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                inFlight.incrementAndGet();
                http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                    long took = System.nanoTime() - sent;
                    inFlight.decrementAndGet();
                    if (sent < measureFrom) return;
                    if (e != null || r.statusCode() != 200) {
                        failed.incrementAndGet();
                        if (failed.get() <= 3) out.println("bench web: a command failed: " + (e != null ? e : r.statusCode() + " " + r.body()));
                        return;
                    }
                    synchronized (samples) {
                        samples.add(new long[] {sent, took});
                        byCommand.computeIfAbsent(kind(line), k -> new ArrayList<>()).add(took);
                    }
                });
            }, i * intervalMs / n, intervalMs, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(measureFrom - System.nanoTime())));
        long cpuFrom = processCpuNanos();
        Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(measureTo - System.nanoTime())));
        long cpuUsed = processCpuNanos() - cpuFrom;
        ticks.shutdownNow();
        long drainUntil = System.currentTimeMillis() + 30_000;
        while (inFlight.get() > 0 && System.currentTimeMillis() < drainUntil) Thread.sleep(20);
        app.stop();
        long[] lat;
        synchronized (samples) {
            lat = samples.stream().mapToLong(x -> x[1]).toArray();
        }
        Arrays.sort(lat);
        double seconds = durationS;
        out.printf("commands answered: %d (200 OK), failed: %d%n", lat.length, failed.get());
        out.printf("throughput: %.1f commands/s%n", lat.length / seconds);
        out.printf("latency of POST /lab/run: p50 %.1f ms · p90 %.1f ms · p99 %.1f ms · max %.1f ms%n",
                ms(pct(lat, 50)), ms(pct(lat, 90)), ms(pct(lat, 99)), ms(lat.length == 0 ? 0 : lat[lat.length - 1]));
        if (cpuUsed >= 0 && lat.length > 0) {
            out.printf("CPU of this JVM (server and simulated clients) while measuring: %.1f s in %d s = %.0f%% of one core; %.2f ms per command%n",
                    cpuUsed / 1e9, durationS, 100.0 * cpuUsed / 1e9 / durationS, ms(cpuUsed) / lat.length);
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            if (load >= 0) out.printf("system load average now: %.1f on %d cores (other processes compete for the same cores)%n",
                    load, Runtime.getRuntime().availableProcessors());
        }
        out.println("slowest commands (p99, count):");
        synchronized (samples) {
            byCommand.entrySet().stream()
                    .map(e -> java.util.Map.entry(e.getKey(), e.getValue().stream().mapToLong(Long::longValue).sorted().toArray()))
                    .sorted(Comparator.comparingLong((java.util.Map.Entry<String, long[]> e) -> pct(e.getValue(), 99)).reversed()).limit(5)
                    .forEach(e -> out.printf("  %-40s p99 %6.1f ms  (%d)%n", e.getKey(), ms(pct(e.getValue(), 99)), e.getValue().length));
        }
        boolean met = lat.length > 0 && failed.get() == 0 && ms(pct(lat, 99)) <= 100.0;
        out.printf("target (p99 <= 100 ms, no failures): %s%n", met ? "met" : "NOT met");
        try (var walk = Files.walk(data)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
        return new Result(lat.length, failed.get(), lat.length / seconds, ms(pct(lat, 50)), ms(pct(lat, 99)), met);
    }

    /** CPU time of this process so far, or -1 where the JVM does not say. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** A command's first three words: {@code openstack server create}. */
    private static String kind(String line) {
        String[] w = line.strip().split("\\s+");
        return String.join(" ", Arrays.asList(w).subList(0, Math.min(3, w.length)));
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}

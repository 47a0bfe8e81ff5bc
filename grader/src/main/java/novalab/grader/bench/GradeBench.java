package novalab.grader.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import novalab.exercises.Catalog;
import novalab.exercises.Exercise;
import novalab.grader.GradeResult;
import novalab.grader.ReplayGrader;

/**
 * {@code ./lab bench grade [--histories 1000] [--commands 40] [--jobs N] [--write DIR]}: generates varied
 * histories over the week-9 exercises and grades them all (fresh sandbox each, first divergence included),
 * then prints histories per second and commands per second. With {@code --write DIR} it only writes the
 * histories as {@code DIR/<exercise>/<student>.jsonl|.txt} for trying {@code ./lab grade}.
 */
public final class GradeBench {
    private GradeBench() {}

    public static void main(String[] args) throws Exception {
        int n = 1000, size = 40, jobs = Runtime.getRuntime().availableProcessors();
        Path content = Path.of(System.getenv().getOrDefault("NOVALAB_ROOT", "."), "content", "week9", "exercises");
        Path write = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--histories" -> n = Integer.parseInt(args[i + 1]);
                case "--commands" -> size = Integer.parseInt(args[i + 1]);
                case "--jobs" -> jobs = Integer.parseInt(args[i + 1]);
                case "--content" -> content = Path.of(args[i + 1]);
                case "--write" -> write = Path.of(args[i + 1]);
                default -> {
                    System.err.println("lab bench grade: unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        Catalog catalog = Catalog.load(content);
        if (write != null) {
            writeHistories(catalog, write, n, size, 2026);
            System.out.println("Wrote " + n + " histories under " + write);
            return;
        }
        List<Exercise> exs = catalog.exercises();
        HistoryGenerator gen = new HistoryGenerator(2026, size);
        List<Exercise> which = new ArrayList<>();
        List<HistoryGenerator.Generated> hs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Exercise e = exs.get(i % exs.size());
            which.add(e);
            hs.add(gen.next(e, gen.kind(i)));
        }
        long commands = hs.stream().mapToLong(h -> h.commands().size()).sum();
        // warm-up: the JIT and the per-exercise reference end states
        ReplayGrader grader = new ReplayGrader("fake");
        for (int i = 0; i < Math.min(n, 70); i++) grader.grade(which.get(i), hs.get(i).text().getBytes(StandardCharsets.UTF_8));

        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        long t0 = System.nanoTime();
        List<Future<GradeResult>> fs = new ArrayList<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.AtomicLong cpuNs = new java.util.concurrent.atomic.AtomicLong();
        for (int i = 0; i < n; i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                GradeResult r = grader.grade(which.get(k), hs.get(k).text().getBytes(StandardCharsets.UTF_8));
                cpuNs.addAndGet(mx.getCurrentThreadCpuTime() - c0);
                return r;
            }));
        }
        int full = 0, ungradable = 0;
        for (Future<GradeResult> f : fs) {
            GradeResult r = f.get();
            if (!r.gradable()) ungradable++;
            else if (r.score() == 1.0) full++;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("Nova Lab grading benchmark (%d cores, %d jobs, %s)%n", Runtime.getRuntime().availableProcessors(), jobs, Runtime.version());
        System.out.printf("%d histories, %,d commands (%.1f per history) over %d exercises: %.2f s%n", n, commands,
                (double) commands / n, exs.size(), s);
        System.out.printf("%,.0f histories/s, %,.0f commands/s (first-divergence replays included)%n", n / s, commands / s);
        double cpu = cpuNs.get() / 1e9;
        System.out.printf("CPU time %.2f s: %,.0f histories and %,.0f commands per CPU-second (load-independent; %d idle cores ≈ %.2f s)%n",
                cpu, n / cpu, commands / cpu, jobs, cpu / jobs);
        System.out.printf("%d full marks, %d partial or failed, %d not gradable%n", full, n - full - ungradable, ungradable);
    }

    /** Writes {@code n} generated histories as {@code dir/<exercise>/sNNNN.jsonl|.txt}. */
    public static void writeHistories(Catalog catalog, Path dir, int n, int size, long seed) throws java.io.IOException {
        List<Exercise> exs = catalog.exercises();
        HistoryGenerator gen = new HistoryGenerator(seed, size);
        for (int i = 0; i < n; i++) {
            Exercise e = exs.get(i % exs.size());
            HistoryGenerator.Generated g = gen.next(e, gen.kind(i));
            Path d = dir.resolve(e.id());
            Files.createDirectories(d);
            Files.writeString(d.resolve(String.format("s%04d.%s", i / exs.size() + 1, g.jsonLines() ? "jsonl" : "txt")), g.text());
        }
    }
}

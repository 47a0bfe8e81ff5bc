package novalab.jshell.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import novalab.engine.Sandbox;
import novalab.jshell.JShellPool;
import novalab.jshell.PoolConfig;
import novalab.jshell.SnippetResult;
import novalab.jshell.cloud.WireTransport;

/**
 * {@code ./lab bench jshell [--students N] [--snippets N] [--sessions N] [--jvms N]}: (1) snippet latency on warm
 * sessions, plain Java and SDK calls, with as many students as the pool has session JVMs; (2) sessions per minute
 * when more students than JVMs come and go (each session: 3 snippets, then the student leaves), so JVMs are
 * recycled, evicted and started; every snippet goes through the full sandbox.
 */
public final class JShellBench {
    private static final String[] SNIPPETS = {
            "int sq(int x) { return x * x; }", "sq(12)", "IntStream.rangeClosed(1, 100).map(i -> i * i).sum()",
            "record P(String host, int ram) {}", "List.of(new P(\"compute1\", 16), new P(\"compute2\", 12)).stream().mapToInt(P::ram).max()",
            "var m = new HashMap<String, Integer>(); m.put(\"a\", 1); m", "String.join(\",\", List.of(\"a\", \"b\", \"c\"))"};

    private JShellBench() {}

    public static void main(String[] args) throws Exception {
        int students = -1;
        int snippets = 40;
        int sessions = 24;
        int jvms = 3;
        boolean verbose = false;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--students" -> { students = number(args[i], v); i++; }
                case "--snippets" -> { snippets = number(args[i], v); i++; }
                case "--sessions" -> { sessions = number(args[i], v); i++; }
                case "--jvms" -> { jvms = number(args[i], v); i++; }
                case "--verbose" -> verbose = true;
                default -> {
                    System.err.println("lab bench jshell: unknown option '" + args[i] + "'");
                    System.err.println("usage: ./lab bench jshell [--students N] [--snippets N] [--sessions N] [--jvms N]");
                    System.exit(2);
                }
            }
        }
        PoolConfig config = PoolConfig.defaults().withMaxJvms(jvms);
        int warmStudents = students > 0 ? students : Math.max(1, jvms - config.warmSpares());
        int churnStudents = Math.max(warmStudents + 2, jvms * 2);
        System.out.printf(Locale.ROOT, "jshell pool: %d sandbox JVMs (%d warm spare), %d MB heap each, %d cores%n", jvms, config.warmSpares(),
                config.heapMb(), Runtime.getRuntime().availableProcessors());
        try (JShellPool pool = JShellPool.start(config)) {
            System.out.println("isolation: " + pool.stats().layers());
            // warm-up: one session per warm student, JIT on the lab side
            List<Sandbox> boxes = new ArrayList<>();
            for (int s = 0; s < warmStudents; s++) boxes.add(Sandbox.create(c -> c.driver = "fake"));
            List<Long> plain = Collections.synchronizedList(new ArrayList<>());
            List<Long> sdk = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger failures = new AtomicInteger();
            for (int s = 0; s < warmStudents; s++) {
                WireTransport t = WireTransport.local(boxes.get(s), (at, call, r) -> {});
                for (String sn : SNIPPETS) pool.eval("warm" + s, sn, t);
                pool.eval("warm" + s, "cloud.flavors().size()", t);
            }
            int perStudent = snippets;
            boolean loud = verbose;
            long t0 = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int s = 0; s < warmStudents; s++) {
                int id = s;
                WireTransport t = WireTransport.local(boxes.get(s), (at, call, r) -> {});
                threads.add(student(() -> {
                    for (int k = 0; k < perStudent; k++) {
                        boolean useSdk = k % 4 == 3;
                        String src = useSdk ? "cloud.flavors().size()" : SNIPPETS[k % SNIPPETS.length];
                        long a = System.nanoTime();
                        SnippetResult r = pool.eval("warm" + id, src, t);
                        long ms = (System.nanoTime() - a) / 1_000;
                        if (r.outcome() != SnippetResult.Outcome.OK) failures.incrementAndGet();
                        (useSdk ? sdk : plain).add(ms);
                    }
                }));
            }
            join(threads);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "warm sessions: %d students x %d snippets in %.1f s (%.0f snippets/s)%n", warmStudents, perStudent, secs,
                    warmStudents * perStudent / secs);
            System.out.printf(Locale.ROOT, "  plain Java snippet latency: p50 %s, p99 %s (n=%d)%n", pct(plain, 50), pct(plain, 99), plain.size());
            System.out.printf(Locale.ROOT, "  SDK snippet (cloud.flavors()) latency: p50 %s, p99 %s (n=%d)%n", pct(sdk, 50), pct(sdk, 99), sdk.size());
            for (int s = 0; s < warmStudents; s++) pool.reset("warm" + s);

            // churn: more students than JVMs, each session 3 snippets then leave
            List<Long> first = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            AtomicInteger busy = new AtomicInteger();
            int total = sessions;
            long c0 = System.nanoTime();
            threads.clear();
            for (int s = 0; s < churnStudents; s++) {
                threads.add(student(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < total) {
                        String owner = "churn" + n;
                        long a = System.nanoTime();
                        SnippetResult r = pool.eval(owner, SNIPPETS[0]);
                        first.add((System.nanoTime() - a) / 1_000);
                        if (r.outcome() == SnippetResult.Outcome.BUSY) {
                            busy.incrementAndGet();
                            continue;
                        }
                        for (String more : List.of(SNIPPETS[1], SNIPPETS[2])) {
                            SnippetResult m = pool.eval(owner, more);
                            if (m.outcome() != SnippetResult.Outcome.OK) {
                                failures.incrementAndGet();
                                if (loud) System.err.println(owner + ": " + m.outcome() + " " + m.text());
                            }
                        }
                        pool.reset(owner);
                        done.incrementAndGet();
                    }
                }));
            }
            join(threads);
            double mins = (System.nanoTime() - c0) / 6e10;
            System.out.printf(Locale.ROOT, "sessions: %d students coming and going, %d sessions of 3 snippets in %.1f s: %.0f sessions/min"
                    + " (first snippet of a session: p50 %s, p99 %s; %d told the playground was busy)%n",
                    churnStudents, done.get(), mins * 60, done.get() / mins, pct(first, 50), pct(first, 99), busy.get());
            System.out.println("restarts: " + pool.stats().restarts() + ", failed snippets: " + failures.get());
            boxes.forEach(Sandbox::close);
        }
    }

    private static String pct(List<Long> micros, int p) {
        if (micros.isEmpty()) return "-";
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        long v = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return v >= 10_000 ? String.format(Locale.ROOT, "%d ms", v / 1000) : String.format(Locale.ROOT, "%.1f ms", v / 1000.0);
    }

    private static void join(List<Thread> threads) throws InterruptedException {
        threads.forEach(Thread::start);
        for (Thread t : threads) t.join();
    }

    private static int number(String opt, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            System.err.println("lab bench jshell: " + opt + " needs a positive number, not '" + v + "'");
            System.exit(2);
            return 0;
        }
    }

    private static Thread student(Runnable r) {
        Thread t = new Thread(r, "bench-student");
        t.setDaemon(true);
        return t;
    }
}

package novalab.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pool's promises: arrival order across students, declarations that outlive a JVM, idle JVMs handed back. */
class PoolTest {
    @Test
    void withOneJvmStudentsAreServedInArrivalOrderAndTheOneWhoseSessionIsWarmDoesNotJumpTheQueue() throws Exception {
        try (JShellPool pool = JShellPool.start(PoolConfig.defaults().withMaxJvms(1))) {
            assertThat(pool.eval("ann", "int twice(int x) { return 2 * x; }").outcome()).isEqualTo(SnippetResult.Outcome.OK);
            List<String> finished = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            String[][] plan = {{"ann", "Thread.sleep(1500); twice(1)", "twice(2)"}, {"ben", "Thread.sleep(100); 2"}, {"cat", "3"}};
            for (String[] p : plan) {
                Thread t = new Thread(() -> {
                    for (int k = 1; k < p.length; k++) { // ann asks again the moment her first answer arrives
                        SnippetResult r = pool.eval(p[0], p[k]);
                        finished.add(p[0] + "=" + r.lastValue().orElse(r.outcome() + " " + r.text()));
                    }
                });
                threads.add(t);
                t.start();
                Thread.sleep(300);
            }
            for (Thread t : threads) t.join(60_000);
            assertThat(finished).containsExactly("ann=2", "ben=2", "cat=3", "ann=4");
        }
    }

    @Test
    void anIdleSessionIsClosedAndItsDeclarationsComeBackWithoutItsVariables() throws Exception {
        try (JShellPool pool = JShellPool.start(PoolConfig.defaults().withMaxJvms(2).withIdleEvictMs(500))) {
            pool.eval("dan", "import java.time.*; record Host(String name, int ramGb) {} int n = 7;");
            Thread.sleep(100);
            long deadline = System.currentTimeMillis() + 20_000;
            while (pool.stats().jvms() - pool.stats().spares() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(200);
            assertThat(pool.stats().jvms() - pool.stats().spares()).as("dan's JVM was handed back").isZero();
            SnippetResult r = pool.eval("dan", "new Host(\"compute1\", 16).ramGb() + Duration.ofMinutes(1).toSecondsPart()");
            assertThat(r.lastValue()).contains("16");
            assertThat(r.notice()).contains("your 2 import(s), class(es) and method(s) were restored; variables were not");
            assertThat(pool.eval("dan", "n").text()).contains("cannot find symbol");
        }
    }

    @Test
    void aSnippetBurningCpuIsStoppedAtTheCpuLimitBeforeTheWallLimit() {
        try (JShellPool pool = JShellPool.start(PoolConfig.defaults().withMaxJvms(1).withLimits(20_000, 1_500))) {
            SnippetResult r = pool.eval("hal", "long n = 0; while (true) n++;");
            assertThat(r.outcome()).isEqualTo(SnippetResult.Outcome.STOPPED);
            assertThat(r.notice()).isEqualTo("Your snippet used more than 1.5 s of CPU time and was stopped; your session was restarted.");
        }
    }

    @Test
    void everydayJavaIsNotRefused() {
        try (JShellPool pool = JShellPool.start(PoolConfig.defaults().withMaxJvms(1))) {
            String[] everyday = {
                    "record Host(String name, int freeRamMb, int gpus) {}",
                    "interface HostFilter { boolean passes(Host h); }",
                    "class GpuFilter implements HostFilter { public boolean passes(Host h) { return h.gpus() > 0 && h.freeRamMb() >= 2048; } }",
                    "var hosts = List.of(new Host(\"compute1\", 16384, 0), new Host(\"compute3\", 4096, 2), new Host(\"compute4\", 1024, 1));",
                    "hosts.stream().filter(new GpuFilter()::passes).map(Host::name).collect(Collectors.toList())",
                    "enum Weigher { RAM, CPU } Weigher w = Weigher.valueOf(\"RAM\"); switch (w) { case RAM -> \"ram\"; case CPU -> \"cpu\"; }",
                    "Object o = hosts.get(0); o instanceof Host h ? h.name().toUpperCase() : \"?\"",
                    "String text = \"\"\"\n  a text block\n  \"\"\"; text.strip()",
                    "Map<String, List<Integer>> m = new TreeMap<>(); m.computeIfAbsent(\"k\", k -> new ArrayList<>()).add(1); m",
                    "Optional.of(3).map(x -> x * 2).orElseThrow()",
                    "new StringBuilder(\"abc\").reverse() + \"-\" + String.join(\",\", \"x\", \"y\") + String.format(\"%03d\", 7)",
                    "java.math.BigDecimal.valueOf(1.5).multiply(java.math.BigDecimal.TEN)",
                    "try { Integer.parseInt(\"x\"); } catch (NumberFormatException e) { System.out.println(\"caught \" + e.getMessage()); }",
                    "var sw = new java.io.StringWriter(); new java.io.PrintWriter(sw, true).println(\"hi\"); sw.toString().strip()",
                    "java.util.concurrent.atomic.AtomicInteger c = new java.util.concurrent.atomic.AtomicInteger(); c.incrementAndGet()",
                    "java.time.Duration.ofSeconds(90).toMinutes() + java.time.LocalDate.of(2026, 1, 1).getYear()",
                    "int[] a = {3, 1, 2}; Arrays.sort(a); Arrays.toString(a)",
                    "Thread.sleep(10); System.nanoTime() > 0",
                    "\"x\".getClass().getSimpleName() + hosts.get(0).getClass().getName()",
                    "assert hosts.size() == 3;",
                    "IntStream.range(0, 5).boxed().collect(Collectors.groupingBy(i -> i % 2))",
                    "Comparator<Host> byRam = Comparator.comparingInt(Host::freeRamMb); hosts.stream().max(byRam).get().name()",
                    "cloud",
            };
            for (String s : everyday) {
                SnippetResult r = pool.eval("eve", s);
                assertThat(r.outcome()).as(s + "\n" + r.text()).isEqualTo(SnippetResult.Outcome.OK);
            }
            assertThat(pool.eval("eve", "hosts.stream().filter(new GpuFilter()::passes).map(Host::name).toList()").lastValue())
                    .contains("[compute3]");
            assertThat(pool.eval("eve", "cloud.flavors()").text())
                    .contains("|  Exception novalab.jshell.sdk.CloudException: HTTP 503: No cloud is attached to this JShell session.");
        }
    }
}

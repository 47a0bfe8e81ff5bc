package novalab.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile snippets against the full sandbox (every layer on), each contained with a clear message, while another student
 * keeps evaluating in the same pool the whole time and must keep getting right answers.
 */
class HostileSnippetsTest {
    static JShellPool pool;
    static Thread bob;
    static final AtomicBoolean attacking = new AtomicBoolean(true);
    static final List<String> bobProblems = new CopyOnWriteArrayList<>();
    static final List<Long> bobLatencies = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        pool = JShellPool.start(PoolConfig.defaults().withLimits(3_000, 10_000)); // CPU is PoolTest's concern
        assertThat(pool.eval("bob", "int n = 0;").outcome()).isEqualTo(SnippetResult.Outcome.OK);
        bob = new Thread(() -> {
            int i = 0;
            while (attacking.get()) {
                i++;
                long t0 = System.nanoTime();
                SnippetResult r = pool.eval("bob", "n += 1; " + i + " * 2");
                bobLatencies.add((System.nanoTime() - t0) / 1_000_000);
                if (!r.lastValue().equals(java.util.Optional.of(Integer.toString(i * 2)))) bobProblems.add(i + ": " + r.outcome() + " " + r.text());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bob");
        bob.start();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        attacking.set(false);
        bob.join(30_000);
        List<Long> sorted = bobLatencies.stream().sorted().toList();
        System.out.printf("other student during the attacks: %d answers, p50 %d ms, max %d ms%n", sorted.size(),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
        try {
            assertThat(bobProblems).as("the other student's answers during the attacks").isEmpty();
            assertThat(bobLatencies).as("the other student was served").hasSizeGreaterThan(10);
            assertThat(bobLatencies.stream().mapToLong(Long::longValue).max().orElse(0))
                    .as("the other student's slowest answer (ms)").isLessThan(8_000);
        } finally {
            pool.close();
        }
    }

    static Stream<Arguments> hostile() {
        return Stream.of(
                Arguments.of("infinite loop", "while (true) {}", SnippetResult.Outcome.STOPPED, "ran longer than 3 s"),
                Arguments.of("infinite loop in finally", "try { while (true) {} } finally { while (true) {} }", SnippetResult.Outcome.STOPPED, "ran longer than 3 s"),
                Arguments.of("allocation bomb", "var hog = new ArrayList<long[]>(); while (true) hog.add(new long[1_000_000]);",
                        SnippetResult.Outcome.STOPPED, "more memory than the playground's 96 MB"),
                Arguments.of("thread bomb", "for (int i = 0; i < 10_000; i++) new Thread(() -> { while (true) {} }).start();",
                        SnippetResult.Outcome.REFUSED, "new java.lang.Thread(...) is not available"),
                Arguments.of("read /etc/passwd", "java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"))",
                        SnippetResult.Outcome.REFUSED, "java.nio.file.Path is not available"),
                Arguments.of("read a file the old way", "new java.io.FileInputStream(\"/etc/passwd\").read()", SnippetResult.Outcome.REFUSED,
                        "java.io.FileInputStream is not available"),
                Arguments.of("write a file", "new java.io.FileWriter(\"/tmp/pwned\").write(\"x\")", SnippetResult.Outcome.REFUSED,
                        "java.io.FileWriter is not available"),
                Arguments.of("open a socket", "new java.net.Socket(\"example.com\", 80)", SnippetResult.Outcome.REFUSED, "java.net.Socket is not available"),
                Arguments.of("start a process", "new ProcessBuilder(\"id\").start()", SnippetResult.Outcome.REFUSED, "java.lang.ProcessBuilder is not available"),
                Arguments.of("Runtime.exec", "Runtime.getRuntime().exec(\"id\")", SnippetResult.Outcome.REFUSED, "java.lang.Runtime is not available"),
                Arguments.of("System.exit", "System.exit(0)", SnippetResult.Outcome.REFUSED, "java.lang.System.exit is not available"),
                Arguments.of("System.exit in a lambda", "Runnable r = () -> System.exit(1); r.run();", SnippetResult.Outcome.REFUSED,
                        "java.lang.System.exit is not available"),
                Arguments.of("Runtime.halt", "Runtime.getRuntime().halt(0)", SnippetResult.Outcome.REFUSED, "java.lang.Runtime is not available"),
                Arguments.of("reflection into the agent", "Class.forName(\"jdk.jshell.execution.RemoteExecutionControl\").getDeclaredFields()",
                        SnippetResult.Outcome.REFUSED, "java.lang.Class.forName is not available"),
                Arguments.of("setAccessible on java.base", "var f = String.class.getDeclaredField(\"value\"); f.setAccessible(true);",
                        SnippetResult.Outcome.REFUSED, "is not available"),
                Arguments.of("deserialisation gadget",
                        "new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5})).readObject()",
                        SnippetResult.Outcome.REFUSED, "java.io.ObjectInputStream is not available"),
                Arguments.of("custom class loader", "class Evil extends ClassLoader { Class<?> d(byte[] b) { return defineClass(null, b, 0, b.length); } }",
                        SnippetResult.Outcome.REFUSED, "java.lang.ClassLoader is not available"),
                Arguments.of("privateLookupIn", "java.lang.invoke.MethodHandles.privateLookupIn(String.class, java.lang.invoke.MethodHandles.lookup())",
                        SnippetResult.Outcome.REFUSED, "java.lang.invoke.MethodHandles.lookup is not available"),
                Arguments.of("JNI", "System.loadLibrary(\"evil\")", SnippetResult.Outcome.REFUSED, "java.lang.System.loadLibrary is not available"),
                Arguments.of("sleep past the wall limit", "Thread.sleep(60_000)", SnippetResult.Outcome.STOPPED, "ran longer than 3 s"),
                Arguments.of("native memory", "java.nio.ByteBuffer.allocateDirect(1 << 30)", SnippetResult.Outcome.REFUSED,
                        "java.nio.ByteBuffer.allocateDirect is not available"),
                Arguments.of("environment", "System.getenv()", SnippetResult.Outcome.REFUSED, "java.lang.System.getenv is not available"),
                Arguments.of("system properties", "System.getProperty(\"user.home\")", SnippetResult.Outcome.REFUSED,
                        "java.lang.System.getProperty is not available"),
                Arguments.of("Unsafe", "sun.misc.Unsafe.class", SnippetResult.Outcome.REFUSED, "sun.misc.Unsafe is not available"),
                Arguments.of("context class loader", "Thread.currentThread().getContextClassLoader()", SnippetResult.Outcome.REFUSED,
                        "is not available"),
                Arguments.of("dynamic proxy", "java.lang.reflect.Proxy.newProxyInstance(null, new Class<?>[0], (p, m, a) -> null)",
                        SnippetResult.Outcome.REFUSED, "java.lang.reflect.InvocationHandler is not available"),
                Arguments.of("the SDK's raw channel", "novalab.jshell.sdk.wire.Wire.call(\"GET\", \"/identity/v3/users\", \"\")",
                        SnippetResult.Outcome.REFUSED, "novalab.jshell.sdk.wire.Wire is not available"),
                Arguments.of("replacing System.out", "System.setOut(null)", SnippetResult.Outcome.REFUSED, "java.lang.System.setOut is not available"),
                Arguments.of("output flood", "while (true) System.out.print(\"spam spam spam spam \");", SnippetResult.Outcome.STOPPED,
                        "printed more than"),
                Arguments.of("a file by name through PrintStream", "new java.io.PrintStream(\"/tmp/pwned\")", SnippetResult.Outcome.REFUSED,
                        "new java.io.PrintStream(fileName) would open a file"),
                Arguments.of("a loop in a class initializer", "class Spin { static int x; static { while (x >= 0) x = (x + 1) % 10; } } Spin.x",
                        SnippetResult.Outcome.STOPPED, "ran longer than 3 s"),
                Arguments.of("a source nested to crash the lab's compiler", "(".repeat(5_000) + "1" + ")".repeat(5_000),
                        SnippetResult.Outcome.ERROR, "nests brackets more than 120 deep"),
                Arguments.of("an operator chain to crash the lab's compiler", "1" + "+1".repeat(5_000), SnippetResult.Outcome.ERROR,
                        "chains more than 400 operators"),
                Arguments.of("a property through Integer.getInteger", "Integer.getInteger(\"sun.arch.data.model\")", SnippetResult.Outcome.REFUSED,
                        "java.lang.Integer.getInteger is not available"),
                Arguments.of("executor threads", "java.util.concurrent.Executors.newFixedThreadPool(4)", SnippetResult.Outcome.REFUSED,
                        "java.util.concurrent.Executors is not available"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void aHostileSnippetIsContainedWithAClearMessage(String name, String snippet, SnippetResult.Outcome expected, String message) {
        SnippetResult r = pool.eval("mallory", snippet);
        assertThat(r.outcome()).as(r.text()).isEqualTo(expected);
        assertThat(r.text()).contains(message);
        if (expected == SnippetResult.Outcome.STOPPED) assertThat(r.text()).contains("your session was restarted");
        SnippetResult after = pool.eval("mallory", "6 * 7");
        assertThat(after.lastValue()).as("mallory's session still answers after: " + after.text()).contains("42");
    }

    @Test
    void aStackOverflowIsAnExceptionAndTheSessionGoesOn() {
        SnippetResult r = pool.eval("carol", "int down(int n) { return down(n + 1) + 1; } down(0)");
        assertThat(r.outcome()).isEqualTo(SnippetResult.Outcome.ERROR);
        assertThat(r.text()).contains("|  created method down(int)").contains("|  Exception java.lang.StackOverflowError");
        assertThat(pool.eval("carol", "down(0) == 0 ? 1 : 2").text()).contains("StackOverflowError");
        assertThat(pool.eval("carol", "1 + 1").lastValue()).contains("2");
    }

    @Test
    void aFloodOfApiRequestsIsCutOffWithTheCloudsOwnKindOfError() {
        java.util.concurrent.atomic.AtomicInteger served = new java.util.concurrent.atomic.AtomicInteger();
        SdkTransport fast = (m, p, b) -> {
            served.incrementAndGet();
            return new SdkTransport.Reply(200, "{\"flavors\": []}");
        };
        SnippetResult r = pool.eval("frank", "for (int i = 0; i < 1_000_000; i++) cloud.flavors();", fast);
        assertThat(r.outcome()).isEqualTo(SnippetResult.Outcome.ERROR);
        assertThat(r.text()).contains("CloudException: HTTP 429: This snippet made more than 250 API requests");
        assertThat(served.get()).isEqualTo(250);
        assertThat(pool.eval("frank", "cloud.flavors()", fast).lastValue()).contains("[]");
    }

    @Test
    void theLabsOwnSlownessIsNotCountedAgainstTheSnippet() {
        SdkTransport slow = (m, p, b) -> {
            try {
                Thread.sleep(4_000); // longer than the 3 s limit, all of it on the lab's side
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SdkTransport.Reply(200, "{\"flavors\": [{\"id\": \"1\", \"name\": \"m1.tiny\"}]}");
        };
        assertThat(pool.eval("gina", "cloud.flavors().get(0).name()", slow).lastValue()).contains("\"m1.tiny\"");
    }

    @Test
    void closingSystemOutDoesNotCutTheSessionsLineToTheLab() {
        SnippetResult r = pool.eval("erin", "System.out.close(); System.err.close(); 5");
        assertThat(r.lastValue()).contains("5");
        assertThat(pool.eval("erin", "System.out.println(\"still printing\"); 6").text()).contains("$2 ==> 6");
    }

    @Test
    void aHugeValueIsCutBeforeItCrossesToTheLab() {
        SnippetResult r = pool.eval("carol", "\"x\".repeat(2_000_000)");
        assertThat(r.outcome()).isEqualTo(SnippetResult.Outcome.OK);
        assertThat(r.lastValue().orElseThrow()).hasSizeLessThan(25_000).endsWith("more characters not shown)");
    }

    @Test
    void aSecondSnippetOfTheSameStudentWhileOneRunsIsToldToWait() throws InterruptedException {
        Thread slow = new Thread(() -> pool.eval("dave", "Thread.sleep(1500); 1"));
        slow.start();
        Thread.sleep(700);
        SnippetResult r = pool.eval("dave", "2");
        slow.join();
        assertThat(r.outcome()).isEqualTo(SnippetResult.Outcome.BUSY);
        assertThat(r.notice()).contains("Your previous snippet is still running");
    }
}

package novalab.jshell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The layers under the bytecode guard hold on their own: with the guard switched off, the Java 17 security manager
 * still denies files, sockets, exit, processes, properties and threads; with the security manager off too (as on
 * JDK 24+), the OS and JVM limits still keep the network, the file system and the JDK's other modules out of reach.
 */
class InnerLayersTest {
    private static SnippetResult run(PoolConfig config, String snippet) {
        try (JShellPool pool = JShellPool.start(config)) {
            return pool.eval("mallory", snippet);
        }
    }

    @Test
    void withoutTheGuardTheSecurityManagerDeniesFilesSocketsExitProcessesPropertiesAndThreads() {
        Assumptions.assumeTrue(Runtime.version().feature() < 24, "JDK 24 and later have no security manager");
        PoolConfig c = PoolConfig.defaults().withMaxJvms(1).withLayers(false, true, true);
        try (JShellPool pool = JShellPool.start(c)) {
            String[][] cases = {
                    {"java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"))", "\"java.io.FilePermission\" \"/etc/passwd\" \"read\""},
                    {"new java.io.FileOutputStream(\"/tmp/pwned\")", "\"java.io.FilePermission\" \"/tmp/pwned\" \"write\""},
                    {"new java.net.Socket(\"127.0.0.1\", 22)", "java.net.SocketPermission"},
                    {"System.exit(3)", "\"java.lang.RuntimePermission\" \"exitVM.3\""},
                    {"new ProcessBuilder(\"id\").start()", "\"java.io.FilePermission\" \"<<ALL FILES>>\" \"execute\""},
                    {"System.getenv(\"PATH\")", "\"java.lang.RuntimePermission\" \"getenv.PATH\""},
                    {"System.getProperty(\"user.home\")", "\"java.util.PropertyPermission\" \"user.home\" \"read\""},
                    {"new Thread(() -> {}).start()", "Snippets cannot start threads in the playground"},
                    {"String.class.getDeclaredField(\"value\").setAccessible(true)", "AccessControlException"},
                    {"Class.forName(\"novalab.jshell.sdk.wire.Wire\").getDeclaredFields()", "accessDeclaredMembers"},
                    {"System.loadLibrary(\"evil\")", "loadLibrary.evil"},
            };
            for (String[] k : cases) {
                SnippetResult r = pool.eval("mallory", k[0]);
                assertThat(r.outcome()).as(k[0] + "\n" + r.text()).isEqualTo(SnippetResult.Outcome.ERROR);
                assertThat(r.text()).as(k[0]).contains("|  Exception").contains(k[1]);
            }
            assertThat(pool.eval("mallory", "6 * 7").lastValue()).contains("42");
        }
    }

    @Test
    void withoutGuardAndSecurityManagerTheOsAndJvmLimitsStillHold() {
        PoolConfig c = PoolConfig.defaults().withMaxJvms(1).withLayers(false, false, true);
        try (JShellPool pool = JShellPool.start(c)) {
            String layers = pool.stats().layers();
            Assumptions.assumeTrue(layers.contains("no network") && layers.contains("prlimit"),
                    "this machine cannot give the sandbox its own network namespace and limits: " + layers);
            SnippetResult net = pool.eval("mallory", "new java.net.Socket(\"127.0.0.1\", 7070)");
            assertThat(net.text()).contains("|  Exception java.net.").containsAnyOf("unreachable", "Connection refused");
            SnippetResult http = pool.eval("mallory", "Class.forName(\"java.net.http.HttpClient\")");
            assertThat(http.text()).contains("ClassNotFoundException: java.net.http.HttpClient");
            SnippetResult write = pool.eval("mallory", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/tmp/novalab-pwned-\" + System.nanoTime()), \"data\")");
            assertThat(write.text()).contains("|  Exception").containsAnyOf("File too large", "Permission denied", "AccessDenied");
            SnippetResult etc = pool.eval("mallory", "java.nio.file.Files.writeString(java.nio.file.Path.of(\"/etc/novalab-pwned\"), \"\")");
            assertThat(etc.text()).contains("AccessDeniedException");
            SnippetResult env = pool.eval("mallory", "System.getenv().keySet()");
            assertThat(env.lastValue().orElseThrow()).doesNotContain("PATH").doesNotContain("HOME");
        }
    }
}

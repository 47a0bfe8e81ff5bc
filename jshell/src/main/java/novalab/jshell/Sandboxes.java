package novalab.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Makes sandbox JVMs: builds the small jar they run (the agent and the SDK, nothing else), an empty working directory,
 * and the command line with its limits: {@code prlimit} (address space, CPU seconds, no file writes, no core dumps, few
 * open files, threads), a fresh network namespace with no interfaces, the unprivileged user {@code nobody} when the lab runs as root, a cleared environment,
 * {@code --limit-modules jdk.jshell} (so java.net.http, java.desktop, java.sql, jdk.unsupported... are absent), a small heap
 * and stack, the serial collector and no attach mechanism.
 */
final class Sandboxes implements AutoCloseable {
    /** Threads of all sandbox JVMs together when they run as nobody (a JVM starts about 15). */
    private static final int NPROC = 400;
    private static final String[] REMOTE_PACKAGES = {"novalab/jshell/agent/", "novalab/jshell/sdk/"};
    private final PoolConfig config;
    private final Path dir;
    private final Path jar;
    private final Path work;
    private final List<String> command;
    private final String layers;

    private Sandboxes(PoolConfig config, Path dir, Path jar, Path work, List<String> command, String layers) {
        this.config = config;
        this.dir = dir;
        this.jar = jar;
        this.work = work;
        this.command = command;
        this.layers = layers;
    }

    static Sandboxes prepare(PoolConfig config) {
        try {
            Path dir = Files.createTempDirectory("novalab-jshell-");
            Path jar = dir.resolve("sandbox.jar");
            writeJar(jar);
            Path work = Files.createDirectories(dir.resolve("work"));
            work.toFile().setWritable(false, false);
            List<String> cmd = new ArrayList<>();
            List<String> layers = new ArrayList<>();
            int feature = Runtime.version().feature();
            boolean root = "root".equals(System.getProperty("user.name"));
            if (config.osLimits() && works("prlimit", "--as=1000000000", "true")) {
                long as = (config.heapMb() + 1024L) << 20;
                cmd.addAll(List.of("prlimit", "--as=" + as, "--cpu=" + config.jvmCpuSeconds(), "--fsize=0", "--core=0", "--nofile=128"));
                // RLIMIT_NPROC counts every process of the real user: only meaningful once the JVM runs as nobody
                if (root) cmd.add("--nproc=" + NPROC);
                cmd.add("--");
                layers.add("prlimit(as,cpu,fsize=0,core=0,nofile" + (root ? ",nproc" : "") + ")");
            }
            if (config.osLimits() && root && works("unshare", "-n", "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                    "--no-new-privs", "true")) {
                cmd.addAll(List.of("unshare", "-n", "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--no-new-privs"));
                layers.add("no network (unshare -n)");
                layers.add("runs as nobody (setpriv)");
                for (Path p : List.of(dir, jar)) {
                    p.toFile().setReadable(true, false);
                    p.toFile().setExecutable(true, false);
                }
                work.toFile().setReadable(true, false);
                work.toFile().setExecutable(true, false);
            } else if (config.osLimits() && works("unshare", "-rn", "true")) {
                cmd.addAll(List.of("unshare", "-rn"));
                layers.add("no network (unshare -rn)");
            }
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(List.of("-Xmx" + config.heapMb() + "m", "-Xms16m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-XX:MaxMetaspaceSize=64m", "-XX:CompressedClassSpaceSize=32m", "-XX:ReservedCodeCacheSize=24m",
                    "-XX:MaxDirectMemorySize=8m", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
                    "-XX:ErrorFile=/dev/null", "-Xshare:auto", "-Djava.io.tmpdir=" + work, "-Duser.home=" + work, "-Duser.dir=" + work,
                    "--limit-modules", "jdk.jshell"));
            layers.add("separate JVM (-Xmx" + config.heapMb() + "m, --limit-modules jdk.jshell, empty env and work dir)");
            if (config.securityManager() && feature >= 18 && feature < 24) cmd.add("-Djava.security.manager=allow");
            cmd.addAll(List.of("-cp", jar.toString(), "novalab.jshell.agent.SandboxAgent"));
            if (!config.securityManager()) cmd.add("--no-security-manager");
            else if (feature < 24) layers.add("security manager (no permissions for snippets)");
            if (config.bytecodeGuard()) layers.add("bytecode allow-list");
            layers.add("per-snippet wall " + config.wallMs() + " ms / CPU " + config.cpuMs() + " ms");
            return new Sandboxes(config, dir, jar, work, List.copyOf(cmd), String.join(", ", layers));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the JShell sandbox files", e);
        }
    }

    String layers() { return layers; }

    Path jar() { return jar; }

    RemoteSession start(String owner) {
        return RemoteSession.start(config, this, owner);
    }

    Process launch() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        pb.environment().put("MALLOC_ARENA_MAX", "2");
        pb.environment().put("LANG", "C.UTF-8");
        // -Dnovalab.jshell.stderr=FILE appends the sandbox JVMs' own stderr (JVM errors, never snippet output) to FILE
        String log = System.getProperty("novalab.jshell.stderr", "");
        pb.redirectError(log.isEmpty() ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.appendTo(new java.io.File(log)));
        return pb.start();
    }

    private static boolean works(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Copies the agent's and the SDK's classes (from this module's jar or classes folder) into {@code jar}. */
    private static void writeJar(Path jar) throws IOException {
        Path src;
        try {
            src = Path.of(Sandboxes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (Files.isDirectory(src)) {
                try (Stream<Path> files = Files.walk(src)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        String name = src.relativize(f).toString().replace('\\', '/');
                        if (!remote(name)) continue;
                        out.putNextEntry(new JarEntry(name));
                        Files.copy(f, out);
                        out.closeEntry();
                    }
                }
            } else {
                try (JarFile in = new JarFile(src.toFile())) {
                    for (JarEntry e : in.stream().sorted(Comparator.comparing(JarEntry::getName)).toList()) {
                        if (e.isDirectory() || !remote(e.getName())) continue;
                        out.putNextEntry(new JarEntry(e.getName()));
                        try (InputStream is = in.getInputStream(e)) {
                            is.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
        }
    }

    private static boolean remote(String name) {
        for (String p : REMOTE_PACKAGES) if (name.startsWith(p) && name.endsWith(".class")) return true;
        return false;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            work.toFile().setWritable(true, false);
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}

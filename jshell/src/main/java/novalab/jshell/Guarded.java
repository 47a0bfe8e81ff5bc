package novalab.jshell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import jdk.jshell.spi.ExecutionControl;

/**
 * The lab-side execution control of one sandbox: checks every class a snippet compiles to against the
 * {@link BytecodeGuard} before it is sent, and watches each run against the wall-clock and CPU-time limits, killing the
 * sandbox JVM when one is passed (JShell's own {@code stop()} cannot interrupt code that ignores it; a kill always can).
 */
final class Guarded implements ExecutionControl {
    private static final long TICK_MS = 10; // USER_HZ on Linux is 100
    private final ExecutionControl delegate;
    private final Process process;
    private final PoolConfig config;
    private final SdkChannel sdk;
    private final String classPath;
    private volatile String stopReason;
    private volatile String refusal;

    Guarded(ExecutionControl delegate, Process process, PoolConfig config, SdkChannel sdk, String classPath) {
        this.delegate = delegate;
        this.process = process;
        this.config = config;
        this.sdk = sdk;
        this.classPath = classPath;
    }

    void beginSnippet() {
        refusal = null;
        sdk.resetBudget();
    }

    Optional<String> stopReason() { return Optional.ofNullable(stopReason); }

    Optional<String> takeRefusal() {
        String r = refusal;
        refusal = null;
        return Optional.ofNullable(r);
    }

    void kill(String why) {
        if (stopReason == null) stopReason = "Your snippet " + why + " and was stopped";
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void check(ClassBytecodes[] cbcs) throws ClassInstallException {
        if (!config.bytecodeGuard()) return;
        for (ClassBytecodes c : cbcs) {
            Optional<String> why = BytecodeGuard.check(c.bytecodes());
            if (why.isPresent()) {
                refusal = why.get();
                throw new ClassInstallException(why.get(), new boolean[cbcs.length]);
            }
        }
    }

    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        check(cbcs);
        watched(() -> {
            delegate.load(cbcs);
            return null;
        });
    }

    @Override
    public void redefine(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        check(cbcs);
        delegate.redefine(cbcs);
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        return watched(() -> delegate.invoke(className, methodName));
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        return watched(() -> delegate.varValue(className, varName));
    }

    @Override
    public void addToClasspath(String path) throws EngineTerminationException, InternalException {
        if (!path.equals(classPath)) throw new InternalException("The playground's class path is fixed.");
        // the sandbox JVM already runs with it; only the compiler needed to hear about it
    }

    @Override
    public void stop() throws EngineTerminationException, InternalException {
        kill("was stopped on request");
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        throw new NotImplementedException("no extension commands in the playground");
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } catch (RuntimeException e) {
            // the remote end may already be gone
        }
        process.destroyForcibly();
    }

    private interface Call<T> {
        T run() throws ExecutionControlException;
    }

    /** Runs one remote call under the limits: a watcher thread kills the JVM if the call outlives them. */
    private <T> T watched(Call<T> call) {
        long startNs = System.nanoTime();
        long startSdk = sdk.busyNanos();
        long startCpu = cpuMs();
        Thread w = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(25);
                    long total = (System.nanoTime() - startNs) / 1_000_000;
                    long wall = total - (sdk.busyNanos() - startSdk) / 1_000_000;
                    if (wall > config.wallMs()) {
                        kill("ran longer than " + seconds(config.wallMs()));
                        return;
                    }
                    if (total > 4 * config.wallMs()) { // the lab's time answering its API requests counts here
                        kill("ran longer than " + seconds(4 * config.wallMs()) + ", API requests included,");
                        return;
                    }
                    long cpu = cpuMs() - startCpu;
                    if (cpu > config.cpuMs()) {
                        kill("used more than " + seconds(config.cpuMs()) + " of CPU time");
                        return;
                    }
                }
            } catch (InterruptedException e) {
                // the call ended in time
            }
        }, "jshell-watchdog");
        w.setDaemon(true);
        w.start();
        try {
            return call.run();
        } catch (ExecutionControlException e) {
            throw Guarded.<RuntimeException>sneaky(e);
        } finally {
            w.interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format("%.1f s", ms / 1000.0);
    }

    /** utime+stime of the sandbox JVM from /proc (0 where there is no /proc). */
    private long cpuMs() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * TICK_MS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

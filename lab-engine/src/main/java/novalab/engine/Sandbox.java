package novalab.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import novalab.engine.cli.Programs;
import novalab.engine.shell.ExecResult;
import novalab.engine.shell.Shell;
import novalab.engine.shell.ShellClock;

/**
 * One student's sandbox: a {@link Cloud} and the terminal on its workstation. {@link #run} is the one
 * door every history goes through: the clock first advances to the command's offset (firing what fell
 * due), then the line runs. Same scenario, seed and timed history give the same transcript.
 */
public final class Sandbox implements AutoCloseable {
    private final Cloud cloud;
    private final Shell shell;
    private java.util.function.LongConsumer liveWait = ms -> { };

    private Sandbox(Cloud cloud) {
        this.cloud = cloud;
        Programs.install(cloud);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", cloud.workstation().home());
        env.put("USER", cloud.workstation().user());
        env.put("LOGNAME", cloud.workstation().user());
        env.put("SHELL", "/bin/bash");
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        this.shell = new Shell(cloud.workstation(), env, new ShellClock() {
            @Override public long nowMs() { return cloud.nowMs(); }
            @Override public void advanceBy(long ms) {
                liveWait.accept(ms);
                cloud.advanceBy(ms);
            }
            @Override public Instant now() { return cloud.clock().instant(); }
        });
    }

    public static Sandbox create(Consumer<LabConfig> configure) {
        return new Sandbox(Cloud.create(configure));
    }

    /**
     * What a live terminal does when a command waits ({@code sleep}, {@code --wait} polling, a connect
     * timeout): the engine only moves its simulated clock; a live front end may also really wait.
     */
    public void onWait(java.util.function.LongConsumer wait) { this.liveWait = wait; }

    public Cloud cloud() { return cloud; }

    public Shell shell() { return shell; }

    /** Runs {@code line} at {@code offsetMs} (ms since the sandbox started), or now if that has passed. */
    public ExecResult run(long offsetMs, String line) {
        cloud.advanceTo(Math.max(cloud.nowMs(), offsetMs));
        return shell.execute(line);
    }

    /** Runs {@code line} at the current simulated time. */
    public ExecResult run(String line) {
        return shell.execute(line);
    }

    @Override
    public void close() { cloud.close(); }
}

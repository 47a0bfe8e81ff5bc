package novalab.engine.nodes;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A systemd unit on a simulated node ({@code nova-scheduler.service}, {@code nova-compute.service}, ...):
 * running or not, since when, and why it last failed. Starting runs the service's start hook, which
 * may refuse (a bad nova.conf), as the real daemon exits with an error.
 */
public final class ServiceUnit {
    private final String name;
    private final String description;
    private final String execStart;
    private final int pid;
    private final Supplier<Optional<String>> onStart;
    private final Runnable onStop;
    private boolean running;
    private long sinceMs;
    private Optional<String> failure = Optional.empty();

    public ServiceUnit(String name, String description, String execStart, int pid, Supplier<Optional<String>> onStart, Runnable onStop) {
        this.name = name;
        this.description = description;
        this.execStart = execStart;
        this.pid = pid;
        this.onStart = onStart;
        this.onStop = onStop;
    }

    public String name() { return name; }
    public String description() { return description; }
    public String execStart() { return execStart; }
    public int pid() { return pid; }
    public boolean running() { return running; }
    public long sinceMs() { return sinceMs; }
    public Optional<String> failure() { return failure; }

    /** Starts the unit; returns the failure message if the service refused to start. */
    public Optional<String> start(long nowMs) {
        if (running) return Optional.empty();
        Optional<String> err = onStart.get();
        sinceMs = nowMs;
        if (err.isPresent()) {
            failure = err;
            running = false;
            return err;
        }
        failure = Optional.empty();
        running = true;
        return Optional.empty();
    }

    public void stop(long nowMs) {
        if (!running) return;
        running = false;
        sinceMs = nowMs;
        onStop.run();
    }
}

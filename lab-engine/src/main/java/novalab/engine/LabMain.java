package novalab.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import novalab.engine.shell.ExecResult;

/**
 * {@code ./lab shell}: a terminal on a new sandbox. With a terminal it shows a prompt and lets
 * simulated time follow the wall clock (as the web lab does); from a pipe or file it prints a plain
 * transcript, every command running at the current simulated time ({@code sleep} moves it on).
 */
public final class LabMain {
    private LabMain() {}

    public static void main(String[] args) throws IOException {
        java.util.Optional<novalab.engine.ConsoleOptions> opts = novalab.engine.ConsoleOptions.parse("shell", args);
        if (opts.isEmpty()) return;
        long s = opts.get().seed();
        String d = opts.get().driver();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        boolean tty = System.console() != null;
        try (Sandbox box = Sandbox.create(c -> { c.seed = s; c.driver = d; })) {
            System.err.println("Nova Lab: a new sandbox of the " + box.cloud().scenarioName() + " scenario (seed " + s + ", driver "
                    + box.cloud().config().driver() + "). Try: source nebula-openrc.sh; openstack flavor list"
                    + (tty ? "   (exit or Ctrl-D to leave)" : ""));
            if (tty) {
                // In a live terminal a wait really passes (capped at 10 s a call); the clock is the engine's either way.
                box.onWait(ms -> {
                    try {
                        Thread.sleep(Math.min(ms, 10_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            long start = System.nanoTime();
            StringBuilder pending = new StringBuilder();
            while (!box.shell().exited()) {
                if (tty) {
                    out.print(pending.length() == 0 ? box.shell().prompt() : "> ");
                    out.flush();
                }
                String line = in.readLine();
                if (line == null) break;
                if (pending.length() > 0) pending.append('\n');
                pending.append(line);
                if (!box.shell().isComplete(pending.toString())) continue;
                String cmd = pending.toString();
                pending.setLength(0);
                if (!tty) out.println(box.shell().prompt() + cmd);
                long offset = tty ? (System.nanoTime() - start) / 1_000_000 : box.cloud().nowMs();
                ExecResult r = box.run(offset, cmd);
                out.print(r.output());
            }
            if (pending.length() > 0) {
                ExecResult r = box.run(pending.toString());
                out.print(r.output());
            }
        }
    }
}

package novalab.grader.batch;

import java.io.PrintStream;

/** A one-line progress bar with a running count and ETA, drawn on a terminal only (wall-clock time is fine here: this is not the engine). */
final class Progress {
    private final PrintStream out;
    private final boolean enabled;
    private final int total;
    private final long start = System.nanoTime();
    private int done;

    Progress(PrintStream out, boolean enabled, int total) {
        this.out = out;
        this.enabled = enabled;
        this.total = total;
    }

    synchronized void step() {
        done++;
        if (!enabled) return;
        double elapsed = (System.nanoTime() - start) / 1e9;
        long eta = done == 0 ? 0 : Math.round(elapsed / done * (total - done));
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        out.print("\r[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total
                + String.format("  ETA %d:%02d ", eta / 60, eta % 60));
        if (done == total) out.println();
        out.flush();
    }
}

package novalab.engine.shell;

/**
 * Caps the work one typed line may do, so that {@code while true; do :; done} or {@code seq 1 1e12} ends
 * as if the student had pressed Ctrl-C instead of hanging the lab or the grader.
 */
final class Budget {
    static final long MAX_STEPS = 100_000;
    static final long MAX_CHARS = 8_000_000;

    private long steps;
    private long chars;

    void reset() {
        steps = 0;
        chars = 0;
    }

    void step() {
        if (++steps > MAX_STEPS) throw new ControlFlow.Interrupt();
    }

    void wrote(int n) {
        chars += n;
        if (chars > MAX_CHARS) throw new ControlFlow.Interrupt();
    }
}

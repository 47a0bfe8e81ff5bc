package novalab.web.instructor;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** One background run of the grader over every history: what it does, how far it got, and (when done) its results. */
public final class GradingJob {
    public enum Kind { GRADE_ALL, PREVIEW }

    public enum State { RUNNING, DONE, FAILED, APPLIED }

    /** What the pages show of a job. */
    public record View(int number, Kind kind, State state, int done, int total, String message, List<ScoreChange> changes) {
        public boolean running() { return state == State.RUNNING; }

        public boolean preview() { return kind == Kind.PREVIEW; }

        public boolean applicable() { return kind == Kind.PREVIEW && state == State.DONE && !changes.isEmpty(); }

        public String kindText() { return kind == Kind.PREVIEW ? "Regrade preview" : "Grade all"; }

        public String stateText() { return state.name().toLowerCase(java.util.Locale.ROOT); }

        public int percent() { return total == 0 ? 100 : done * 100 / total; }
    }

    final int number;
    final Kind kind;
    final AtomicInteger done = new AtomicInteger();
    volatile int total;
    volatile State state = State.RUNNING;
    volatile String message = "Starting.";
    volatile List<Graded> results = List.of();
    volatile List<ScoreChange> changes = List.of();

    GradingJob(int number, Kind kind) {
        this.number = number;
        this.kind = kind;
    }

    View view() {
        return new View(number, kind, state, done.get(), total, message, changes);
    }
}

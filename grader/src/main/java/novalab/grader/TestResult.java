package novalab.grader;

import java.util.Optional;
import novalab.exercises.checks.CheckInfo;

/**
 * One check's result: the check, whether it passed, the points earned, what the grader saw, what the
 * reference solution's end state shows for the same check, and where the history diverged (failed checks only).
 */
public record TestResult(CheckInfo check, boolean passed, int points, String observed, String reference,
                         Optional<Divergence> divergence) {
    /** The student-facing feedback: empty when passed; the check's message and the first divergence when failed. */
    public String studentMessage() {
        if (passed) return "";
        return check.message() + divergence.map(d -> " First divergence: command " + d.command() + " (`" + d.line() + "`).")
                .orElse(" No command in the history brought this about.");
    }
}

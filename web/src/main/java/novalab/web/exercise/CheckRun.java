package novalab.web.exercise;

import java.util.List;

/**
 * One "Check my progress": what the student may see of the grader's result. Only the visible checks are listed;
 * the hidden ones are counted. {@code score} is over all checks (as a batch grade counts it); the page shows the
 * visible points.
 */
public record CheckRun(long id, String exercise, int epoch, int commands, double score, int visiblePoints, int visibleMax,
                       int hiddenChecks, boolean passedVisible, String message, List<Line> lines, String checkedAt) {
    public CheckRun {
        lines = List.copyOf(lines);
    }

    /** One visible check's result: its test name, whether it passed, points earned of its points, and the student message. */
    public record Line(String name, boolean passed, int points, int max, String message) {}

    /** The visible points as a whole percentage ("100%"); 100% when no check is visible. */
    public String percent() {
        return (visibleMax == 0 ? 100 : Math.round(100.0 * visiblePoints / visibleMax)) + "%";
    }

    /** "8 of 8 points (100%)". */
    public String summary() {
        return visiblePoints + " of " + visibleMax + " points (" + percent() + ")";
    }
}

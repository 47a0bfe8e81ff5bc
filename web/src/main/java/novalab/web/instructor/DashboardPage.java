package novalab.web.instructor;

import java.util.List;
import java.util.Optional;
import novalab.web.Chrome;

/** The class dashboard: the progress grid, the commonest failures and divergences, the score histogram and the grading job. */
public record DashboardPage(Chrome chrome, List<Column> exercises, List<Row> rows, List<Count> failingChecks, List<Count> divergences,
                            List<Bar> histogram, int graded, Optional<GradingJob.View> job) {
    /** An exercise column, with the class's summary of it ("3 graded, mean 7.5/10"). */
    public record Column(String id, String title, int points, String summary) {}

    /** One student's row: a cell per exercise and their total. */
    public record Row(long userId, String student, List<Cell> cells, String total) {}

    /**
     * One cell: a symbol and text that say the same as its class (so colour is never the only cue), and a link to
     * the replay viewer when the student has a history.
     */
    public record Cell(String symbol, String text, String cssClass, String link) {
        public boolean linked() { return !link.isEmpty(); }
    }

    /** A thing and how often it happened; {@code detail} says where. */
    public record Count(String what, String detail, int count) {}

    /** One histogram bin with its SVG geometry precomputed. */
    public record Bar(String label, int count, int x, int y, int height, int labelY) {}

    public int maxBar() { return histogram.stream().mapToInt(Bar::count).max().orElse(0); }
}

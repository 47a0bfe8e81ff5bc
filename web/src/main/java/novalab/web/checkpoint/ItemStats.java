package novalab.web.checkpoint;

import java.util.List;

/**
 * How the class did on one item: students who attempted it, the share right at the first try and right at
 * some try, and how often each option (step, pair, typed answer) was chosen.
 */
public record ItemStats(String id, String lessonTitle, String prompt, String kind, int students, int attempts, String firstTry, String eventually,
                        List<OptionCount> options) {
    /** One option's count: {@code label} the option, {@code right} whether it is a right choice. */
    public record OptionCount(String label, boolean code, boolean right, String count) {}
}

package novalab.grader;

import java.util.List;

/**
 * The grade of one history for one exercise, as PrairieLearn shapes it: {@code gradable} (false for an
 * empty or unreadable history, with {@code formatErrors}), {@code score} 0..1, a message and the tests;
 * plus the receipt.
 */
public record GradeResult(boolean gradable, double score, String message, List<String> formatErrors, List<TestResult> tests,
                          Receipt receipt, int engineErrors) {
    public GradeResult {
        formatErrors = List.copyOf(formatErrors);
        tests = List.copyOf(tests);
    }

    public int points() { return tests.stream().mapToInt(TestResult::points).sum(); }

    public int maxPoints() { return tests.stream().mapToInt(t -> t.check().points()).sum(); }
}

package novalab.web.checkpoint;

import java.util.List;

/**
 * One item as one student sees it: options in the student's shuffled order, the latest answer filled in,
 * and, once answered, the verdict and a rationale for every option.
 */
public record ItemView(String id, String kind, String instruction, String prompt, List<OptionView> options, List<Integer> positions,
                       List<MatchRow> rows, String typed, int attempts, boolean correct, List<Feedback> feedback) {
    /** A choice or an ordering step; {@code position} is the step the student gave it (0: none yet). */
    public record OptionView(String id, String text, boolean code, boolean chosen, int position) {}

    /** One left term of a matching item with the right terms to choose from. */
    public record MatchRow(String id, String left, List<Choice> choices) {}

    /** A right term in a matching row's list. */
    public record Choice(String id, String text, boolean selected) {}

    /** The rationale of one option after answering: what it is, whether it is right, what the student did with it. */
    public record Feedback(String subject, boolean code, boolean right, String verdict, String note, String rationale) {}

    public boolean answered() { return attempts > 0; }

    public boolean choice() { return kind.equals("single") || kind.equals("multiple") || kind.equals("pick"); }

    public String inputType() { return kind.equals("multiple") ? "checkbox" : "radio"; }
}

package novalab.web.instructor;

import java.util.List;

/** What a regrade would change for one student and exercise: the points before and after, and why (one sentence per check). */
public record ScoreChange(long userId, String student, String exercise, String before, String after, List<String> why) {
    public ScoreChange {
        why = List.copyOf(why);
    }
}

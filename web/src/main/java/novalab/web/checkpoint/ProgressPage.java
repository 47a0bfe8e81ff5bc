package novalab.web.checkpoint;

import java.util.List;
import novalab.web.Chrome;

/** /progress: quiz scores and reflections per lesson, and the week's checklist to tick. */
public record ProgressPage(Chrome chrome, List<LessonScore> lessons, List<ChecklistLine> checklist) {
    /** One lesson: items right now (latest attempt), right at the first try, attempted; reflections answered. */
    public record LessonScore(String slug, String title, int items, int attempted, int rightNow, int firstTry, int reflectionsAnswered,
                              int reflections) {}

    /** One checklist line and whether the student has ticked it. */
    public record ChecklistLine(String id, String text, boolean ticked) {}

    public long ticked() { return checklist.stream().filter(ChecklistLine::ticked).count(); }
}

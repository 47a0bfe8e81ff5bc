package novalab.web.checkpoint;

import java.util.List;

/** A lesson's checkpoint for one student: reflection questions with their saved answers, the quiz items, checklist lines. */
public record CheckpointView(String lesson, String title, String csrf, String from, List<ReflectionView> reflections, List<ItemView> items,
                             List<ProgressPage.ChecklistLine> checklist) {
    /** How many items the student's latest answer gets right. */
    public long rightNow() {
        return items.stream().filter(ItemView::correct).count();
    }

    /** A reflection question with the student's saved answer ({@code updatedAt} blank when never saved). */
    public record ReflectionView(String id, String text, String answer, String updatedAt) {}
}

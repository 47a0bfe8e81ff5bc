package novalab.web.checkpoint;

import java.util.List;
import novalab.web.Chrome;

/** /instructor/quizzes: item statistics over every student's attempts, by lesson. */
public record QuizStatsPage(Chrome chrome, List<ItemStats> items) {
    /** One lesson's title with the statistics of its items. */
    public record LessonStats(String title, List<ItemStats> items) {}

    /** The items grouped by lesson, in lesson order. */
    public List<LessonStats> lessons() {
        java.util.Map<String, List<ItemStats>> m = new java.util.LinkedHashMap<>();
        for (ItemStats s : items) m.computeIfAbsent(s.lessonTitle(), k -> new java.util.ArrayList<>()).add(s);
        return m.entrySet().stream().map(e -> new LessonStats(e.getKey(), e.getValue())).toList();
    }
}

package novalab.web.checkpoint;

import java.util.List;
import novalab.web.Chrome;

/** /quizzes: every lesson's self-check items on one page. */
public record QuizzesPage(Chrome chrome, List<LessonCheckpoint> lessons) {
    /** One lesson's title and link with its checkpoint. */
    public record LessonCheckpoint(String slug, String title, CheckpointView view) {}
}

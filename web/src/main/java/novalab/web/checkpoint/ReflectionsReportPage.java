package novalab.web.checkpoint;

import java.util.List;
import novalab.web.Chrome;
import novalab.web.checkpoint.CheckpointStore.Reflection;

/** /instructor/reflections: every reflection question with the students' answers. */
public record ReflectionsReportPage(Chrome chrome, List<QuestionAnswers> questions) {
    /** One question (with its lesson) and its answers, by student name. */
    public record QuestionAnswers(String id, String lessonTitle, String text, List<Reflection> answers) {}
}

package novalab.web.lesson;

import java.util.List;
import novalab.web.Chrome;

/** The week's lessons in order. */
public record LessonListPage(Chrome chrome, List<Lesson> lessons) {}

package novalab.web.lesson;

import java.util.Optional;
import novalab.web.Chrome;
import novalab.web.checkpoint.CheckpointView;
import novalab.web.lab.TerminalView;

/** A lesson beside the student's terminal, with links to the lessons before and after it, and its checkpoint (if it has one). */
public record LessonPage(Chrome chrome, Lesson lesson, TerminalView terminal, Optional<Lesson> previous, Optional<Lesson> next,
                         Optional<CheckpointView> checkpoint) {}

package novalab.web.checkpoint;

import java.util.List;
import novalab.web.Chrome;

/** /instructor/quizzes: item statistics over every student's attempts. */
public record QuizStatsPage(Chrome chrome, List<ItemStats> items) {}

package novalab.web.instructor;

import java.util.Optional;
import novalab.web.Chrome;

/** The grading job page: its progress while it runs, then its outcome (and a preview's changes with "Apply"). */
public record JobPage(Chrome chrome, Optional<GradingJob.View> job) {}

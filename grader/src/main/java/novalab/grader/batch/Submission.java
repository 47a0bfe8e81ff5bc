package novalab.grader.batch;

import java.nio.file.Path;
import novalab.exercises.Exercise;

/** One history to grade: whose it is, for which exercise, and where it is. */
record Submission(String student, Exercise exercise, Path file) {}

package novalab.exercises.checks;

/**
 * What every check carries besides its test: a stable id, a test name, points, the student-facing
 * message shown when it fails, an instructor-only detail, and a Gradescope visibility.
 */
public record CheckInfo(String id, String name, int points, String message, String detail, Visibility visibility) {}

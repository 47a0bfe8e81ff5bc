package novalab.web.instructor;

/**
 * One row of {@code grades}: whose history (and which epoch and SHA-256 of it) for which exercise, the points
 * earned of the maximum, the score 0..1, the grader's PrairieLearn-shaped result JSON, the engine version and when.
 */
public record StoredGrade(long id, long userId, String student, String exercise, int epoch, String historySha, int commands,
                          boolean gradable, int points, int maxPoints, double score, String resultJson, String engine, String gradedAt) {}

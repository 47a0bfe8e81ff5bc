package novalab.grader;

/** What a grade was computed from: engine version, exercise (folder and uuid), scenario, seed, driver, and the history's SHA-256. */
public record Receipt(String engine, String exercise, String exerciseUuid, String scenario, long seed, String driver,
                      String historySha256, int commands) {}

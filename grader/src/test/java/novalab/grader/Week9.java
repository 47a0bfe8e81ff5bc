package novalab.grader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import novalab.exercises.Catalog;
import novalab.exercises.Exercise;

/** The week-9 content folder, loaded once for the grader's tests, and small history helpers. */
final class Week9 {
    private Week9() {}

    static final Catalog CATALOG = Catalog.load(Path.of("../content/week9/exercises"));
    static final ReplayGrader GRADER = new ReplayGrader();

    static Exercise exercise(String id) { return CATALOG.find(id).orElseThrow(); }

    static String solution(String id) { return exercise(id).solution().orElseThrow(); }

    static GradeResult grade(String id, String history) {
        return GRADER.grade(exercise(id), history.getBytes(StandardCharsets.UTF_8));
    }
}

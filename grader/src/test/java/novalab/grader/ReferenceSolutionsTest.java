package novalab.grader;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import novalab.exercises.Exercise;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every exercise's reference solution scores full marks, and grading it twice gives the same bytes. */
class ReferenceSolutionsTest {
    static Stream<String> exercises() { return Week9.CATALOG.exercises().stream().map(Exercise::id); }

    @ParameterizedTest
    @MethodSource("exercises")
    void the_reference_solution_scores_full_marks(String id) {
        GradeResult r = Week9.grade(id, Week9.solution(id));
        assertThat(r.gradable()).isTrue();
        assertThat(r.tests()).allSatisfy(t -> assertThat(t.passed()).as(t.check().id() + ": " + t.observed()).isTrue());
        assertThat(r.score()).isEqualTo(1.0);
        assertThat(r.engineErrors()).isZero();
    }

    @ParameterizedTest
    @MethodSource("exercises")
    void grading_the_same_history_twice_gives_the_same_bytes(String id) {
        String a = ResultJson.write(ResultJson.prairieLearn(Week9.grade(id, Week9.solution(id))));
        String b = ResultJson.write(ResultJson.prairieLearn(new ReplayGrader().grade(Week9.exercise(id),
                Week9.solution(id).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(a).isEqualTo(b);
    }
}

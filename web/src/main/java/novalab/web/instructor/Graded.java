package novalab.web.instructor;

import novalab.grader.GradeResult;
import novalab.grader.ResultJson;

/** A history and what the grader made of it, not yet stored. */
record Graded(StudentHistory history, GradeResult result) {
    String json() {
        return ResultJson.write(ResultJson.prairieLearn(result));
    }

    int points() {
        return result.gradable() ? result.points() : 0;
    }
}

package novalab.web.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import novalab.exercises.Catalog;
import novalab.grader.CommandHistory;
import novalab.grader.GradeResult;
import novalab.grader.ReplayGrader;
import novalab.web.BadInput;
import novalab.web.Role;
import novalab.web.WebTests;
import novalab.web.account.User;
import novalab.web.account.UserDao;
import novalab.web.db.Database;
import novalab.web.exercise.Week9;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LabSessions#history}: what the instructor's grading reads for (student, exercise): the current generation, with offsets. */
class ExerciseHistoryTest {
    @TempDir Path data;

    @Test
    void the_stored_history_of_an_exercise_sandbox_is_its_current_generation_and_grades_like_a_batch_grade() throws Exception {
        User ada;
        try (Database db = Database.open(data.resolve("lab.db"))) {
            ada = new UserDao(db).add("ada", Role.STUDENT, "correct horse");
        }
        WebTests.test(data, (app, client) -> {
            client.signIn("ada", "correct horse");
            client.postJson("/lab/run", "sandbox", "01-the-menu", "line", "openstack flavor delete m1.small");
            client.post("/lab/reset", "sandbox", "01-the-menu", "confirm", "yes");
            client.postJson("/lab/run", "sandbox", "01-the-menu", "line", "source admin-openrc.sh");
            client.postJson("/lab/run", "sandbox", "01-the-menu", "line", "openstack flavor create --vcpus 1 --ram 512 --disk 5 m1.nebula_micro");
            client.postJson("/lab/run", "line", "echo free terminal");
        });
        Catalog catalog = Week9.catalog();
        try (Database db = Database.open(data.resolve("lab.db")); LabSessions labs = new LabSessions(db, "fake", System::currentTimeMillis, catalog)) {
            StoredHistory h = labs.history(ada.id(), "01-the-menu");
            assertThat(h.epoch()).isEqualTo(2);
            assertThat(h.commands()).extracting(Command::line)
                    .containsExactly("source admin-openrc.sh", "openstack flavor create --vcpus 1 --ram 512 --disk 5 m1.nebula_micro");
            assertThat(h.commands().get(1).offsetMs()).isGreaterThanOrEqualTo(h.commands().get(0).offsetMs());
            CommandHistory parsed = CommandHistory.parse(h.jsonLines());
            assertThat(parsed.commands()).extracting(c -> c.line()).containsExactly(h.commands().get(0).line(), h.commands().get(1).line());
            assertThat(new String(h.jsonLines(), StandardCharsets.UTF_8)).startsWith("{\"t\":");
            GradeResult g = new ReplayGrader().grade(catalog.find("01-the-menu").orElseThrow(), h.jsonLines());
            assertThat(g.score()).isEqualTo(1.0);

            assertThat(labs.history(ada.id(), "02-keys-and-groups").commands()).isEmpty();
            assertThat(labs.history(ada.id(), "02-keys-and-groups").epoch()).isZero();
            assertThat(labs.history(ada.id(), LabSessions.SCENARIO).commands()).extracting(Command::line).containsExactly("echo free terminal");
            assertThatThrownBy(() -> labs.history(ada.id(), "nope")).isInstanceOf(BadInput.class).hasMessageStartingWith("There is no sandbox called 'nope'");
        }
    }
}

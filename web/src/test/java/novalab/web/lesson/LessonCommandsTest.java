package novalab.web.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every runnable block of every lesson, run in order in a fresh sandbox, is a command this lab supports. */
class LessonCommandsTest {
    private static final Path LESSONS = Path.of("../content/week9/lessons");
    /** Lines the lessons run on purpose to show a refusal, with the exit status they must give. */
    private static final Map<String, Integer> EXPECTED_FAILURES = Map.of(
            "openstack flavor create --ram 256 --disk 1 --vcpus 1 m1.not_allowed", 1,
            "(export OS_PASSWORD=wrong; openstack server list)", 1);

    static Stream<Path> lessons() throws IOException {
        return Files.list(LESSONS).filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.md")).sorted();
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void every_command_of_the_lesson_runs_in_the_sandbox(Path lesson) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Sandbox box = Sandbox.create(c -> c.driver = "fake")) {
            for (List<String> block : new Markdown().runnableBlocks(Files.readString(lesson))) {
                for (String line : block) {
                    ExecResult r = box.run(line);
                    int expected = EXPECTED_FAILURES.getOrDefault(line, 0);
                    boolean unsupported = r.output().contains("command not found") || r.output().contains("unrecognized arguments")
                            || r.output().contains("invalid choice") || (r.output().contains("usage:") && !line.contains(" help "));
                    if (r.status() != expected || unsupported) problems.add(line + "  -> status " + r.status() + "\n" + r.output());
                }
            }
        }
        assertThat(problems).as(lesson.getFileName().toString()).isEmpty();
    }
}

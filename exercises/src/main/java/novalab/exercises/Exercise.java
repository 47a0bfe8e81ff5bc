package novalab.exercises;

import java.util.List;
import java.util.Optional;
import novalab.exercises.checks.Check;

/**
 * One exercise folder, loaded: its stable {@code uuid} (kept when the folder is renamed), the folder
 * name as {@code id}, title, prompt (Markdown), the commands run before the student starts, the
 * scenario and seed of its sandbox, its checks, and the reference solution history if the folder has one.
 *
 * @param points the sum of the checks' points (info.json states it too, and the loader insists they agree)
 * @param hints  optional hints (Markdown), from {@code hints.md}, in the order a student should see them
 */
public record Exercise(String id, String uuid, String title, String topic, List<String> tags, int points, long seed,
                       String scenario, String prompt, List<String> setup, List<Check> checks, Optional<String> solution, List<String> hints) {
    public Exercise {
        hints = List.copyOf(hints);
        tags = List.copyOf(tags);
        setup = List.copyOf(setup);
        checks = List.copyOf(checks);
    }

    /** An exercise without hints. */
    public Exercise(String id, String uuid, String title, String topic, List<String> tags, int points, long seed,
                    String scenario, String prompt, List<String> setup, List<Check> checks, Optional<String> solution) {
        this(id, uuid, title, topic, tags, points, seed, scenario, prompt, setup, checks, solution, List.of());
    }
}

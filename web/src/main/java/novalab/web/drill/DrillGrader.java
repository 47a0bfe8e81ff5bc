package novalab.web.drill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import novalab.engine.Sandbox;
import novalab.engine.shell.ExecResult;
import novalab.exercises.ExerciseLoader;
import novalab.web.BadInput;

/**
 * Grades a drill answer by its effects: the given commands and the student's each run in a fresh sandbox of the
 * scenario and seed (after the drill's setup), the clock then moves on two minutes so builds and power actions
 * finish, and the two clouds' {@link CloudFingerprint}s must be equal. Thread-safe; the given side is cached per drill.
 */
public final class DrillGrader {
    /** How long both clouds run on after the last command, so asynchronous work settles the same way. */
    static final long SETTLE_MS = 120_000;
    private static final int MAX_LINES = 20;
    private static final int MAX_CHARS = 4000;
    private final Map<String, CloudFingerprint> expected = new ConcurrentHashMap<>();

    /** The outcome: passed, the differences in plain words (or why the answer was not run), and what each line printed. */
    public record Verdict(boolean passed, List<String> differences, List<Ran> transcript) {
        public Verdict {
            differences = List.copyOf(differences);
            transcript = List.copyOf(transcript);
        }
    }

    /** One answer line, its exit status and what it printed. */
    public record Ran(String line, int status, String output) {}

    public Verdict grade(Drill d, String answer) {
        if (answer.length() > MAX_CHARS) throw new BadInput("An answer is at most " + MAX_CHARS + " characters.");
        List<String> lines = ExerciseLoader.commandLines(answer.replace("\r\n", "\n").replace('\r', '\n'));
        if (lines.isEmpty()) throw new BadInput("Type your command in the " + d.to().label() + " dialect first.");
        if (lines.size() > MAX_LINES) throw new BadInput("An answer is at most " + MAX_LINES + " command lines.");
        List<String> off = new ArrayList<>();
        if (lines.stream().noneMatch(d.to()::usedIn)) {
            off.add("Answer in the " + d.to().label() + " dialect: none of your lines runs " + d.to().program() + ".");
        }
        if (lines.stream().anyMatch(d.from()::usedIn)) {
            off.add("Your answer runs " + d.from().program() + ", the dialect of the given command: translate it instead.");
        }
        if (!off.isEmpty()) return new Verdict(false, off, List.of());
        CloudFingerprint want = expected.computeIfAbsent(d.id(), k -> run(d, d.given(), new ArrayList<>()));
        List<Ran> transcript = new ArrayList<>();
        CloudFingerprint got = run(d, lines, transcript);
        List<String> diff = got.differencesFrom(want);
        return new Verdict(diff.isEmpty(), diff, transcript);
    }

    private static CloudFingerprint run(Drill d, List<String> lines, List<Ran> transcript) {
        try (Sandbox box = Sandbox.create(c -> {
            c.seed = d.seed();
            c.driver = "fake";
        })) {
            for (String s : d.setup()) box.run(s);
            for (String l : lines) {
                ExecResult r = box.run(l);
                transcript.add(new Ran(l, r.status(), r.output()));
            }
            box.cloud().advanceBy(SETTLE_MS);
            return CloudFingerprint.of(box.cloud());
        }
    }
}

package novalab.grader;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import novalab.engine.Sandbox;
import novalab.exercises.Exercise;
import novalab.exercises.ExerciseSandbox;
import novalab.exercises.checks.Check;
import novalab.exercises.checks.Observation;
import novalab.exercises.checks.Probe;
import novalab.engine.wire.HistoryLines;

/**
 * Grades a history for an exercise by replaying it: a fresh sandbox of the exercise's scenario and seed,
 * its setup, then each command at its offset through the student's shell (or, for a request a real client made,
 * {@code __api …}/{@code __ec2 …}, through the engine's wire dispatcher: {@link HistoryLines#replay}), then the checks (pure ones
 * first, those that run ssh/curl last). Also finds each failed check's first divergence and shows the
 * reference solution's end state beside the student's. Same exercise and history bytes give the same result.
 *
 * <p>Thread-safe: each call builds its own sandboxes; only the reference observations are cached.
 */
public final class ReplayGrader {
    public static final String ENGINE_VERSION = engineVersion();

    private final String driver;
    private final Map<String, Map<String, String>> referenceCache = new ConcurrentHashMap<>();

    /** A grader on the fake driver (the default for grading: same behaviour, no hypervisor). */
    public ReplayGrader() { this("fake"); }

    public ReplayGrader(String driver) { this.driver = driver; }

    private static String engineVersion() {
        try (InputStream in = ReplayGrader.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("engine", "nova-lab");
        } catch (IOException e) {
            return "nova-lab";
        }
    }

    /** Grades raw history bytes (JSON Lines or plain text). */
    public GradeResult grade(Exercise ex, byte[] history) {
        CommandHistory h;
        try {
            h = CommandHistory.parse(history);
        } catch (HistoryFormatError e) {
            Receipt r = receipt(ex, CommandHistory.sha256(history), 0);
            return new GradeResult(false, 0, "This history could not be graded: " + e.getMessage() + ". No attempt was used.",
                    List.of(e.getMessage()), List.of(), r, 0);
        }
        return grade(ex, h);
    }

    public GradeResult grade(Exercise ex, CommandHistory h) {
        List<RecordedCommand> cmds = h.commands();
        List<Check> checks = ex.checks();
        List<Check> pure = checks.stream().filter(c -> !c.runsCommands()).toList();
        // observations of the pure checks after setup (index 0) and after each command (index i)
        List<Map<String, Observation>> trail = new ArrayList<>(cmds.size() + 1);
        Map<String, Observation> fin = new HashMap<>();
        int[] engineErrors = {0};
        try (Sandbox box = ExerciseSandbox.create(ex, driver)) {
            Probe probe = new Probe(box.cloud());
            trail.add(observe(pure, probe));
            for (RecordedCommand c : cmds) {
                run(box, c, engineErrors);
                trail.add(observe(pure, probe));
            }
            fin.putAll(trail.get(trail.size() - 1));
            for (Check c : checks) {
                if (c.runsCommands()) fin.put(c.info().id(), safeEvaluate(c, probe));
            }
        }
        Map<String, String> reference = reference(ex);
        List<TestResult> tests = new ArrayList<>();
        int earned = 0;
        for (Check c : checks) {
            Observation o = fin.get(c.info().id());
            Optional<Divergence> d = Optional.empty();
            if (!o.passed()) {
                d = c.runsCommands() ? divergenceByReplay(ex, cmds, c, o) : divergenceFromTrail(cmds, trail, c.info().id(), o);
            }
            int pts = o.points(c.info().points());
            earned += pts;
            tests.add(new TestResult(c.info(), o.passed(), pts, o.observed(), reference.getOrDefault(c.info().id(), ""), d));
        }
        int max = ex.points();
        double score = max == 0 ? 1.0 : BigDecimal.valueOf(earned).divide(BigDecimal.valueOf(max), 4, RoundingMode.HALF_EVEN).doubleValue();
        long passed = tests.stream().filter(TestResult::passed).count();
        String msg = earned + " of " + max + " points: " + passed + " of " + tests.size() + " checks passed.";
        return new GradeResult(true, score, msg, List.of(), tests, receipt(ex, h.sha256(), cmds.size()), engineErrors[0]);
    }

    private Receipt receipt(Exercise ex, String sha, int n) {
        return new Receipt(ENGINE_VERSION, ex.id(), ex.uuid(), ex.scenario(), ex.seed(), driver, sha, n);
    }

    private static void run(Sandbox box, RecordedCommand c, int[] engineErrors) {
        try {
            HistoryLines.replay(box, c.offsetMs(), c.line());
        } catch (RuntimeException | StackOverflowError e) {
            engineErrors[0]++;
        }
    }

    private static Map<String, Observation> observe(List<Check> pure, Probe probe) {
        Map<String, Observation> m = new HashMap<>();
        for (Check c : pure) m.put(c.info().id(), safeEvaluate(c, probe));
        return m;
    }

    private static Observation safeEvaluate(Check c, Probe probe) {
        try {
            return c.evaluate(probe);
        } catch (RuntimeException e) {
            return Observation.fail("could not evaluate: " + e.getClass().getSimpleName());
        }
    }

    /** The smallest k after which the observation stayed what it is at the end; none if it already was before any command. */
    private static Optional<Divergence> divergenceFromTrail(List<RecordedCommand> cmds, List<Map<String, Observation>> trail,
                                                            String id, Observation fin) {
        int k = trail.size() - 1;
        while (k > 0 && trail.get(k - 1).get(id).equals(fin)) k--;
        if (k == 0) return Optional.empty();
        RecordedCommand c = cmds.get(k - 1);
        return Optional.of(new Divergence(k, c.offsetMs(), c.line(), trail.get(k - 1).get(id).observed(), fin.observed()));
    }

    /**
     * For checks that run commands: binary search over prefixes, each replayed in a fresh sandbox, for the
     * first prefix whose observation equals the final one (assuming it then stays so).
     */
    private Optional<Divergence> divergenceByReplay(Exercise ex, List<RecordedCommand> cmds, Check c, Observation fin) {
        Map<Integer, Observation> seen = new HashMap<>();
        seen.put(cmds.size(), fin);
        int lo = 0, hi = cmds.size();
        if (at(ex, cmds, c, 0, seen).equals(fin)) return Optional.empty();
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (at(ex, cmds, c, mid, seen).equals(fin)) hi = mid;
            else lo = mid;
        }
        RecordedCommand cmd = cmds.get(hi - 1);
        return Optional.of(new Divergence(hi, cmd.offsetMs(), cmd.line(), seen.get(lo).observed(), fin.observed()));
    }

    private Observation at(Exercise ex, List<RecordedCommand> cmds, Check c, int prefix, Map<Integer, Observation> seen) {
        return seen.computeIfAbsent(prefix, k -> {
            try (Sandbox box = ExerciseSandbox.create(ex, driver)) {
                int[] errors = {0};
                for (int i = 0; i < k; i++) run(box, cmds.get(i), errors);
                return safeEvaluate(c, new Probe(box.cloud()));
            }
        });
    }

    /** The reference solution's end-state observation per check (empty when the exercise has no solution). */
    public Map<String, String> reference(Exercise ex) {
        return referenceCache.computeIfAbsent(ex.uuid(), u -> {
            Map<String, String> m = new HashMap<>();
            if (ex.solution().isEmpty()) return m;
            CommandHistory h = CommandHistory.parse(ex.solution().get().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            try (Sandbox box = ExerciseSandbox.create(ex, driver)) {
                int[] errors = {0};
                for (RecordedCommand c : h.commands()) run(box, c, errors);
                Probe probe = new Probe(box.cloud());
                for (Check c : ex.checks()) if (!c.runsCommands()) m.put(c.info().id(), safeEvaluate(c, probe).observed());
                for (Check c : ex.checks()) if (c.runsCommands()) m.put(c.info().id(), safeEvaluate(c, probe).observed());
            }
            return m;
        });
    }
}

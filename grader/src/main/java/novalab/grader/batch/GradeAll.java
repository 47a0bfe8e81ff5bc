package novalab.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import novalab.exercises.Catalog;
import novalab.exercises.ContentError;
import novalab.exercises.Exercise;
import novalab.grader.GradeResult;
import novalab.grader.ReplayGrader;
import novalab.grader.ResultJson;

/**
 * {@code ./lab grade week9 --histories DIR --out DIR [--exercise ID] [--jobs N] [--compare OLD_DIR]}:
 * grades every history (students in parallel, one sandbox each) and writes {@code grades.csv} (Canvas),
 * {@code results/<student>.json} (Gradescope) and {@code report.html}; with {@code --compare}, also a regrade
 * preview ({@code regrade-preview.txt}, printed too). The composition root of the batch command; all
 * grading is {@link ReplayGrader}'s.
 */
public final class GradeAll {
    static final String USAGE = "usage: ./lab grade WEEK --histories DIR --out DIR [--exercise ID] [--jobs N] [--compare OLD_DIR]"
            + " [--content DIR] [--driver fake|libvirt]\n       ./lab grade WEEK --exercise ID --history FILE [--out FILE]"
            + "   (one history; PrairieLearn results.json on stdout or in FILE)";

    private GradeAll() {}

    /** Parsed command line. */
    record Options(String week, Optional<Path> histories, Optional<Path> history, Optional<Path> out, Optional<String> exercise,
                   int jobs, Optional<Path> compare, Path content, String driver) {}

    public static void main(String[] args) {
        int status = run(args, System.out, System.err, System.console() != null);
        System.exit(status);
    }

    /** Runs the command; returns the exit status (0 ok, 2 usage or input error). */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        try {
            Options o = parse(args);
            if (o.history().isPresent()) return gradeOne(o, out);
            grade(o, out, err, terminal);
            return 0;
        } catch (BatchError | ContentError e) {
            err.println("lab grade: " + e.getMessage());
            return 2;
        }
    }

    static Options parse(String[] args) {
        String week = null;
        Path histories = null, history = null, out = null, compare = null, content = null;
        String exercise = null, driver = "fake";
        int jobs = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) throw new BatchError(USAGE);
            if (a.startsWith("--")) {
                if (i + 1 >= args.length) throw new BatchError("option " + a + " needs a value\n" + USAGE);
                String v = args[++i];
                switch (a) {
                    case "--histories" -> histories = Path.of(v);
                    case "--history" -> history = Path.of(v);
                    case "--out" -> out = Path.of(v);
                    case "--exercise" -> exercise = v;
                    case "--compare" -> compare = Path.of(v);
                    case "--content" -> content = Path.of(v);
                    case "--driver" -> driver = v;
                    case "--jobs" -> {
                        try {
                            jobs = Integer.parseInt(v);
                        } catch (NumberFormatException e) {
                            throw new BatchError("--jobs needs a whole number, not '" + v + "'");
                        }
                        if (jobs < 1) throw new BatchError("--jobs needs 1 or more");
                    }
                    default -> throw new BatchError("unknown option " + a + "\n" + USAGE);
                }
            } else if (week == null) {
                week = a;
            } else {
                throw new BatchError("unexpected argument '" + a + "'\n" + USAGE);
            }
        }
        if (week == null) throw new BatchError("which week? e.g. week9\n" + USAGE);
        if (history != null) {
            if (histories != null || compare != null) throw new BatchError("--history grades one file: without --histories or --compare\n" + USAGE);
            if (exercise == null) throw new BatchError("--history needs --exercise ID\n" + USAGE);
            if (!Files.isRegularFile(history)) throw new BatchError("--history " + history + " is not a file");
        } else if (histories == null || out == null) {
            throw new BatchError("--histories and --out are required\n" + USAGE);
        }
        if (!driver.equals("fake") && !driver.equals("libvirt")) throw new BatchError("--driver is fake or libvirt");
        if (content == null) content = Path.of(System.getenv().getOrDefault("NOVALAB_ROOT", "."), "content", week, "exercises");
        if (!Files.isDirectory(content)) throw new BatchError("no exercises for " + week + " (" + content + " is not a folder)");
        if (histories != null && !Files.isDirectory(histories)) throw new BatchError("--histories " + histories + " is not a folder");
        return new Options(week, Optional.ofNullable(histories), Optional.ofNullable(history), Optional.ofNullable(out),
                Optional.ofNullable(exercise), jobs, Optional.ofNullable(compare), content, driver);
    }

    /** One history → PrairieLearn's results.json (what an external-grader container writes to /grade/results/results.json). */
    static int gradeOne(Options o, PrintStream out) {
        Catalog catalog = Catalog.load(o.content());
        Exercise ex = catalog.find(o.exercise().orElseThrow()).orElseThrow(() -> new BatchError("no exercise " + o.exercise().get()));
        String json;
        try {
            json = ResultJson.write(ResultJson.prairieLearn(new ReplayGrader(o.driver()).grade(ex, Files.readAllBytes(o.history().get()))));
            if (o.out().isPresent()) write(o.out().get(), json);
            else out.print(json);
        } catch (IOException e) {
            throw new BatchError(e.getMessage());
        }
        return 0;
    }

    static void grade(Options o, PrintStream out, PrintStream err, boolean terminal) {
        Catalog catalog = Catalog.load(o.content());
        Optional<Exercise> only = o.exercise().map(id -> catalog.find(id).orElseThrow(() -> new BatchError("no exercise " + id
                + " (known: " + String.join(", ", catalog.exercises().stream().map(Exercise::id).toList()) + ")")));
        List<Exercise> exercises = only.map(List::of).orElse(catalog.exercises());
        Path dir = o.histories().orElseThrow();
        Path outDir = o.out().orElseThrow();
        List<Submission> subs = Submissions.discover(dir, catalog, only);
        if (subs.isEmpty()) throw new BatchError("no histories in " + dir);

        ReplayGrader grader = new ReplayGrader(o.driver());
        Progress progress = new Progress(err, terminal, subs.size());
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(o.jobs());
        List<Future<GradeResult>> futures = new ArrayList<>();
        for (Submission s : subs) {
            futures.add(pool.submit(() -> {
                GradeResult r = grader.grade(s.exercise(), Files.readAllBytes(s.file()));
                progress.step();
                return r;
            }));
        }
        Map<String, Map<String, GradeResult>> byStudent = new TreeMap<>();
        try {
            for (int i = 0; i < subs.size(); i++) {
                byStudent.computeIfAbsent(subs.get(i).student(), k -> new LinkedHashMap<>()).put(subs.get(i).exercise().id(), futures.get(i).get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchError("interrupted");
        } catch (ExecutionException e) {
            throw new BatchError("grading failed: " + e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, JsonNode> fresh = new TreeMap<>();
        try {
            Files.createDirectories(outDir.resolve("results"));
            for (var en : byStudent.entrySet()) {
                List<GradeResult> rs = new ArrayList<>();
                for (Exercise e : exercises) if (en.getValue().containsKey(e.id())) rs.add(en.getValue().get(e.id()));
                var node = ResultJson.gradescope(rs);
                fresh.put(en.getKey(), node);
                write(outDir.resolve("results").resolve(en.getKey() + ".json"), ResultJson.write(node));
            }
            write(outDir.resolve("grades.csv"), CanvasCsv.write(exercises, byStudent));
            write(outDir.resolve("report.html"), Report.html(exercises, byStudent));
            long ungradable = byStudent.values().stream().flatMap(m -> m.values().stream()).filter(r -> !r.gradable()).count();
            out.printf("Graded %d histories of %d students in %.1f s (%d jobs); %d not gradable.%n", subs.size(), byStudent.size(),
                    seconds, o.jobs(), ungradable);
            out.println("Wrote " + outDir.resolve("grades.csv") + ", " + outDir.resolve("results") + "/, " + outDir.resolve("report.html"));
            if (o.compare().isPresent()) {
                String preview = RegradePreview.compare(o.compare().get(), fresh);
                write(outDir.resolve("regrade-preview.txt"), preview);
                out.print(preview);
            }
        } catch (IOException e) {
            throw new BatchError("cannot write to " + outDir + ": " + e.getMessage());
        }
    }

    private static void write(Path p, String text) throws IOException {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}

package novalab.grader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import novalab.exercises.Catalog;
import novalab.exercises.Exercise;

/**
 * Finds the histories of a folder. Two layouts: {@code DIR/<student>.jsonl|.txt|…} (one history per
 * student, graded against {@code --exercise} or else against every exercise), and
 * {@code DIR/<exercise-id>/<student>.*} (a folder per exercise). The student id is the file name
 * without its extension. Hidden files are skipped. Sorted by student, then exercise order.
 */
final class Submissions {
    private Submissions() {}

    static List<Submission> discover(Path dir, Catalog catalog, Optional<Exercise> only) {
        List<Submission> out = new ArrayList<>();
        for (Path p : list(dir)) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) continue;
            if (Files.isDirectory(p)) {
                Optional<Exercise> ex = catalog.find(name);
                if (ex.isEmpty()) throw new BatchError("histories folder " + p + " is not named after an exercise (known: "
                        + String.join(", ", catalog.exercises().stream().map(Exercise::id).toList()) + ")");
                if (only.isPresent() && !only.get().id().equals(ex.get().id())) continue;
                for (Path f : list(p)) {
                    if (Files.isRegularFile(f) && !f.getFileName().toString().startsWith(".")) out.add(new Submission(student(f), ex.get(), f));
                }
            } else if (Files.isRegularFile(p)) {
                for (Exercise e : only.map(List::of).orElse(catalog.exercises())) out.add(new Submission(student(p), e, p));
            }
        }
        List<String> order = catalog.exercises().stream().map(Exercise::id).toList();
        out.sort(Comparator.comparing(Submission::student).thenComparing(s -> order.indexOf(s.exercise().id())));
        return out;
    }

    static String student(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

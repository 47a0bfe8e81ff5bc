package novalab.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The exercises of a content folder ({@code content/week9/exercises}), in folder-name order, found by id or uuid. */
public final class Catalog {
    private final List<Exercise> exercises;

    private Catalog(List<Exercise> exercises) { this.exercises = List.copyOf(exercises); }

    /** Loads every sub-folder; a folder that fails to load fails the whole catalog, naming its file. */
    public static Catalog load(Path root) {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        List<Exercise> out = new ArrayList<>();
        Map<String, String> uuids = new HashMap<>();
        for (Path d : dirs) {
            Exercise e = ExerciseLoader.load(d);
            String prev = uuids.put(e.uuid(), e.id());
            if (prev != null) throw new ContentError(e.id() + "/info.json", "uuid", "same uuid as " + prev + "/info.json");
            out.add(e);
        }
        return new Catalog(out);
    }

    public static Catalog of(List<Exercise> exercises) { return new Catalog(exercises); }

    public List<Exercise> exercises() { return exercises; }

    /** By folder name or uuid. */
    public Optional<Exercise> find(String idOrUuid) {
        return exercises.stream().filter(e -> e.id().equals(idOrUuid) || e.uuid().equals(idOrUuid)).findFirst();
    }
}

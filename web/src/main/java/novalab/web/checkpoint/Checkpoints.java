package novalab.web.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import novalab.web.checkpoint.CheckpointLoader.ContentError;

/**
 * Every lesson's checkpoint, in lesson order: {@code content/week9/quizzes/README.md} links each file
 * ({@code (03-scheduling.json)}); all are read from the classpath ({@code novalab/quizzes/}) once, at start.
 * Item, reflection and checklist ids are unique across the week (answers are stored under them).
 */
public final class Checkpoints {
    private static final String BASE = "/novalab/quizzes/";
    private static final Pattern LINK = Pattern.compile("\\((\\d\\d-[a-z0-9-]+)\\.json\\)");
    private final List<Checkpoint> all;

    Checkpoints(List<Checkpoint> all) {
        this.all = List.copyOf(all);
        CheckpointLoader.unique("content/week9/quizzes", "items", items().stream().map(Item::id).toList());
        CheckpointLoader.unique("content/week9/quizzes", "reflections", reflections().stream().map(Prompt::id).toList());
        CheckpointLoader.unique("content/week9/quizzes", "checklist", checklist().stream().map(Prompt::id).toList());
    }

    /** Loads every file the README lists; a listed file that is missing or malformed is a {@link ContentError} naming it. */
    public static Checkpoints load() {
        List<Checkpoint> out = new ArrayList<>();
        Matcher m = LINK.matcher(read("README.md"));
        while (m.find()) {
            String slug = m.group(1);
            String file = "content/week9/quizzes/" + slug + ".json";
            Checkpoint c = CheckpointLoader.parse(file, read(slug + ".json"));
            if (!c.lesson().equals(slug)) throw new ContentError(file + ": lesson must be '" + slug + "' (the file's name), not '" + c.lesson() + "'");
            out.add(c);
        }
        return new Checkpoints(out);
    }

    public List<Checkpoint> all() { return all; }

    public Optional<Checkpoint> forLesson(String slug) {
        return all.stream().filter(c -> c.lesson().equals(slug)).findFirst();
    }

    public List<Item> items() {
        return all.stream().flatMap(c -> c.items().stream()).toList();
    }

    public List<Prompt> reflections() {
        return all.stream().flatMap(c -> c.reflections().stream()).toList();
    }

    public List<Prompt> checklist() {
        return all.stream().flatMap(c -> c.checklist().stream()).toList();
    }

    public Optional<Item> item(String id) {
        return items().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The lesson a reflection question belongs to, with the question. */
    public Optional<Checkpoint> lessonOfReflection(String id) {
        return all.stream().filter(c -> c.reflections().stream().anyMatch(p -> p.id().equals(id))).findFirst();
    }

    public Optional<Prompt> reflection(String id) {
        return reflections().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    private static String read(String name) {
        try (InputStream in = Checkpoints.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new ContentError("content/week9/quizzes/" + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

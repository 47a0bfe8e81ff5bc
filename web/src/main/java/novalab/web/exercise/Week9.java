package novalab.web.exercise;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import novalab.exercises.Catalog;

/**
 * Where the week's content folder is: {@code $NOVALAB_ROOT/content/week9} when set, else {@code content/week9} under the
 * working directory (as {@code ./lab serve} runs), else {@code ../content/week9} (as a module's tests run).
 */
public final class Week9 {
    private Week9() {}

    public static Path folder() {
        List<Path> tried = new ArrayList<>();
        Optional.ofNullable(System.getenv("NOVALAB_ROOT")).ifPresent(r -> tried.add(Path.of(r, "content", "week9")));
        tried.add(Path.of("content", "week9"));
        tried.add(Path.of("..", "content", "week9"));
        return tried.stream().filter(p -> Files.isDirectory(p.resolve("exercises"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("cannot find the week's content: tried " + tried
                        + " (run from the repository root, or set NOVALAB_ROOT to it)"));
    }

    /** The exercises of {@code content/week9/exercises}, loaded strictly. */
    public static Catalog catalog() {
        return Catalog.load(folder().resolve("exercises"));
    }
}

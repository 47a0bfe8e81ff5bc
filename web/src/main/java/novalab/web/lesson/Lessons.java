package novalab.web.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lessons in their order: {@code README.md} beside them links each file ({@code (01-introduction.md)});
 * all are read from the classpath ({@code novalab/lessons/}) and rendered once, at start.
 */
public final class Lessons {
    private static final String BASE = "/novalab/lessons/";
    private static final Pattern LINK = Pattern.compile("\\((\\d\\d-[a-z0-9-]+)\\.md\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^# (.+)$");
    private final List<Lesson> all;

    private Lessons(List<Lesson> all) {
        this.all = List.copyOf(all);
    }

    /** Loads and renders every lesson listed in the README; a listed file that is missing is an error naming it. */
    public static Lessons load() {
        Markdown md = new Markdown();
        List<Lesson> out = new ArrayList<>();
        Matcher m = LINK.matcher(read("README.md"));
        while (m.find()) {
            String slug = m.group(1);
            String text = read(slug + ".md");
            Matcher h = HEADING.matcher(text);
            String title = h.find() ? h.group(1).strip() : slug;
            out.add(new Lesson(out.size() + 1, slug, title, md.render(text)));
        }
        return new Lessons(out);
    }

    public List<Lesson> all() { return all; }

    public Optional<Lesson> bySlug(String slug) {
        return all.stream().filter(l -> l.slug().equals(slug)).findFirst();
    }

    public Optional<Lesson> neighbour(Lesson l, int delta) {
        int i = l.number() - 1 + delta;
        return i >= 0 && i < all.size() ? Optional.of(all.get(i)) : Optional.empty();
    }

    private static String read(String name) {
        try (InputStream in = Lessons.class.getResourceAsStream(BASE + name)) {
            if (in == null) throw new IllegalStateException("content/week9/lessons/" + name + " is missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

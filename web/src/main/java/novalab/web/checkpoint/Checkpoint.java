package novalab.web.checkpoint;

import java.util.List;

/** The checkpoint of one lesson, read from {@code content/week9/quizzes/<lesson>.json}. */
public record Checkpoint(String lesson, String title, List<Prompt> reflections, List<Item> items, List<Prompt> checklist) {
    public Checkpoint {
        reflections = List.copyOf(reflections);
        items = List.copyOf(items);
        checklist = List.copyOf(checklist);
    }
}

package novalab.web.checkpoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.web.BadInput;

/**
 * One self-check question. {@link #grade} reads the submitted form (a missing or unknown answer is a
 * {@link BadInput} naming what is missing) and returns the canonical answer that is stored for the attempt.
 */
public sealed interface Item permits ChoiceItem, OrderingItem, MatchingItem, TypedCommandItem {
    String id();

    String lesson();

    String prompt();

    /** The {@code kind} as written in the content file. */
    String kind();

    Graded grade(Map<String, List<String>> form);

    static Optional<String> one(Map<String, List<String>> form, String field) {
        List<String> v = form.getOrDefault(field, List.of());
        return v.isEmpty() || v.get(0).isBlank() ? Optional.empty() : Optional.of(v.get(0).strip());
    }

    static List<String> all(Map<String, List<String>> form, String field) {
        return form.getOrDefault(field, List.of()).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static BadInput missing() {
        return new BadInput("Choose an answer before pressing Check.");
    }
}

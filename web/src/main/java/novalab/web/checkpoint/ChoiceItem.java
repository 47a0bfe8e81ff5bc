package novalab.web.checkpoint;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import novalab.web.BadInput;

/**
 * Single choice ({@code multiple} false: exactly one option is right), multiple choice (every right option
 * and no wrong one must be ticked), or "which command" picked from a list ({@code commands} true: options
 * are shown as code). Form field {@code choice}, once or several times; stored as the chosen ids in content order.
 */
public record ChoiceItem(String id, String lesson, String prompt, boolean multiple, boolean commands, List<Option> options) implements Item {
    public ChoiceItem {
        options = List.copyOf(options);
    }

    @Override
    public String kind() {
        return commands ? "command" : multiple ? "multiple" : "single";
    }

    @Override
    public Graded grade(Map<String, List<String>> form) {
        List<String> chosen = Item.all(form, "choice");
        if (chosen.isEmpty()) throw Item.missing();
        if (!multiple && chosen.size() > 1) throw new BadInput("This question takes one answer; choose only one option.");
        Set<String> ids = options.stream().map(Option::id).collect(Collectors.toSet());
        for (String c : chosen) {
            if (!ids.contains(c)) throw new BadInput("'" + c + "' is not one of this question's options.");
        }
        Set<String> picked = Set.copyOf(chosen);
        boolean right = options.stream().allMatch(o -> o.correct() == picked.contains(o.id()));
        String answer = options.stream().map(Option::id).filter(picked::contains).collect(Collectors.joining(","));
        return new Graded(answer, right);
    }
}

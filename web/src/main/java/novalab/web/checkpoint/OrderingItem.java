package novalab.web.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import novalab.web.BadInput;

/**
 * Put the steps in order: {@code steps} are listed in the right order in the content; the student gives
 * each step a position ({@code pos.<stepId>} = 1..n, each once). Stored as the step ids in the student's order.
 */
public record OrderingItem(String id, String lesson, String prompt, List<Option> steps) implements Item {
    public OrderingItem {
        steps = List.copyOf(steps);
    }

    @Override
    public String kind() {
        return "ordering";
    }

    @Override
    public Graded grade(Map<String, List<String>> form) {
        int n = steps.size();
        String[] order = new String[n];
        for (Option s : steps) {
            String v = Item.one(form, "pos." + s.id()).orElseThrow(() -> new BadInput("Give every step a position from 1 to " + n + " before pressing Check."));
            int p;
            try {
                p = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new BadInput("A step's position must be a number from 1 to " + n + ", not '" + v + "'.");
            }
            if (p < 1 || p > n) throw new BadInput("A step's position must be a number from 1 to " + n + ", not '" + v + "'.");
            if (order[p - 1] != null) throw new BadInput("Two steps are both at position " + p + "; give each step a different position.");
            order[p - 1] = s.id();
        }
        List<String> chosen = Arrays.asList(order);
        List<String> right = new ArrayList<>();
        for (Option s : steps) right.add(s.id());
        return new Graded(String.join(",", chosen), chosen.equals(right));
    }
}

package novalab.web.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import novalab.web.BadInput;

/**
 * Match each left term with its right term: form field {@code match.<pairId>} names the pair whose right
 * side the student chose. Stored as {@code left=right;...} pair ids in content order.
 */
public record MatchingItem(String id, String lesson, String prompt, String leftHeading, String rightHeading, List<Pair> pairs) implements Item {
    public MatchingItem {
        pairs = List.copyOf(pairs);
    }

    @Override
    public String kind() {
        return "matching";
    }

    @Override
    public Graded grade(Map<String, List<String>> form) {
        Set<String> ids = pairs.stream().map(Pair::id).collect(Collectors.toSet());
        List<String> parts = new ArrayList<>();
        boolean right = true;
        for (Pair p : pairs) {
            String v = Item.one(form, "match." + p.id()).orElseThrow(() -> new BadInput("Choose a match for every term (\"" + p.left() + "\" has none) before pressing Check."));
            if (!ids.contains(v)) throw new BadInput("'" + v + "' is not one of this question's answers.");
            right &= v.equals(p.id());
            parts.add(p.id() + "=" + v);
        }
        return new Graded(String.join(";", parts), right);
    }

    /** Parses a stored answer back into left pair id → chosen pair id. */
    public static Map<String, String> parse(String answer) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : answer.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) m.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return m;
    }
}

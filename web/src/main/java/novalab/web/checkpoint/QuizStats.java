package novalab.web.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import novalab.web.checkpoint.CheckpointStore.Attempt;
import novalab.web.checkpoint.ItemStats.OptionCount;

/** Item statistics over every student attempt, for the instructor page. */
public final class QuizStats {
    private QuizStats() {}

    public static List<ItemStats> of(Checkpoints content, Function<String, String> lessonTitle, List<Attempt> attempts) {
        Map<String, List<Attempt>> byItem = attempts.stream().collect(Collectors.groupingBy(Attempt::itemId, LinkedHashMap::new, Collectors.toList()));
        List<ItemStats> out = new ArrayList<>();
        for (Item item : content.items()) {
            List<Attempt> as = byItem.getOrDefault(item.id(), List.of());
            Map<Long, List<Attempt>> byStudent = as.stream().collect(Collectors.groupingBy(Attempt::userId));
            int students = byStudent.size();
            long first = byStudent.values().stream().filter(l -> l.stream().anyMatch(a -> a.number() == 1 && a.correct())).count();
            long ever = byStudent.values().stream().filter(l -> l.stream().anyMatch(Attempt::correct)).count();
            out.add(new ItemStats(item.id(), lessonTitle.apply(item.lesson()), item.prompt(), item.kind(), students, as.size(),
                    share(first, students), share(ever, students), options(item, as)));
        }
        return out;
    }

    static String share(long n, int of) {
        if (of == 0) return "no attempts yet";
        return Math.round(100.0 * n / of) + "% (" + n + " of " + of + ")";
    }

    private static String times(long n, int of) {
        return n + " of " + of + " attempts";
    }

    private static List<OptionCount> options(Item item, List<Attempt> as) {
        List<OptionCount> out = new ArrayList<>();
        int total = as.size();
        if (item instanceof ChoiceItem c) {
            for (Option o : c.options()) {
                long n = as.stream().filter(a -> Arrays.asList(a.answer().split(",")).contains(o.id())).count();
                out.add(new OptionCount(o.text(), c.commands(), o.correct(), "chosen in " + times(n, total)));
            }
        } else if (item instanceof OrderingItem o) {
            for (int k = 0; k < o.steps().size(); k++) {
                Option s = o.steps().get(k);
                int step = k;
                long n = as.stream().filter(a -> {
                    String[] ids = a.answer().split(",");
                    return step < ids.length && ids[step].equals(s.id());
                }).count();
                out.add(new OptionCount("Step " + (k + 1) + ": " + s.text(), false, true, "placed right in " + times(n, total)));
            }
        } else if (item instanceof MatchingItem m) {
            for (Pair p : m.pairs()) {
                long n = as.stream().filter(a -> p.id().equals(MatchingItem.parse(a.answer()).get(p.id()))).count();
                out.add(new OptionCount(p.left() + " = " + p.right(), false, true, "matched in " + times(n, total)));
            }
        } else if (item instanceof TypedCommandItem) {
            Map<String, Long> counts = as.stream().collect(Collectors.groupingBy(Attempt::answer, LinkedHashMap::new, Collectors.counting()));
            Map<String, Boolean> right = as.stream().collect(Collectors.toMap(Attempt::answer, Attempt::correct, (x, y) -> x));
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                    .forEach(e -> out.add(new OptionCount(e.getKey(), true, right.get(e.getKey()), "typed in " + times(e.getValue(), total))));
        }
        return out;
    }
}

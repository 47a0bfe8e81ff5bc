package novalab.web.checkpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import novalab.web.checkpoint.CheckpointStore.Attempt;
import novalab.web.checkpoint.CheckpointStore.Reflection;
import novalab.web.checkpoint.ItemView.Choice;
import novalab.web.checkpoint.ItemView.Feedback;
import novalab.web.checkpoint.ItemView.MatchRow;
import novalab.web.checkpoint.ItemView.OptionView;

/** Builds what one student sees of a checkpoint from the content and their stored answers. */
public final class CheckpointViews {
    private final CheckpointStore store;

    public CheckpointViews(CheckpointStore store) {
        this.store = store;
    }

    /** The checkpoint of {@code c} for {@code userId}; {@code from} is where forms send the student back to. */
    public CheckpointView of(Checkpoint c, long userId, String csrf, String from) {
        Map<String, Attempt> latest = store.latest(userId);
        Map<String, Reflection> saved = store.reflections(userId);
        List<CheckpointView.ReflectionView> refl = c.reflections().stream().map(p -> {
            Optional<Reflection> r = Optional.ofNullable(saved.get(p.id()));
            return new CheckpointView.ReflectionView(p.id(), p.text(), r.map(Reflection::answer).orElse(""),
                    r.map(x -> CheckpointStore.shown(x.updatedAt())).orElse(""));
        }).toList();
        List<ItemView> items = c.items().stream().map(i -> item(i, userId, Optional.ofNullable(latest.get(i.id())))).toList();
        Set<String> ticks = c.checklist().isEmpty() ? Set.of() : store.ticks(userId);
        List<ProgressPage.ChecklistLine> checklist = c.checklist().stream()
                .map(p -> new ProgressPage.ChecklistLine(p.id(), p.text(), ticks.contains(p.id()))).toList();
        return new CheckpointView(c.lesson(), c.title(), csrf, from, refl, items, checklist);
    }

    public ItemView item(Item item, long userId, Optional<Attempt> last) {
        int attempts = last.map(Attempt::number).orElse(0);
        boolean correct = last.map(Attempt::correct).orElse(false);
        String answer = last.map(Attempt::answer).orElse("");
        if (item instanceof ChoiceItem c) return choice(c, userId, attempts, correct, answer);
        if (item instanceof OrderingItem o) return ordering(o, userId, attempts, correct, answer);
        if (item instanceof MatchingItem m) return matching(m, userId, attempts, correct, answer);
        return typed((TypedCommandItem) item, attempts, correct, answer);
    }

    private static List<String> ids(String answer) {
        return answer.isEmpty() ? List.of() : Arrays.asList(answer.split(","));
    }

    private ItemView choice(ChoiceItem c, long userId, int attempts, boolean correct, String answer) {
        Set<String> chosen = Set.copyOf(ids(answer));
        List<Option> shown = Shuffle.of(userId, c.id(), c.options());
        List<OptionView> options = shown.stream().map(o -> new OptionView(o.id(), o.text(), c.commands(), chosen.contains(o.id()), 0)).toList();
        List<Feedback> fb = attempts == 0 ? List.of() : shown.stream().map(o -> new Feedback(o.text(), c.commands(), o.correct(),
                o.correct() ? "Right answer" : "Wrong answer", chosen.contains(o.id()) ? "you chose it" : "", o.rationale())).toList();
        String kind = c.commands() ? "pick" : c.multiple() ? "multiple" : "single";
        String instruction = c.commands() ? "Which command? Choose one." : c.multiple() ? "Choose every answer that applies." : "Choose one answer.";
        return new ItemView(c.id(), kind, instruction, c.prompt(), options, List.of(), List.of(), "", attempts, correct, fb);
    }

    private ItemView ordering(OrderingItem o, long userId, int attempts, boolean correct, String answer) {
        List<String> order = ids(answer);
        List<OptionView> options = Shuffle.of(userId, o.id(), o.steps()).stream()
                .map(s -> new OptionView(s.id(), s.text(), false, false, order.indexOf(s.id()) + 1)).toList();
        List<Feedback> fb = new ArrayList<>();
        if (attempts > 0) {
            for (int k = 0; k < o.steps().size(); k++) {
                Option s = o.steps().get(k);
                int yours = order.indexOf(s.id()) + 1;
                boolean right = yours == k + 1;
                fb.add(new Feedback("Step " + (k + 1) + ": " + s.text(), false, right, right ? "In the right place" : "Out of place",
                        "you put it at step " + yours, s.rationale()));
            }
        }
        List<Integer> positions = IntStream.rangeClosed(1, o.steps().size()).boxed().toList();
        return new ItemView(o.id(), "ordering", "Give each step its position (1 is first).", o.prompt(), options, positions, List.of(), "",
                attempts, correct, fb);
    }

    private ItemView matching(MatchingItem m, long userId, int attempts, boolean correct, String answer) {
        Map<String, String> chosen = MatchingItem.parse(answer);
        List<Pair> rights = Shuffle.of(userId, m.id() + "/right", m.pairs());
        List<MatchRow> rows = Shuffle.of(userId, m.id() + "/left", m.pairs()).stream()
                .map(p -> new MatchRow(p.id(), p.left(), rights.stream().map(r -> new Choice(r.id(), r.right(), r.id().equals(chosen.get(p.id())))).toList()))
                .toList();
        List<Feedback> fb = new ArrayList<>();
        if (attempts > 0) {
            for (Pair p : m.pairs()) {
                String yours = m.pairs().stream().filter(x -> x.id().equals(chosen.get(p.id()))).map(Pair::right).findFirst().orElse("nothing");
                boolean right = p.id().equals(chosen.get(p.id()));
                fb.add(new Feedback(m.leftHeading() + " " + p.left() + " = " + m.rightHeading() + " " + p.right(), false, right,
                        right ? "Matched" : "Not matched", "you chose " + yours, p.rationale()));
            }
        }
        return new ItemView(m.id(), "matching", "Choose the " + m.rightHeading() + " term for each " + m.leftHeading() + " term.", m.prompt(),
                List.of(), List.of(), rows, "", attempts, correct, fb);
    }

    private ItemView typed(TypedCommandItem t, int attempts, boolean correct, String answer) {
        List<Feedback> fb = new ArrayList<>();
        if (attempts > 0) {
            String others = t.accepted().size() > 1 ? "also accepted: " + String.join("  |  ", t.accepted().subList(1, t.accepted().size())) : "";
            if (!correct) {
                Optional<WrongForm> w = t.knownWrong(answer);
                fb.add(new Feedback(answer, true, false, "Your answer", "not an accepted form", w.map(WrongForm::rationale)
                        .orElse("This is not one of the accepted forms; compare it word by word with the accepted command below.")));
            }
            fb.add(new Feedback(t.accepted().get(0), true, true, "Accepted answer", others, t.rationale()));
        }
        return new ItemView(t.id(), "typed", "Which command? Type it as you would in the terminal.", t.prompt(), List.of(), List.of(), List.of(),
                answer, attempts, correct, fb);
    }
}

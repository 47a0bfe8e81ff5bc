package novalab.web.checkpoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import novalab.web.BadInput;

/**
 * "Which command": the student types it (form field {@code typed}); it is normalised ({@link CommandForms})
 * and compared with the normalised accepted forms. Stored as typed, with runs of blanks made one space.
 */
public record TypedCommandItem(String id, String lesson, String prompt, List<String> accepted, String rationale, List<WrongForm> wrong) implements Item {
    public TypedCommandItem {
        accepted = List.copyOf(accepted);
        wrong = List.copyOf(wrong);
    }

    @Override
    public String kind() {
        return "command";
    }

    @Override
    public Graded grade(Map<String, List<String>> form) {
        String typed = Item.one(form, "typed").orElseThrow(() -> new BadInput("Type a command before pressing Check."));
        if (typed.length() > 500) throw new BadInput("That command is longer than 500 characters; type just the one command.");
        if (CommandForms.normalise(typed).isEmpty()) throw new BadInput("Type a command before pressing Check.");
        boolean right = accepted.stream().anyMatch(a -> CommandForms.matches(a, typed));
        return new Graded(typed.replaceAll("\\s+", " "), right);
    }

    /** The rationale of a known wrong form equal (after normalising) to {@code answer}, if any. */
    public Optional<WrongForm> knownWrong(String answer) {
        return wrong.stream().filter(w -> CommandForms.matches(w.answer(), answer)).findFirst();
    }
}

package novalab.web.drill;

import java.util.List;

/**
 * One Rosetta drill: {@code given} (command lines in dialect {@code from}) is what the student translates into dialect
 * {@code to} ({@code reference} is one such translation, for the tests and shown once the drill is solved). Both run after {@code setup} in a fresh sandbox of the scenario with {@code seed}; {@code tip} explains
 * the mapping once the drill is answered.
 */
public record Drill(String id, String title, Dialect from, Dialect to, List<String> setup, List<String> given, List<String> reference, String task,
                    String tip, long seed) {
    public Drill {
        setup = List.copyOf(setup);
        given = List.copyOf(given);
        reference = List.copyOf(reference);
    }
}

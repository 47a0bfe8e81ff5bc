package novalab.exercises.checks;

/**
 * One evaluation of a check: whether it passed and what it saw, in a line an instructor can read
 * ("group web (nebula_prod) ingress: tcp/8080 from 0.0.0.0/0"). Equal observations mean equal relevant state.
 */
public record Observation(boolean passed, String observed) {
    public static Observation pass(String observed) { return new Observation(true, observed); }

    public static Observation fail(String observed) { return new Observation(false, observed); }

    public static Observation of(boolean passed, String observed) { return new Observation(passed, observed); }
}

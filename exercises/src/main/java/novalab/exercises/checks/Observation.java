package novalab.exercises.checks;

/**
 * One evaluation of a check: whether it passed and what it saw, in a line an instructor can read
 * ("group web (nebula_prod) ingress: tcp/8080 from 0.0.0.0/0"). Equal observations mean equal relevant state.
 * A check that scores a share of its cases (e.g. a student filter right on 6 of 8 hidden host sets) also
 * gives the {@code fraction} it got right; the others get 1 when passed and 0 when not.
 */
public record Observation(boolean passed, String observed, double fraction) {
    public Observation {
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in 0..1, was " + fraction);
    }

    public Observation(boolean passed, String observed) { this(passed, observed, passed ? 1.0 : 0.0); }

    public static Observation pass(String observed) { return new Observation(true, observed); }

    public static Observation fail(String observed) { return new Observation(false, observed); }

    public static Observation of(boolean passed, String observed) { return new Observation(passed, observed); }

    /** A share right: passed only when all is right. */
    public static Observation partly(double fraction, String observed) { return new Observation(fraction >= 1.0, observed, fraction); }

    /** The points earned of {@code max}: all when passed, else the fraction of them rounded down. */
    public int points(int max) { return passed ? max : (int) Math.floor(max * fraction + 1e-9); }
}

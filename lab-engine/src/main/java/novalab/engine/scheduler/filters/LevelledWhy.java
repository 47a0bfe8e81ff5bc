package novalab.engine.scheduler.filters;

/**
 * A {@link HostFilter.Why} that also takes the level Nova logs a reason at; plain reasons are DEBUG, and
 * {@link ComputeFilter} reports a silent host at WARNING as Nova does.
 */
@FunctionalInterface
public interface LevelledWhy extends HostFilter.Why {
    void because(String level, String reason);

    @Override
    default void because(String reason) { because("DEBUG", reason); }

    /** Gives {@code reason} at WARNING when {@code why} can carry a level, else as a plain reason. */
    static void warning(HostFilter.Why why, String reason) {
        if (why instanceof LevelledWhy levelled) {
            levelled.because("WARNING", reason);
        } else {
            why.because(reason);
        }
    }
}

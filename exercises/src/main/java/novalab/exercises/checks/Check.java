package novalab.exercises.checks;

/**
 * One expectation on a sandbox's end state. Evaluation reads the cloud through {@link Probe} and never
 * changes it, except for checks that {@link #runsCommands()} (ssh/curl from the workstation), which a
 * grader runs after all others.
 */
public sealed interface Check permits FlavorSpec, KeypairOf, WorkstationFile, IngressRule, ServerHas, FloatingIpAttached,
        Reachable, NovaConfOption, Placement, ServiceStatus, ServerActions, FloatingIps,
        SchedulerClass, SchedulerLoaded {
    CheckInfo info();

    Observation evaluate(Probe probe);

    /** Whether evaluating runs commands on the workstation (and so moves the sandbox's clock). */
    default boolean runsCommands() { return false; }
}

package novalab.exercises;

import novalab.engine.Sandbox;
import novalab.engine.shell.Shell;
import novalab.exercises.checks.Probe;

/**
 * A fresh sandbox for an exercise: its scenario and seed, with the exercise's setup commands already run
 * in a separate workstation shell (so the student's shell starts clean: no credentials sourced, no
 * variables set, but the files setup wrote are there). The live lab and the grader both start here.
 */
public final class ExerciseSandbox {
    private ExerciseSandbox() {}

    public static Sandbox create(Exercise exercise, String driver) {
        Sandbox box = Sandbox.create(c -> {
            c.seed = exercise.seed();
            c.scenario = exercise.scenario();
            c.driver = driver;
        });
        if (!exercise.setup().isEmpty()) {
            Shell setup = Probe.workstationShell(box.cloud());
            for (String line : exercise.setup()) setup.execute(line);
        }
        return box;
    }
}

package novalab.engine.shell;

/** A command built into the shell (a bash builtin or one of the coreutils/text tools the lab provides). */
@FunctionalInterface
interface Utility {
    int run(Call c);
}

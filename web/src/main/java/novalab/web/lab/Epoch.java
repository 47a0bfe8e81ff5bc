package novalab.web.lab;

/**
 * One generation of a student's sandbox: a reset or a rewind starts the next one, so no history row is
 * ever changed or deleted. {@code startedMs} is the wall-clock time at which offset 0 lies.
 */
record Epoch(long userId, String scenario, int number, long seed, long startedMs) {}

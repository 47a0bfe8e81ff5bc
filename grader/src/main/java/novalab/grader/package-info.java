/** Replays command histories in fresh sandboxes and evaluates checks (arrives with the exercises issue). */
package novalab.grader;

/** {@code ./lab bench grade}: generated histories graded in bulk, reported as histories and commands per second. */
package novalab.grader.bench;

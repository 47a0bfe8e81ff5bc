/** Runs student-written scheduler classes in a separate, locked-down JVM, never in the lab's own. */
package novalab.exercises.sandbox;

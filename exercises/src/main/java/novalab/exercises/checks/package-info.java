/** The expected-end-state vocabulary: small typed checks, each evaluating itself against a sandbox's cloud. */
package novalab.exercises.checks;

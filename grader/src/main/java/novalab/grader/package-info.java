/** The replay grader: a history replayed in a fresh sandbox of the exercise, checks evaluated, a PrairieLearn-shaped result with a receipt. */
package novalab.grader;

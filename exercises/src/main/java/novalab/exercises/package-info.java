/** Exercises as data: the model, the strict loader of content folders, and the catalog students and the grader use. */
package novalab.exercises;

/** The Rosetta drills: a command in one cloud dialect, the student's equivalent in another, graded by comparing the clouds they leave. */
package novalab.web.drill;

/** The exercise pages: each exercise's prompt, its own sandbox's terminal, "Check my progress" with the replay grader, and hints. */
package novalab.web.exercise;

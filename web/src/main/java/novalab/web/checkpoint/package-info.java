/** Checkpoints under each lesson: self-check quizzes, reflection answers, the week's checklist, and their instructor reports. */
package novalab.web.checkpoint;

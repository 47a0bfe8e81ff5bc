/** The instructor's batch grading command: a folder of histories in, Canvas CSV, Gradescope results and an HTML report out. */
package novalab.grader.batch;

/** The instructor's pages: class dashboard, batch grading with regrade preview, gradebook downloads, replay viewer and roster. */
package novalab.web.instructor;

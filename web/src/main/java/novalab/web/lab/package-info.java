/** The student terminal: each student's sandbox, kept in memory and rebuilt by replaying the stored, timed history. */
package novalab.web.lab;

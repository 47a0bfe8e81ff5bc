/** The student's terminal: a small POSIX-style shell, its builtins and text filters, and the machines it logs in to. */
package novalab.engine.shell;

/** {@code ./lab bench jshell}: how fast the sandboxed JShell pool answers and how many sessions a minute it sustains. */
package novalab.jshell.bench;

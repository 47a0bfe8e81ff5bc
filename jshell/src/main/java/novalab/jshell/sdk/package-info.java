/**
 * A small openstacksdk-shaped SDK for the student's own sandbox, seen by playground snippets as {@code cloud}; every
 * call is one HTTP-shaped request answered (and recorded) by the lab.
 */
package novalab.jshell.sdk;

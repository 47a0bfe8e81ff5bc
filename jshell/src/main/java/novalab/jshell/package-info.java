/** Sandboxed JShell for the lab: a fair pool of locked-down JVMs that run student snippets, and the transport their SDK talks through. */
package novalab.jshell;

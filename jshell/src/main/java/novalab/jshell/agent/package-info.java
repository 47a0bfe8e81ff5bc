/** The agent that runs inside each sandbox JVM: the JShell remote end, its security manager and policy, and the SDK channel. */
package novalab.jshell.agent;

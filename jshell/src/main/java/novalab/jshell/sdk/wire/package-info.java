/** The sandbox-side channel that carries SDK requests to the lab and its answers back. */
package novalab.jshell.sdk.wire;

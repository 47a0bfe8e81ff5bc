/** The workstation's network tools (ssh, curl, ping) and what a student finds inside a guest. */
package novalab.engine.cli.net;

/** The Java playground page: a sandboxed JShell whose `cloud` SDK drives the student's own sandbox, every call in their history. */
package novalab.web.playground;

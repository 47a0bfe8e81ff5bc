/** Simulates nova.servicegroup: whether a service counts as up, judged from its heartbeats. */
package novalab.engine.servicegroup;

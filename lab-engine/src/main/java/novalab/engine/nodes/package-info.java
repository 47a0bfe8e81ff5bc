/** The machines of the lab (workstation, controller, compute hosts, guests), their systemd units and operator programs. */
package novalab.engine.nodes;

/** Neutron-lite: networks, ports, security groups and rules, floating IPs, and ingress decisions. */
package novalab.engine.network;

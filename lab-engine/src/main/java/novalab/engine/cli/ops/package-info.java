/** The operator's tools on the controller and compute nodes: crudini, systemctl, nova-manage, virsh, free, nproc, ovs-ofctl and iptables. */
package novalab.engine.cli.ops;
